package care.seamless.partnership;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.shared.OrganisationId;
import org.jspecify.annotations.Nullable;

/** A partnership as the register shows it. */
public record Partnership(UUID id, String name, PartnershipKind kind, PartnershipDirection direction, String aims,
		String functions, String staffAndResources, String governance, @Nullable OrganisationId host,
		@Nullable String hostName, String poolManager, LocalDate startDate, @Nullable LocalDate endDate,
		LocalDate reviewDate, String termination, PartnershipStatus status, long version, List<Partner> partners,
		List<SharingAgreement> sharingAgreements, Map<ReadinessItem, Readiness> readiness) {

	public Partnership {
		partners = List.copyOf(partners);
		sharingAgreements = List.copyOf(sharingAgreements);
		readiness = Map.copyOf(readiness);
	}

	public record Partner(OrganisationId organisation, String name, String contribution, String variation) {
	}

	public record Readiness(ReadinessItem.State state, String note, long version) {
	}

	public boolean reviewDue(LocalDate today) {
		return status != PartnershipStatus.ENDED && !reviewDate.isAfter(today);
	}

	public Readiness readinessOf(ReadinessItem item) {
		return readiness.getOrDefault(item, new Readiness(ReadinessItem.State.NOT_STARTED, "", -1));
	}

	public boolean hasPartner(@Nullable OrganisationId organisation) {
		return organisation != null && partners.stream().anyMatch((p) -> p.organisation().equals(organisation));
	}

}
