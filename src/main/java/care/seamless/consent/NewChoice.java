package care.seamless.consent;

import java.time.LocalDate;
import java.util.UUID;

import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import org.jspecify.annotations.Nullable;

/** A choice to record; a null organisation or category means "all". */
public record NewChoice(ChoiceKind kind, @Nullable OrganisationId organisationId, @Nullable DataCategory category,
		HowGiven howGiven, LocalDate effectiveFrom, @Nullable LocalDate expiresOn,
		@Nullable UUID bestInterestsDecisionId) {
}
