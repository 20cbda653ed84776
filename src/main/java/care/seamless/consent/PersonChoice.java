package care.seamless.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * One dated choice of the person's: who it is about, what it covers, how it was given,
 * and whether it still stands.
 */
public record PersonChoice(UUID id, PersonId personId, ChoiceKind kind, @Nullable OrganisationId organisationId,
		@Nullable String organisationName, @Nullable DataCategory category, HowGiven howGiven, LocalDate effectiveFrom,
		@Nullable LocalDate expiresOn, @Nullable UUID bestInterestsDecisionId, String recordedBy, Instant recordedAt,
		@Nullable Instant withdrawnAt, @Nullable String withdrawnBy, long version) {

	public boolean inForce(LocalDate today) {
		return withdrawnAt == null && !effectiveFrom.isAfter(today) && (expiresOn == null || expiresOn.isAfter(today));
	}

}
