package care.seamless.partnership;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.seamless.shared.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * What a partnership agreement states (NHS Bodies and Local Authorities Partnership
 * Arrangements Regulations 2000, regulation 8): aims and outcomes, each partner's
 * contribution and how it may vary, the functions and services covered, staff and
 * resources, duration, review and termination, governance, host partner and pool manager;
 * and the information-sharing agreements it relies on.
 */
public record NewPartnership(String name, PartnershipKind kind, PartnershipDirection direction, String aims,
		String functions, String staffAndResources, String governance, @Nullable OrganisationId host,
		String poolManager, LocalDate startDate, @Nullable LocalDate endDate, LocalDate reviewDate, String termination,
		PartnershipStatus status, List<Partner> partners, Set<UUID> sharingAgreements) {

	public NewPartnership {
		partners = List.copyOf(partners);
		sharingAgreements = Set.copyOf(sharingAgreements);
	}

	/** One partner and, in words, what it puts in and how that may vary. */
	public record Partner(OrganisationId organisation, String contribution, String variation) {
	}

}
