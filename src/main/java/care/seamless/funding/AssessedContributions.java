package care.seamless.funding;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * The person's weekly contribution from their financial assessment, empty until one is
 * done. The financial assessment engine answers this; until it is wired in, the statement
 * says plainly that the contribution is not known yet.
 */
interface AssessedContributions {

	Optional<BigDecimal> weeklyFor(UUID person);

}
