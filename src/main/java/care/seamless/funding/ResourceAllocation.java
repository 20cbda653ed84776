package care.seamless.funding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import care.seamless.eligibility.UnableSense;

/**
 * The indicative budget: points for each eligible outcome the person cannot achieve,
 * times the year's weekly rate per point, with every line of the working. Plain
 * arithmetic, exact to the penny (a rate has two decimals and points are whole, so no
 * rounding happens).
 */
public final class ResourceAllocation {

	private ResourceAllocation() {
	}

	/** One eligible outcome and the points it scored. */
	public record Line(String outcome, UnableSense sense, int points) {
	}

	public record Indicative(int financialYear, List<Line> lines, int points, BigDecimal weeklyRatePerPoint,
			BigDecimal weekly) {
	}

	/** A finding: the outcome's words and the sense it counted in. */
	public record Finding(String outcome, UnableSense sense) {
	}

	public static Indicative indicative(List<Finding> findings, RasRate rate) {
		List<Line> lines = new ArrayList<>();
		int points = 0;
		for (Finding finding : findings) {
			int scored = rate.points(finding.sense());
			lines.add(new Line(finding.outcome(), finding.sense(), scored));
			points += scored;
		}
		BigDecimal weekly = Amounts.pounds(rate.weeklyRatePerPoint().multiply(BigDecimal.valueOf(points)));
		return new Indicative(rate.financialYear(), List.copyOf(lines), points, rate.weeklyRatePerPoint(), weekly);
	}

}
