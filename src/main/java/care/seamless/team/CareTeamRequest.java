package care.seamless.team;

import java.time.Instant;
import java.util.UUID;

import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Profession;
import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;

/**
 * A change to a care team that waits for someone to accept it: an invitation to a
 * practitioner of another organisation, a handover of the lead, or a practitioner's
 * request to join.
 *
 * @param practitionerId the invitee, the incoming lead, or the practitioner asking
 * @param outgoingLead for a handover, the lead it was asked of
 */
public record CareTeamRequest(UUID id, PersonId personId, Kind kind, PractitionerId practitionerId,
		String practitionerName, Profession profession, String organisationName, @Nullable TeamId teamId, String role,
		@Nullable String message, String requestedBy, @Nullable PractitionerId requestedByPractitioner,
		@Nullable String requestedByName, Instant requestedAt, @Nullable PractitionerId outgoingLead, Status status,
		@Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String decisionReason, long version) {

	public enum Kind {

		INVITATION, HANDOVER, JOIN

	}

	public enum Status {

		PENDING, ACCEPTED, DECLINED, WITHDRAWN

	}

	public boolean pending() {
		return status == Status.PENDING;
	}

}
