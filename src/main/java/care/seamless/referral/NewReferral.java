package care.seamless.referral;

import java.util.Set;

import care.seamless.shared.DataCategory;
import care.seamless.shared.PersonId;
import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;

/**
 * What a referrer writes: who for, from which of their teams to which team, why (a code
 * of the common language and their own words), how urgent, what the person knows and has
 * agreed to, on what basis the information goes, which categories of the record go with
 * it, and which assessment sections and plan items (only those: a category sent does not
 * send its sections or items).
 */
public record NewReferral(PersonId person, @Nullable TeamId fromTeam, @Nullable TeamId toTeam,
		@Nullable String reasonCode, @Nullable String reasonText, @Nullable Urgency urgency, boolean personInformed,
		@Nullable String personView, @Nullable SharingBasis basis, Set<DataCategory> categories, Set<SentItem> items) {

	public NewReferral {
		categories = Set.copyOf(categories);
		items = Set.copyOf(items);
	}

	/**
	 * A referral sending categories of the record and no assessment section or plan item.
	 */
	public NewReferral(PersonId person, @Nullable TeamId fromTeam, @Nullable TeamId toTeam, @Nullable String reasonCode,
			@Nullable String reasonText, @Nullable Urgency urgency, boolean personInformed, @Nullable String personView,
			@Nullable SharingBasis basis, Set<DataCategory> categories) {
		this(person, fromTeam, toTeam, reasonCode, reasonText, urgency, personInformed, personView, basis, categories,
				Set.of());
	}

}
