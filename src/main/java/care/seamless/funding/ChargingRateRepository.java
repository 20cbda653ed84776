package care.seamless.funding;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ChargingRateRepository {

	private static final String SQL_YEAR = """
			select year_label, starts_on, ends_on, lower_capital_limit, upper_capital_limit, tariff_step,
			       tariff_per_step, personal_expenses_allowance, property_disregard_weeks, home_sale_cost_percent,
			       intermediate_care_free_weeks, minor_aids_limit, note
			from funding.charging_year where year_label = :year
			""";

	private static final String SQL_YEAR_OF_DATE = """
			select year_label from funding.charging_year where :day between starts_on and ends_on
			""";

	private static final String SQL_YEARS = """
			select year_label from funding.charging_year order by starts_on
			""";

	private static final String SQL_GUARANTEE = """
			select code, addition, weekly_amount, description from funding.income_guarantee where year_label = :year
			""";

	private final JdbcClient jdbc;

	ChargingRateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<String> years() {
		return jdbc.sql(SQL_YEARS).query(String.class).list();
	}

	Optional<ChargingRates> forDate(LocalDate day) {
		return jdbc.sql(SQL_YEAR_OF_DATE).param("day", day).query(String.class).optional().flatMap(this::year);
	}

	Optional<ChargingRates> year(String label) {
		Map<String, ChargingRates.GuaranteeAmount> guarantee = jdbc.sql(SQL_GUARANTEE)
			.param("year", label)
			.query((rs, n) -> new ChargingRates.GuaranteeAmount(rs.getString("code"), rs.getBoolean("addition"),
					rs.getBigDecimal("weekly_amount"), rs.getString("description")))
			.list()
			.stream()
			.collect(Collectors.toMap(ChargingRates.GuaranteeAmount::code, g -> g));
		return jdbc.sql(SQL_YEAR)
			.param("year", label)
			.query((rs, n) -> new ChargingRates(rs.getString("year_label"), rs.getDate("starts_on").toLocalDate(),
					rs.getDate("ends_on").toLocalDate(), rs.getBigDecimal("lower_capital_limit"),
					rs.getBigDecimal("upper_capital_limit"), rs.getBigDecimal("tariff_step"),
					rs.getBigDecimal("tariff_per_step"), rs.getBigDecimal("personal_expenses_allowance"),
					rs.getInt("property_disregard_weeks"), rs.getBigDecimal("home_sale_cost_percent"),
					rs.getInt("intermediate_care_free_weeks"), rs.getBigDecimal("minor_aids_limit"),
					rs.getString("note"), guarantee))
			.optional();
	}

}
