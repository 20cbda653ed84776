package care.seamless.referral;

import java.util.Set;

import care.seamless.shared.DataCategory;
import care.seamless.shared.PersonId;
import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;

/**
 * What a referrer writes: who for, from which of their teams to which team, why (a code
 * of the common language and their own words), how urgent, what the person knows and has
 * agreed to, on what basis the information goes, and which categories of the record go
 * with it.
 */
public record NewReferral(PersonId person, @Nullable TeamId fromTeam, @Nullable TeamId toTeam,
		@Nullable String reasonCode, @Nullable String reasonText, @Nullable Urgency urgency, boolean personInformed,
		@Nullable String personView, @Nullable SharingBasis basis, Set<DataCategory> categories) {

	public NewReferral {
		categories = Set.copyOf(categories);
	}

}
