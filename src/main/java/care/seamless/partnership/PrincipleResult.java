package care.seamless.partnership;

import java.math.BigDecimal;
import java.util.List;

/**
 * How one principle was rated in a round: the mean over every rating, each partner's
 * mean, and the spread between the highest and lowest partner (how far partners
 * disagree). Means are 1 (strongly disagree) to 4 (strongly agree), exact to two places.
 */
public record PrincipleResult(Principle principle, BigDecimal mean, BigDecimal spread, List<PartnerScore> partners) {

	/** Below this, the principle needs an action (between "disagree" and "agree"). */
	public static final BigDecimal LOW = new BigDecimal("2.50");

	public PrincipleResult {
		partners = List.copyOf(partners);
	}

	public boolean low() {
		return mean.compareTo(LOW) < 0;
	}

	public record PartnerScore(String organisationName, BigDecimal mean, int raters) {
	}

}
