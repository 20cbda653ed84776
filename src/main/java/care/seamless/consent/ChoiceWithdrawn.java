package care.seamless.consent;

import java.util.Set;
import java.util.UUID;

import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;

/**
 * One of the person's choices was withdrawn; the Caldicott guardians concerned (of the
 * organisation it covered and of the one that recorded the change, or the partnership's
 * fallback guardian) are to be told. Carries ids only.
 */
public record ChoiceWithdrawn(UUID choiceId, PersonId personId, Set<PractitionerId> guardians) {

	public ChoiceWithdrawn {
		guardians = Set.copyOf(guardians);
	}

}
