package care.seamless.partnership;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.seamless.shared.DataCategory;
import care.seamless.shared.Purpose;

public record SharingAgreement(UUID id, String title, String lawfulBasis, List<Party> parties, Set<Purpose> purposes,
		Set<DataCategory> categories, LocalDate startDate, LocalDate reviewDate, AgreementStatus status, long version) {

	public SharingAgreement {
		parties = List.copyOf(parties);
		purposes = Set.copyOf(purposes);
		categories = Set.copyOf(categories);
	}

	public record Party(care.seamless.shared.OrganisationId id, String name) {
	}

	public boolean reviewOverdue(LocalDate today) {
		return status == AgreementStatus.ACTIVE && reviewDate.isBefore(today);
	}

}
