package care.seamless.door;

import java.util.Set;

import care.seamless.consent.ActingKind;
import care.seamless.shared.DataCategory;
import org.jspecify.annotations.Nullable;

/**
 * An invitation to make: who is invited, as what, and (for a carer) what the person
 * agreed to share with them; an attorney's registered lasting power of attorney
 * reference.
 */
public record NewInvitation(@Nullable ActingKind kind, @Nullable String inviteeName, @Nullable String lpaReference,
		Set<DataCategory> categories) {

	public NewInvitation {
		categories = Set.copyOf(categories);
	}

}
