package care.seamless.partnership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.shared.AccountId;
import care.seamless.shared.OrganisationId;
import care.seamless.team.Directory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PoolRepository {

	private static final String SQL_PARTNERS = """
			select pp.organisation_id, %s as name,
			       coalesce((select sum(c.amount) from partnership.pool_contribution c
			                  where c.partnership_id = pp.partnership_id and c.financial_year = :year
			                    and c.organisation_id = pp.organisation_id), 0) as contributed,
			       t.percentage, t.cap
			from partnership.partner pp
			left join partnership.pool_terms t on t.partnership_id = pp.partnership_id and t.financial_year = :year
			     and t.organisation_id = pp.organisation_id
			where pp.partnership_id = :partnership
			order by 2
			""".formatted(Directory.organisationNameSql("pp.organisation_id"));

	private static final String SQL_CONTRIBUTIONS = """
			select %s as partner, c.amount, c.kind, c.reason, c.recorded_at
			from partnership.pool_contribution c
			where c.partnership_id = :partnership and c.financial_year = :year
			order by c.recorded_at, c.id
			""".formatted(Directory.organisationNameSql("c.organisation_id"));

	private static final String SQL_LINES = """
			select l.id, l.name, l.budget, l.version,
			       coalesce((select sum(s.amount) from partnership.pool_spend s where s.line_id = l.id), 0) as spent,
			       l.forecast
			from partnership.pool_line l
			where l.partnership_id = :partnership and l.financial_year = :year
			order by l.name
			""";

	private final JdbcClient jdbc;

	PoolRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<YearRow> year(UUID partnership, int year) {
		return jdbc
			.sql("""
					select risk_rule, version from partnership.pool_year where partnership_id = :partnership and financial_year = :year
					""")
			.param("partnership", partnership)
			.param("year", year)
			.query((rs, n) -> new YearRow(RiskShare.Rule.valueOf(rs.getString("risk_rule")), rs.getLong("version")))
			.optional();
	}

	List<Integer> years(UUID partnership) {
		return jdbc.sql("select financial_year from partnership.pool_year where partnership_id = :p order by 1 desc")
			.param("p", partnership)
			.query(Integer.class)
			.list();
	}

	boolean createYear(UUID partnership, int year, RiskShare.Rule rule) {
		return jdbc.sql("""
				insert into partnership.pool_year (partnership_id, financial_year, risk_rule) values (:p, :year, :rule)
				on conflict do nothing
				""").param("p", partnership).param("year", year).param("rule", rule.name()).update() == 1;
	}

	int setRule(UUID partnership, int year, RiskShare.Rule rule, long version) {
		return jdbc.sql("""
				update partnership.pool_year set risk_rule = :rule, version = version + 1
				where partnership_id = :p and financial_year = :year and version = :version
				""")
			.param("p", partnership)
			.param("year", year)
			.param("rule", rule.name())
			.param("version", version)
			.update();
	}

	void setTerms(UUID partnership, int year, OrganisationId organisation, @Nullable BigDecimal percentage,
			@Nullable BigDecimal cap) {
		jdbc.sql("""
				insert into partnership.pool_terms (partnership_id, financial_year, organisation_id, percentage, cap)
				values (:p, :year, :org, :percentage, :cap)
				on conflict (partnership_id, financial_year, organisation_id) do update
				  set percentage = excluded.percentage, cap = excluded.cap
				""")
			.param("p", partnership)
			.param("year", year)
			.param("org", organisation.id())
			.param("percentage", percentage)
			.param("cap", cap)
			.update();
	}

	void addContribution(UUID partnership, int year, OrganisationId organisation, BigDecimal amount, String kind,
			String reason, AccountId by) {
		jdbc.sql(
				"""
						insert into partnership.pool_contribution (id, partnership_id, financial_year, organisation_id, amount, kind, reason, recorded_by)
						values (:id, :p, :year, :org, :amount, :kind, :reason, :by)
						""")
			.param("id", UUID.randomUUID())
			.param("p", partnership)
			.param("year", year)
			.param("org", organisation.id())
			.param("amount", amount)
			.param("kind", kind)
			.param("reason", reason)
			.param("by", by.id())
			.update();
	}

	UUID addLine(UUID partnership, int year, String name, BigDecimal budget) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into partnership.pool_line (id, partnership_id, financial_year, name, budget)
				values (:id, :p, :year, :name, :budget)
				""")
			.param("id", id)
			.param("p", partnership)
			.param("year", year)
			.param("name", name)
			.param("budget", budget)
			.update();
		return id;
	}

	Optional<LineRow> line(UUID line) {
		return jdbc.sql("select partnership_id, financial_year from partnership.pool_line where id = :id")
			.param("id", line)
			.query((rs, n) -> new LineRow(rs.getObject("partnership_id", UUID.class), rs.getInt("financial_year")))
			.optional();
	}

	int setForecast(UUID line, BigDecimal forecast, long version) {
		return jdbc.sql("""
				update partnership.pool_line set forecast = :forecast, version = version + 1
				where id = :id and version = :version
				""").param("forecast", forecast).param("id", line).param("version", version).update();
	}

	void addSpend(UUID line, BigDecimal amount, LocalDate on, String description, String reference, AccountId by) {
		jdbc.sql("""
				insert into partnership.pool_spend (id, line_id, amount, spent_on, description, reference, recorded_by)
				values (:id, :line, :amount, :on, :description, :reference, :by)
				""")
			.param("id", UUID.randomUUID())
			.param("line", line)
			.param("amount", amount)
			.param("on", on)
			.param("description", description)
			.param("reference", reference)
			.param("by", by.id())
			.update();
	}

	List<PoolStatement.PartnerLine> partners(UUID partnership, int year) {
		return jdbc.sql(SQL_PARTNERS)
			.param("partnership", partnership)
			.param("year", year)
			.query((rs, n) -> new PoolStatement.PartnerLine(OrganisationId.of(rs.getString("organisation_id")),
					rs.getString("name"), rs.getBigDecimal("contributed").setScale(2), rs.getBigDecimal("percentage"),
					rs.getBigDecimal("cap")))
			.list();
	}

	List<PoolStatement.Contribution> contributions(UUID partnership, int year) {
		return jdbc.sql(SQL_CONTRIBUTIONS)
			.param("partnership", partnership)
			.param("year", year)
			.query((rs, n) -> new PoolStatement.Contribution(rs.getString("partner"), rs.getBigDecimal("amount"),
					rs.getString("kind"), rs.getString("reason"),
					rs.getObject("recorded_at", OffsetDateTime.class)
						.atZoneSameInstant(java.time.ZoneId.of("Europe/London"))
						.toLocalDate()))
			.list();
	}

	List<PoolStatement.BudgetLine> lines(UUID partnership, int year) {
		return jdbc.sql(SQL_LINES).param("partnership", partnership).param("year", year).query((rs, n) -> {
			BigDecimal spent = rs.getBigDecimal("spent").setScale(2);
			BigDecimal forecast = rs.getBigDecimal("forecast");
			return new PoolStatement.BudgetLine(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getBigDecimal("budget"), spent,
					forecast == null ? rs.getBigDecimal("budget").max(spent) : forecast, rs.getLong("version"));
		}).list();
	}

	record YearRow(RiskShare.Rule rule, long version) {
	}

	record LineRow(UUID partnership, int year) {
	}

}
