package care.seamless.funding;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import care.seamless.consent.SqlCondition;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.team.Directory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FinancialAssessmentRepository {

	private static final String SQL_INSERT = """
			insert into funding.financial_assessment (id, person_id, organisation_id, kind, setting, year_label,
			       assessed_on, weekly_cost, savings, other_capital, home_value, home_debt, home_disregarded, admitted_on,
			       housing_costs, disability_related_expenditure, guarantee_band, guarantee_additions,
			       agreed_contribution, weekly_contribution, protected_amount, assessed_by, recorded_at)
			values (:id, :personId, :organisationId, :kind, :setting, :yearLabel, :assessedOn, :weeklyCost, :savings,
			        :otherCapital, :homeValue, :homeDebt, :homeDisregarded, :admittedOn, :housingCosts, :dre,
			        :guaranteeBand, :guaranteeAdditions, :agreedContribution, :weeklyContribution, :protectedAmount,
			        :assessedBy, :recordedAt)
			""";

	private static final String SQL_INSERT_INCOME = """
			insert into funding.assessment_income (assessment_id, position, kind, weekly_amount)
			values (:assessmentId, :position, :kind, :amount)
			""";

	private static final String SQL_INSERT_LINE = """
			insert into funding.assessment_line (assessment_id, position, label, amount, rule_source)
			values (:assessmentId, :position, :label, :amount, :source)
			""";

	private static final String SQL_CURRENT_KEYS = """
			select id, version from funding.financial_assessment where person_id = :personId and replaced_by is null
			""";

	private static final String SQL_PERSON_OF = """
			select person_id from funding.financial_assessment where id = :id
			""";

	// A reassessment marks the old row as replaced, naming the version read; the old
	// row's figures stay.
	private static final String SQL_REPLACE = """
			update funding.financial_assessment set replaced_by = :replacedBy, replaced_at = :at, version = version + 1
			where id = :id and version = :version and replaced_by is null
			""";

	private static final String SQL_READ = """
			select a.id, a.person_id, a.organisation_id, a.kind, a.setting, a.year_label, a.assessed_on, a.weekly_cost,
			       a.weekly_contribution, a.protected_amount, a.assessed_by, a.recorded_at, a.replaced_by, a.version,
			       %s as organisation_name
			from funding.financial_assessment a
			where %s and %s
			order by a.recorded_at desc, a.id
			""";

	private static final String SQL_LINES = """
			select label, amount, rule_source from funding.assessment_line where assessment_id = :assessmentId
			order by position
			""";

	private static final String SQL_CURRENT_CONTRIBUTION = """
			select weekly_contribution from funding.financial_assessment where person_id = :personId
			and replaced_by is null
			""";

	private final JdbcClient jdbc;

	FinancialAssessmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An assessment's own columns, read under the access condition. */
	record Row(UUID id, PersonId personId, AssessmentKind kind, CareSetting setting, String yearLabel,
			java.time.LocalDate assessedOn, BigDecimal weeklyCost, BigDecimal weeklyContribution,
			BigDecimal protectedAmount, PractitionerId assessedBy, Instant recordedAt, UUID replacedBy, long version,
			String organisationName) {
	}

	record Current(UUID id, long version) {
	}

	void insert(UUID id, PersonId person, OrganisationId organisation, Means means, String year,
			java.math.@org.jspecify.annotations.Nullable BigDecimal agreed, Contribution result, PractitionerId by,
			Instant at) {
		jdbc.sql(SQL_INSERT)
			.param("id", id)
			.param("personId", person.id())
			.param("organisationId", organisation.id())
			.param("kind", means.kind().name())
			.param("setting", means.setting().name())
			.param("yearLabel", year)
			.param("assessedOn", means.assessedOn())
			.param("weeklyCost", means.weeklyCost())
			.param("savings", means.savings())
			.param("otherCapital", means.otherCapital())
			.param("homeValue", means.homeValue())
			.param("homeDebt", means.homeDebt())
			.param("homeDisregarded", means.homeDisregarded())
			.param("admittedOn", means.admittedOn())
			.param("housingCosts", means.housingCosts())
			.param("dre", means.disabilityRelatedExpenditure())
			.param("guaranteeBand", means.guaranteeBand())
			.param("guaranteeAdditions", String.join(",", new TreeSet<>(means.guaranteeAdditions())))
			.param("agreedContribution", agreed)
			.param("weeklyContribution", result.weeklyContribution())
			.param("protectedAmount", result.protectedAmount())
			.param("assessedBy", by.id())
			.param("recordedAt", Timestamp.from(at))
			.update();
		int position = 0;
		for (IncomeItem item : means.income()) {
			jdbc.sql(SQL_INSERT_INCOME)
				.param("assessmentId", id)
				.param("position", position++)
				.param("kind", item.kind().name())
				.param("amount", item.weeklyAmount())
				.update();
		}
		position = 0;
		for (WorkingLine line : result.working()) {
			jdbc.sql(SQL_INSERT_LINE)
				.param("assessmentId", id)
				.param("position", position++)
				.param("label", line.label())
				.param("amount", line.amount())
				.param("source", line.source())
				.update();
		}
	}

	Optional<Current> current(PersonId person) {
		return jdbc.sql(SQL_CURRENT_KEYS)
			.param("personId", person.id())
			.query((rs, n) -> new Current(rs.getObject("id", UUID.class), rs.getLong("version")))
			.optional();
	}

	Optional<PersonId> personOf(UUID id) {
		return jdbc.sql(SQL_PERSON_OF).param("id", id).query(UUID.class).optional().map(PersonId::new);
	}

	boolean replace(UUID id, long version, UUID by, Instant at) {
		return jdbc.sql(SQL_REPLACE)
			.param("id", id)
			.param("version", version)
			.param("replacedBy", by)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	List<Row> forPerson(PersonId person, SqlCondition visible) {
		return jdbc
			.sql(SQL_READ.formatted(Directory.organisationNameSql("a.organisation_id"), "a.person_id = :personId",
					visible.sql()))
			.params(visible.params())
			.param("personId", person.id())
			.query(FinancialAssessmentRepository::row)
			.list();
	}

	Optional<Row> read(UUID id, SqlCondition visible) {
		return jdbc
			.sql(SQL_READ.formatted(Directory.organisationNameSql("a.organisation_id"), "a.id = :id", visible.sql()))
			.params(visible.params())
			.param("id", id)
			.query(FinancialAssessmentRepository::row)
			.optional();
	}

	List<WorkingLine> lines(UUID assessment) {
		return jdbc.sql(SQL_LINES)
			.param("assessmentId", assessment)
			.query((rs, n) -> new WorkingLine(rs.getString("label"), rs.getBigDecimal("amount"),
					rs.getString("rule_source")))
			.list();
	}

	Optional<BigDecimal> currentContribution(PersonId person) {
		return jdbc.sql(SQL_CURRENT_CONTRIBUTION).param("personId", person.id()).query(BigDecimal.class).optional();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), new PersonId(rs.getObject("person_id", UUID.class)),
				AssessmentKind.valueOf(rs.getString("kind")), CareSetting.valueOf(rs.getString("setting")),
				rs.getString("year_label"), rs.getDate("assessed_on").toLocalDate(), rs.getBigDecimal("weekly_cost"),
				rs.getBigDecimal("weekly_contribution"), rs.getBigDecimal("protected_amount"),
				new PractitionerId(rs.getObject("assessed_by", UUID.class)), rs.getTimestamp("recorded_at").toInstant(),
				rs.getObject("replaced_by", UUID.class), rs.getLong("version"), rs.getString("organisation_name"));
	}

}
