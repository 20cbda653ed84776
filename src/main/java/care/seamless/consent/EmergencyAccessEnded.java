package care.seamless.consent;

import java.util.Set;
import java.util.UUID;

import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;

/**
 * A guardian judged an emergency access not appropriate and ended it; the practitioner's
 * team managers are to be told.
 */
public record EmergencyAccessEnded(UUID overrideId, PersonId personId, Set<PractitionerId> managers) {

	public EmergencyAccessEnded {
		managers = Set.copyOf(managers);
	}

}
