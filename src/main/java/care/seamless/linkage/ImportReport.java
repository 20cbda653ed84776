package care.seamless.linkage;

import java.time.LocalDate;
import java.util.List;

import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * What an import did: every person it registered and what matching found for each.
 */
public record ImportReport(List<Imported> people) {

	public enum Outcome {

		/** No existing person came close: a new person. */
		CREATED,
		/** Matched an existing person well enough to be linked at once. */
		LINKED,
		/** May be an existing person: queued for someone authorised to decide. */
		REVIEW

	}

	/**
	 * One registered person and the people matching found.
	 *
	 * @param known for a link or a review, whom the person may already be; names and
	 * dates of birth only where the importer may open that record
	 */
	public record Imported(int line, PersonId id, String name, Outcome outcome, List<KnownTo> known) {

	}

	/**
	 * An existing person this one may be, as far as the importer may see them.
	 *
	 * @param organisation the organisation that holds the record, if known
	 * @param name null when the importer may not open the record
	 */
	public record KnownTo(PersonId id, @Nullable String organisation, @Nullable String name,
			@Nullable LocalDate dateOfBirth) {

	}

	public long count(Outcome outcome) {
		return people.stream().filter(person -> person.outcome() == outcome).count();
	}

}
