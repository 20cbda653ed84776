package care.seamless.partnership;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How a pooled fund's year-end overspend or underspend is shared between partners, with
 * the working shown. Pure arithmetic in pence, so the shares always sum exactly to the
 * variance: each partner first gets the whole pence of its exact share, and the pence
 * left over go one each to the partners with the largest remainders (ties to the partner
 * listed first), the same largest-remainder rule for every kind of share.
 * <ul>
 * <li>{@link Rule#PRO_RATA}: in proportion to each partner's contribution for the
 * year.</li>
 * <li>{@link Rule#FIXED}: fixed percentages agreed in the partnership agreement (summing
 * to 100).</li>
 * <li>{@link Rule#CAPPED}: pro rata, but no partner bears more than its cap; what a
 * capped partner does not bear is shared pro rata among the others, and anything left
 * once every partner is at its cap falls to the host partner (whose cap is ignored for
 * that remainder), as host agreements usually say.</li>
 * </ul>
 */
public final class RiskShare {

	private RiskShare() {
	}

	public enum Rule {

		PRO_RATA, FIXED, CAPPED

	}

	/**
	 * One partner's terms: contribution for the year (pro rata weight), fixed percentage
	 * (for {@link Rule#FIXED}) and cap (for {@link Rule#CAPPED}, null for none).
	 */
	public record Partner(String name, BigDecimal contribution, @Nullable BigDecimal percentage,
			@Nullable BigDecimal cap) {
	}

	/** Each partner's share and the working, line by line. */
	public record Result(Map<String, BigDecimal> shares, List<String> working) {
	}

	/**
	 * Shares {@code variance} (positive: overspend the partners must meet; negative:
	 * underspend returned to them) under the rule.
	 */
	public static Result share(Rule rule, BigDecimal variance, List<Partner> partners, @Nullable String host) {
		if (partners.isEmpty()) {
			throw new IllegalArgumentException("A pooled fund has partners");
		}
		long pence = pence(variance);
		List<String> working = new ArrayList<>();
		working.add("Variance to share: " + pounds(pence) + (pence >= 0 ? " (overspend)" : " (underspend)"));
		long[] shares = switch (rule) {
			case PRO_RATA -> proRata(pence, weights(partners, false), partners, working);
			case FIXED -> fixed(pence, partners, working);
			case CAPPED -> capped(pence, partners, host, working);
		};
		Map<String, BigDecimal> result = new LinkedHashMap<>();
		for (int i = 0; i < partners.size(); i++) {
			result.put(partners.get(i).name(), BigDecimal.valueOf(shares[i], 2));
			working.add(partners.get(i).name() + " bears " + pounds(shares[i]));
		}
		return new Result(result, working);
	}

	private static long[] fixed(long pence, List<Partner> partners, List<String> working) {
		BigDecimal total = BigDecimal.ZERO;
		for (Partner partner : partners) {
			if (partner.percentage() == null || partner.percentage().signum() < 0) {
				throw new IllegalArgumentException("Every partner needs a fixed percentage of 0 or more");
			}
			total = total.add(partner.percentage());
		}
		if (total.compareTo(BigDecimal.valueOf(100)) != 0) {
			throw new IllegalArgumentException("Fixed percentages must sum to 100, not " + total.toPlainString());
		}
		working.add("Fixed shares agreed: " + String.join(", ",
				partners.stream().map((p) -> p.name() + " " + p.percentage().toPlainString() + "%").toList()));
		return largestRemainder(pence, weights(partners, true));
	}

	private static long[] proRata(long pence, BigDecimal[] weights, List<Partner> partners, List<String> working) {
		BigDecimal total = sum(weights);
		if (total.signum() <= 0) {
			throw new IllegalArgumentException("Pro rata shares need contributions above zero");
		}
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < partners.size(); i++) {
			parts.add(partners.get(i).name() + " " + weights[i].toPlainString() + " of " + total.toPlainString());
		}
		working.add("In proportion to contributions: " + String.join(", ", parts));
		return largestRemainder(pence, weights);
	}

	private static long[] capped(long pence, List<Partner> partners, @Nullable String host, List<String> working) {
		int n = partners.size();
		long[] shares = new long[n];
		boolean[] atCap = new boolean[n];
		long remaining = pence;
		BigDecimal[] weights = weights(partners, false);
		for (Partner partner : partners) {
			if (partner.cap() != null && partner.cap().signum() < 0) {
				throw new IllegalArgumentException("A cap cannot be negative");
			}
		}
		// Each pass shares what is left among partners below their cap; a partner whose
		// share would pass its cap bears the cap and leaves the pass. At most n passes.
		for (int pass = 0; pass < n && remaining != 0; pass++) {
			BigDecimal[] active = new BigDecimal[n];
			for (int i = 0; i < n; i++) {
				active[i] = atCap[i] ? BigDecimal.ZERO : weights[i];
			}
			if (sum(active).signum() <= 0) {
				break;
			}
			long[] proposed = largestRemainder(remaining, active);
			boolean capped = false;
			for (int i = 0; i < n; i++) {
				Long cap = partners.get(i).cap() == null ? null : pence(partners.get(i).cap());
				if (!atCap[i] && cap != null && Math.abs(shares[i] + proposed[i]) > cap) {
					long bear = Long.signum(remaining) * cap - shares[i];
					working.add(partners.get(i).name() + " reaches its cap of " + pounds(cap));
					shares[i] += bear;
					remaining -= bear;
					atCap[i] = true;
					capped = true;
				}
			}
			if (!capped) {
				for (int i = 0; i < n; i++) {
					shares[i] += proposed[i];
				}
				remaining = 0;
			}
		}
		if (remaining != 0) {
			int hostIndex = 0;
			for (int i = 0; i < n; i++) {
				if (Objects.equals(partners.get(i).name(), host)) {
					hostIndex = i;
				}
			}
			working.add("Every partner is at its cap; the host, " + partners.get(hostIndex).name()
					+ ", bears the rest, " + pounds(remaining));
			shares[hostIndex] += remaining;
		}
		return shares;
	}

	/**
	 * Splits {@code pence} in proportion to the weights: whole pence first (towards
	 * zero), then one penny each to the largest remainders until the sum is exact.
	 */
	static long[] largestRemainder(long pence, BigDecimal[] weights) {
		BigDecimal total = sum(weights);
		int n = weights.length;
		long[] shares = new long[n];
		BigDecimal[] remainders = new BigDecimal[n];
		long allotted = 0;
		for (int i = 0; i < n; i++) {
			BigDecimal exact = BigDecimal.valueOf(pence).multiply(weights[i]).divide(total, 12, RoundingMode.DOWN);
			BigDecimal whole = exact.setScale(0, RoundingMode.DOWN);
			shares[i] = whole.longValueExact();
			remainders[i] = exact.subtract(whole).abs();
			allotted += shares[i];
		}
		long left = pence - allotted;
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (weights[i].signum() > 0) {
				order.add(i);
			}
		}
		order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing((Integer i) -> i));
		for (int k = 0; left != 0; k = (k + 1) % order.size()) {
			shares[order.get(k)] += Long.signum(left);
			left -= Long.signum(left);
		}
		return shares;
	}

	private static BigDecimal[] weights(List<Partner> partners, boolean percentages) {
		BigDecimal[] weights = new BigDecimal[partners.size()];
		for (int i = 0; i < partners.size(); i++) {
			BigDecimal weight = percentages ? partners.get(i).percentage() : partners.get(i).contribution();
			if (weight == null || weight.signum() < 0) {
				throw new IllegalArgumentException("Contributions and percentages cannot be negative");
			}
			weights[i] = weight;
		}
		return weights;
	}

	private static BigDecimal sum(BigDecimal[] values) {
		BigDecimal total = BigDecimal.ZERO;
		for (BigDecimal value : values) {
			total = total.add(value);
		}
		return total;
	}

	static long pence(BigDecimal pounds) {
		return pounds.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
	}

	static String pounds(long pence) {
		BigDecimal value = BigDecimal.valueOf(pence, 2);
		return (value.signum() < 0 ? "-£" : "£") + String.format(java.util.Locale.UK, "%,.2f", value.abs());
	}

}
