package care.seamless.outcomes;

import care.seamless.shared.OrganisationId;
import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;

/**
 * One published figure of a measure for a period and a group: the whole partnership, a
 * partner organisation, or a team (with its organisation).
 */
public record OutcomeRow(Measure measure, Period period, @Nullable OrganisationId organisation,
		@Nullable String organisationName, @Nullable TeamId team, @Nullable String teamName, Figure figure) {

	/** The group's name as shown; {@code whole} for the whole partnership. */
	public String group(String whole) {
		if (teamName != null) {
			return teamName + " (" + organisationName + ")";
		}
		return organisationName != null ? organisationName : whole;
	}

}
