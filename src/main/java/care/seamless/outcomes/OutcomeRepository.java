package care.seamless.outcomes;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.seamless.assessment.AssessmentOutcomeCounts;
import care.seamless.careplan.CarePlanOutcomeCounts;
import care.seamless.discharge.DischargeOutcomeCounts;
import care.seamless.door.DoorOutcomeCounts;
import care.seamless.person.PersonPopulation;
import care.seamless.shared.ReportingDatabase;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the owners' aggregate counts for the partner organisations. Counts only: no query
 * here can return a person's id.
 */
@Repository
class OutcomeRepository {

	private static final String FROM = "cast(:fromMonth as date)";

	private static final String TO = "cast(:toMonth as date)";

	private static final String COUNTS = """
			select c.measure, c.month, c.organisation_id, c.team_id,
			       sum(c.numerator) as numerator, sum(c.denominator) as denominator
			from (
			  select * from %s
			  union all select * from %s
			  union all select * from %s
			  union all select * from %s
			) c
			where c.organisation_id = any(:partners)
			group by c.measure, c.month, c.organisation_id, c.team_id
			""".formatted(DischargeOutcomeCounts.monthlySql(FROM, TO), AssessmentOutcomeCounts.monthlySql(FROM, TO),
			CarePlanOutcomeCounts.monthlySql(FROM, TO), DoorOutcomeCounts.monthlySql(FROM, TO));

	private static final String POPULATION = """
			select p.organisation_id, p.team_id, p.people
			from %s p
			where p.organisation_id = any(:partners)
			""".formatted(PersonPopulation.agedSql("cast(:asAt as date)", ":age"));

	private final JdbcClient jdbc;

	// Counts for dashboards and returns: the read replica when there is one (ADR 48).
	OutcomeRepository(ReportingDatabase reporting) {
		this.jdbc = JdbcClient.create(reporting.dataSource());
	}

	record Count(String measure, LocalDate month, UUID organisation, @Nullable UUID team, long numerator,
			@Nullable Long denominator) {
	}

	record Population(UUID organisation, @Nullable UUID team, long people) {
	}

	List<Count> counts(List<UUID> partners, LocalDate fromMonth, LocalDate toMonth) {
		return jdbc.sql(COUNTS)
			.param("partners", partners.toArray(UUID[]::new))
			.param("fromMonth", fromMonth)
			.param("toMonth", toMonth)
			.query((rs, n) -> new Count(rs.getString("measure"), rs.getObject("month", LocalDate.class),
					rs.getObject("organisation_id", UUID.class), rs.getObject("team_id", UUID.class),
					rs.getLong("numerator"), rs.getObject("denominator") == null ? null : rs.getLong("denominator")))
			.list();
	}

	List<Population> population(List<UUID> partners, LocalDate asAt, int age) {
		return jdbc.sql(POPULATION)
			.param("partners", partners.toArray(UUID[]::new))
			.param("asAt", asAt)
			.param("age", age)
			.query((rs, n) -> new Population(rs.getObject("organisation_id", UUID.class),
					rs.getObject("team_id", UUID.class), rs.getLong("people")))
			.list();
	}

}
