package care.seamless.eligibility;

import java.util.List;

import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * A person's determinations as the viewer may see them: the current adult and carer
 * decisions, and every determination newest first (history is never dropped), with a note
 * for any withheld.
 */
public record EligibilityOverview(PersonId personId, String personName, @Nullable Determination currentAdult,
		@Nullable Determination currentCarer, List<Determination> history, List<Withheld> withheld) {

	/** Determinations the viewer may not see: why, and who holds them; never how many. */
	public record Withheld(String note, String organisationName) {
	}

}
