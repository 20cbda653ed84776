package care.seamless.person;

import java.util.List;

import care.seamless.shared.PersonId;
import care.seamless.team.CareTeamMember;
import org.jspecify.annotations.Nullable;

/** The shared record as a practitioner with a legitimate relationship sees it. */
/**
 * The shared record as the viewer may see it. When the core details are withheld from the
 * viewer, {@code details} holds only what identifies the person (as search shows) and
 * {@code detailsWithheld} says why; related people are handled the same way, and entries
 * come with notices for what is withheld.
 */
public record PersonRecord(PersonId id, PersonDetails details, boolean restricted, long version,
		List<PersonIdentifier> identifiers, List<RelatedPerson> relatedPeople, List<CareTeamMember> careTeam,
		@Nullable WithheldNotice detailsWithheld, @Nullable WithheldNotice relatedPeopleWithheld,
		@Nullable EntryPage entries, boolean override) {
}
