package care.seamless.person;

import java.util.List;

import care.seamless.shared.PersonId;
import care.seamless.team.CareTeamMember;

/** The shared record as a practitioner with a legitimate relationship sees it. */
public record PersonRecord(PersonId id, PersonDetails details, boolean restricted, long version,
		List<PersonIdentifier> identifiers, List<RelatedPerson> relatedPeople, List<CareTeamMember> careTeam) {
}
