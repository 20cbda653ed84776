package care.seamless.careplan;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import org.jspecify.annotations.Nullable;

/** What a practitioner enters for an objective; checked by {@link CarePlans}. */
public record NewObjective(@Nullable UUID outcomeId, @Nullable Section section, @Nullable String description,
		@Nullable String target, @Nullable String measure, @Nullable LocalDate targetDate, List<String> needCodes,
		Set<OrganisationId> partners, @Nullable DataCategory category) {

	public NewObjective {
		// A JSON body may leave a list out; the plan's rules then say what is missing.
		needCodes = needCodes == null ? List.of() : List.copyOf(needCodes);
		partners = partners == null ? Set.of() : Set.copyOf(partners);
	}

}
