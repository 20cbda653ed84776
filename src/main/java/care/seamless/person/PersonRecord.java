package care.seamless.person;

import java.util.List;
import java.util.Map;

import care.seamless.shared.PersonId;
import care.seamless.team.CareTeamMember;
import org.jspecify.annotations.Nullable;

/**
 * The shared record as the viewer may see it. When the core details are withheld from the
 * viewer, {@code details} holds only what identifies the person (as search shows) and
 * {@code detailsWithheld} says why; related people are handled the same way, and entries
 * come with notices for what is withheld.
 * <p>
 * When the person has other records linked with this one (identity matching), the care
 * team and entries include theirs, each marked with its record; {@code linkedRecords}
 * names each such record's source organisation (empty when it has none).
 */
public record PersonRecord(PersonId id, PersonDetails details, boolean restricted, long version,
		List<PersonIdentifier> identifiers, List<RelatedPerson> relatedPeople, List<CareTeamMember> careTeam,
		@Nullable WithheldNotice detailsWithheld, @Nullable WithheldNotice relatedPeopleWithheld,
		@Nullable EntryPage entries, boolean override, Map<PersonId, String> linkedRecords) {
}
