package care.seamless.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The 2025/26 figures as seeded by migration V110, for tests of the engine that run
 * without a database ({@code FinancialAssessmentsTests} checks the seeded rows match).
 */
final class RatesFixture {

	private RatesFixture() {
	}

	static ChargingRates year2025() {
		Map<String, ChargingRates.GuaranteeAmount> guarantee = Stream
			.of(band("SINGLE_18_24", false, "89.15"), band("SINGLE_25_TO_PENSION_AGE", false, "112.50"),
					band("LONE_PARENT_18_PLUS", false, "112.50"), band("COUPLE_EACH_18_PLUS", false, "88.25"),
					band("PENSION_AGE_SINGLE", false, "232.60"), band("PENSION_AGE_COUPLE_EACH", false, "177.75"),
					band("DISABILITY_PREMIUM", true, "49.65"), band("ENHANCED_DISABILITY_PREMIUM", true, "24.25"),
					band("CARER_PREMIUM", true, "53.25"), band("DEPENDENT_CHILD", true, "102.95"))
			.collect(Collectors.toMap(ChargingRates.GuaranteeAmount::code, g -> g));
		return new ChargingRates("2025/26", LocalDate.of(2025, 4, 6), LocalDate.of(2026, 4, 5),
				new BigDecimal("14250.00"), new BigDecimal("23250.00"), new BigDecimal("250.00"),
				new BigDecimal("1.00"), new BigDecimal("30.65"), 12, new BigDecimal("10.00"), 6,
				new BigDecimal("1000.00"), "test", guarantee);
	}

	private static ChargingRates.GuaranteeAmount band(String code, boolean addition, String amount) {
		return new ChargingRates.GuaranteeAmount(code, addition, new BigDecimal(amount), code);
	}

}
