package care.seamless.funding;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * The person's weekly contribution from their financial assessment, empty until one is
 * done, and then the statement says plainly that the contribution is not known yet.
 * Answered by {@link FinancialAssessments}.
 */
interface AssessedContributions {

	Optional<BigDecimal> weeklyFor(UUID person);

}
