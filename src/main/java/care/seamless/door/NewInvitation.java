package care.seamless.door;

import java.util.Set;

import care.seamless.consent.ActingKind;
import care.seamless.shared.DataCategory;
import org.jspecify.annotations.Nullable;

/**
 * An invitation to make: who is invited, as what, and (for a carer) what the person
 * agreed to share with them; an attorney's registered lasting power of attorney
 * reference; whether the person agreed that a carer or property-and-finance attorney may
 * speak for them (send messages and feedback).
 */
public record NewInvitation(@Nullable ActingKind kind, @Nullable String inviteeName, @Nullable String lpaReference,
		Set<DataCategory> categories, boolean speaksFor) {

	public NewInvitation {
		categories = Set.copyOf(categories);
	}

	/** An invitation without leave to speak for the person. */
	public NewInvitation(@Nullable ActingKind kind, @Nullable String inviteeName, @Nullable String lpaReference,
			Set<DataCategory> categories) {
		this(kind, inviteeName, lpaReference, categories, false);
	}

}
