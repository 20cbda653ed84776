package care.seamless.partnership;

import java.time.LocalDate;
import java.util.Set;

import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Purpose;

public record NewAgreement(String title, String lawfulBasis, Set<OrganisationId> parties, Set<Purpose> purposes,
		Set<DataCategory> categories, LocalDate startDate, LocalDate reviewDate, AgreementStatus status) {
}
