package care.seamless.partnership;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import care.seamless.partnership.RiskShare.Partner;
import care.seamless.partnership.RiskShare.Rule;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Year-end risk share, worked by hand (the working is in each comment) and as properties:
 * under every rule the partners' shares sum exactly to the variance, pro rata shares are
 * within a penny of the exact share, and no partner but the host bears more than its cap.
 */
class RiskShareTests {

	private static final BigDecimal COUNCIL = new BigDecimal("2100000.00");

	private static final BigDecimal TRUST = new BigDecimal("3400000.00");

	@Test
	void proRataGivesTheLeftoverPennyToTheLargestRemainder() {
		// 100,000 × 2.1/5.5 = 38,181.818…; 100,000 × 3.4/5.5 = 61,818.181…; whole pence
		// 38,181.81 + 61,818.18 = 99,999.99, and the penny left goes to the council (.818
		// beats .181).
		assertThat(shares(Rule.PRO_RATA, "100000.00",
				List.of(partner("Council", COUNCIL, null, null), partner("Trust", TRUST, null, null)), null))
			.containsExactly(Map.entry("Council", new BigDecimal("38181.82")),
					Map.entry("Trust", new BigDecimal("61818.18")));
	}

	@Test
	void equalContributionsGiveTheLeftoverPennyToTheFirstListed() {
		// 1.00 / 3 = 0.333… each; 0.33 × 3 = 0.99; the tie goes to the first listed.
		BigDecimal one = new BigDecimal("1.00");
		assertThat(shares(Rule.PRO_RATA, "1.00",
				List.of(partner("A", one, null, null), partner("B", one, null, null), partner("C", one, null, null)),
				null))
			.containsExactly(Map.entry("A", new BigDecimal("0.34")), Map.entry("B", new BigDecimal("0.33")),
					Map.entry("C", new BigDecimal("0.33")));
	}

	@Test
	void fixedSharesOfAnUnderspend() {
		// -12,345.67 × 60% = -7,407.402 → -7,407.40 (remainder .2); × 40% = -4,938.268 →
		// -4,938.26 (remainder .8); together -12,345.66, so the trust takes the last
		// -0.01.
		assertThat(shares(Rule.FIXED, "-12345.67",
				List.of(partner("Council", COUNCIL, "60", null), partner("Trust", TRUST, "40", null)), null))
			.containsExactly(Map.entry("Council", new BigDecimal("-7407.40")),
					Map.entry("Trust", new BigDecimal("-4938.27")));
	}

	@Test
	void fixedSharesInThirdsOfAPound() {
		// 33.33% and 33.33% of 100p are 33.33p → 33p; 33.34% is 33.34p → 33p; the penny
		// left goes to the largest remainder (.34).
		assertThat(shares(Rule.FIXED, "1.00",
				List.of(partner("A", COUNCIL, "33.33", null), partner("B", COUNCIL, "33.33", null),
						partner("C", COUNCIL, "33.34", null)),
				null))
			.containsExactly(Map.entry("A", new BigDecimal("0.33")), Map.entry("B", new BigDecimal("0.33")),
					Map.entry("C", new BigDecimal("0.34")));
	}

	@Test
	void aCappedPartnerBearsItsCapAndTheOthersTheRest() {
		// Pro rata the council would bear 500,000 × 2.1/5.5 = 190,909.09, over its cap of
		// 100,000; it bears 100,000 and the trust the other 400,000.
		assertThat(shares(Rule.CAPPED, "500000.00",
				List.of(partner("Council", COUNCIL, null, "100000.00"), partner("Trust", TRUST, null, null)),
				"Council"))
			.containsExactly(Map.entry("Council", new BigDecimal("100000.00")),
					Map.entry("Trust", new BigDecimal("400000.00")));
	}

	@Test
	void whenEveryPartnerIsAtItsCapTheHostBearsTheRest() {
		// Caps 100,000 and 200,000 on 500,000: both are passed in the first pass
		// (190,909.09 and 309,090.91); 200,000 is left and falls to the host, the trust:
		// 400,000 in all.
		RiskShare.Result result = RiskShare.share(Rule.CAPPED, new BigDecimal("500000.00"),
				List.of(partner("Council", COUNCIL, null, "100000.00"), partner("Trust", TRUST, null, "200000.00")),
				"Trust");
		assertThat(result.shares()).containsExactly(Map.entry("Council", new BigDecimal("100000.00")),
				Map.entry("Trust", new BigDecimal("400000.00")));
		assertThat(result.working()).anyMatch((line) -> line.contains("the host, Trust, bears the rest, £200,000.00"));
	}

	@Test
	void aCapLimitsAShareOfAnUnderspendToo() {
		// -50,000 pro rata: council -19,090.91, over its cap of 10,000; it gets -10,000
		// back
		// and the trust -40,000.
		assertThat(shares(Rule.CAPPED, "-50000.00",
				List.of(partner("Council", COUNCIL, null, "10000.00"), partner("Trust", TRUST, null, null)), "Council"))
			.containsExactly(Map.entry("Council", new BigDecimal("-10000.00")),
					Map.entry("Trust", new BigDecimal("-40000.00")));
	}

	@Test
	void refusesTermsThatCannotBeShared() {
		assertThatThrownBy(() -> shares(Rule.FIXED, "10.00",
				List.of(partner("A", COUNCIL, "60", null), partner("B", COUNCIL, "30", null)), null))
			.hasMessageContaining("sum to 100");
		assertThatThrownBy(() -> shares(Rule.PRO_RATA, "10.00",
				List.of(partner("A", BigDecimal.ZERO, null, null), partner("B", BigDecimal.ZERO, null, null)), null))
			.hasMessageContaining("above zero");
		assertThatThrownBy(() -> shares(Rule.PRO_RATA, "10.001", List.of(partner("A", COUNCIL, null, null)), null))
			.isInstanceOf(ArithmeticException.class);
	}

	@Property(tries = 300)
	void sharesAlwaysSumExactlyToTheVariance(@ForAll("terms") List<Partner> partners,
			@ForAll("variances") BigDecimal variance, @ForAll Rule rule) {
		String host = partners.get(0).name();
		RiskShare.Result result = RiskShare.share(rule, variance, partners, host);
		BigDecimal total = result.shares().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(total).isEqualByComparingTo(variance);
		BigDecimal contributions = partners.stream()
			.map(Partner::contribution)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		for (Partner partner : partners) {
			BigDecimal share = result.shares().get(partner.name());
			if (rule == Rule.PRO_RATA) {
				BigDecimal exact = variance.multiply(partner.contribution())
					.divide(contributions, 10, java.math.RoundingMode.HALF_EVEN);
				assertThat(share.subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
			}
			if (rule == Rule.CAPPED && partner.cap() != null && !partner.name().equals(host)) {
				assertThat(share.abs()).isLessThanOrEqualTo(partner.cap());
			}
		}
	}

	@Provide
	Arbitrary<List<Partner>> terms() {
		return Arbitraries.integers().between(1, 6).flatMap((n) -> {
			Arbitrary<List<Long>> contributions = Arbitraries.longs().between(1, 1_000_000_000L).list().ofSize(n);
			Arbitrary<List<Integer>> cuts = Arbitraries.integers().between(0, 10_000).list().ofSize(n - 1);
			Arbitrary<List<Long>> caps = Arbitraries.longs().between(0, 500_000_000L).injectNull(0.4).list().ofSize(n);
			return Combinators.combine(contributions, cuts, caps).as((money, cut, cap) -> {
				// Percentages in basis points from sorted cuts of 0..10,000, so they sum
				// to 100.
				List<Integer> points = new ArrayList<>(cut);
				points.add(0);
				points.add(10_000);
				points.sort(Integer::compare);
				List<Partner> partners = new ArrayList<>();
				for (int i = 0; i < n; i++) {
					partners.add(new Partner("P" + i, BigDecimal.valueOf(money.get(i), 2),
							BigDecimal.valueOf(points.get(i + 1) - points.get(i), 2),
							cap.get(i) == null ? null : BigDecimal.valueOf(cap.get(i), 2)));
				}
				return partners;
			});
		});
	}

	@Provide
	Arbitrary<BigDecimal> variances() {
		return Arbitraries.longs().between(-5_000_000_000L, 5_000_000_000L).map((p) -> BigDecimal.valueOf(p, 2));
	}

	private static Map<String, BigDecimal> shares(Rule rule, String variance, List<Partner> partners, String host) {
		return RiskShare.share(rule, new BigDecimal(variance), partners, host).shares();
	}

	private static Partner partner(String name, BigDecimal contribution, String percentage, String cap) {
		return new Partner(name, contribution, percentage == null ? null : new BigDecimal(percentage),
				cap == null ? null : new BigDecimal(cap));
	}

}
