package care.seamless.person;

import java.util.List;

/**
 * At most {@code limit} people; {@code more} says that others matched too and the search
 * should be narrowed. {@code outsideCareTeams} says whether people outside the searcher's
 * care teams were looked for (only with identifying criteria), so a page can say that
 * nobody found does not mean nobody exists.
 */
public record SearchResults(List<PersonSummary> people, boolean more, boolean outsideCareTeams, int limit) {

	public int shown() {
		return people.size();
	}

}
