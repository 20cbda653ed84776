package care.seamless.discharge;

import java.time.Instant;
import java.util.UUID;

import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;

/** A ward recorded that the person is in hospital; ids and facts only. */
public record AdmissionRecorded(UUID admissionId, PersonId personId, TeamId wardTeamId, PractitionerId by,
		Instant admittedAt) {
}
