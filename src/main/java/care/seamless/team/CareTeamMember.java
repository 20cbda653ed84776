package care.seamless.team;

import care.seamless.shared.Profession;
import java.time.LocalDate;
import java.util.UUID;

import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import org.jspecify.annotations.Nullable;

public record CareTeamMember(UUID id, PersonId personId, PractitionerId practitionerId, String practitionerName,
		Profession profession, String organisationName, OrganisationKind organisationKind, @Nullable String teamName,
		String role, boolean lead, LocalDate periodStart, @Nullable LocalDate periodEnd, long version,
		@Nullable String endReason, @Nullable String endedBy) {

	public boolean isCurrent(LocalDate today) {
		return !periodStart.isAfter(today) && (periodEnd == null || periodEnd.isAfter(today));
	}

}
