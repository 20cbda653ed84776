package care.seamless.consent;

import java.util.Set;
import java.util.UUID;

import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;

/**
 * Someone broke the glass; the guardians who must review it (their organisation's, or the
 * partnership's fallback guardian) are to be told at once, and whether the practitioner
 * lacked current information-governance training.
 */
public record EmergencyAccessStarted(UUID overrideId, PersonId personId, Set<PractitionerId> guardians,
		boolean withoutTraining) {

	public EmergencyAccessStarted {
		guardians = Set.copyOf(guardians);
	}

}
