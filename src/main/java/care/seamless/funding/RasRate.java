package care.seamless.funding;

import java.math.BigDecimal;

import care.seamless.eligibility.UnableSense;

/**
 * One financial year's resource allocation rates: the points for an eligible outcome by
 * the sense in which the person is unable to achieve it, and the weekly price of a point.
 */
public record RasRate(int financialYear, int pointsNeedsAssistance, int pointsPainDistress, int pointsEndangers,
		int pointsTakesLonger, BigDecimal weeklyRatePerPoint, String source) {

	public int points(UnableSense sense) {
		return switch (sense) {
			case NEEDS_ASSISTANCE -> pointsNeedsAssistance;
			case PAIN_DISTRESS_ANXIETY -> pointsPainDistress;
			case ENDANGERS -> pointsEndangers;
			case TAKES_SIGNIFICANTLY_LONGER -> pointsTakesLonger;
		};
	}

}
