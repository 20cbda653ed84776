package care.seamless.funding;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RateRepository {

	private static final String SQL_RAS = """
			select financial_year, points_needs_assistance, points_pain_distress, points_endangers,
			       points_takes_longer, weekly_rate_per_point, source
			from funding.ras_rate where financial_year = :year
			""";

	private static final String SQL_RAS_ALL = """
			select financial_year, points_needs_assistance, points_pain_distress, points_endangers,
			       points_takes_longer, weekly_rate_per_point, source
			from funding.ras_rate order by financial_year desc
			""";

	private static final String SQL_RAS_UPSERT = """
			insert into funding.ras_rate (financial_year, points_needs_assistance, points_pain_distress,
			       points_endangers, points_takes_longer, weekly_rate_per_point, source, recorded_by, recorded_at)
			values (:year, :a, :b, :c, :d, :rate, :source, :by, :at)
			on conflict (financial_year) do update set points_needs_assistance = :a, points_pain_distress = :b,
			       points_endangers = :c, points_takes_longer = :d, weekly_rate_per_point = :rate, source = :source,
			       recorded_by = :by, recorded_at = :at
			""";

	private static final String SQL_THRESHOLD = """
			select weekly_threshold, panel_threshold from funding.approval_threshold
			where team_id = :team and financial_year = :year
			""";

	private static final String SQL_THRESHOLD_UPSERT = """
			insert into funding.approval_threshold (team_id, financial_year, weekly_threshold, panel_threshold,
			       recorded_by, recorded_at)
			values (:team, :year, :weekly, :panel, :by, :at)
			on conflict (team_id, financial_year) do update set weekly_threshold = :weekly, panel_threshold = :panel,
			       recorded_by = :by, recorded_at = :at
			""";

	private static final String SQL_PANEL_ADD = """
			insert into funding.panel_team (team_id, recorded_by, recorded_at) values (:team, :by, :at)
			on conflict do nothing
			""";

	private static final String SQL_PANEL = "select team_id from funding.panel_team";

	private final JdbcClient jdbc;

	RateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The team's thresholds for one year: approval above the first, panel above the
	 * second.
	 */
	record Threshold(BigDecimal weekly, @Nullable BigDecimal panel) {
	}

	Optional<RasRate> ras(int year) {
		return jdbc.sql(SQL_RAS).param("year", year).query(RateRepository::ras).optional();
	}

	List<RasRate> allRas() {
		return jdbc.sql(SQL_RAS_ALL).query(RateRepository::ras).list();
	}

	void saveRas(RasRate rate, String by, Instant at) {
		jdbc.sql(SQL_RAS_UPSERT)
			.param("year", rate.financialYear())
			.param("a", rate.pointsNeedsAssistance())
			.param("b", rate.pointsPainDistress())
			.param("c", rate.pointsEndangers())
			.param("d", rate.pointsTakesLonger())
			.param("rate", rate.weeklyRatePerPoint())
			.param("source", rate.source())
			.param("by", by)
			.param("at", java.sql.Timestamp.from(at))
			.update();
	}

	Optional<Threshold> threshold(TeamId team, int year) {
		return jdbc.sql(SQL_THRESHOLD)
			.param("team", team.id())
			.param("year", year)
			.query((rs, n) -> new Threshold(rs.getBigDecimal(1), rs.getBigDecimal(2)))
			.optional();
	}

	void saveThreshold(TeamId team, int year, BigDecimal weekly, @Nullable BigDecimal panel, String by, Instant at) {
		jdbc.sql(SQL_THRESHOLD_UPSERT)
			.param("team", team.id())
			.param("year", year)
			.param("weekly", weekly)
			.param("panel", panel)
			.param("by", by)
			.param("at", java.sql.Timestamp.from(at))
			.update();
	}

	void addPanelTeam(TeamId team, String by, Instant at) {
		jdbc.sql(SQL_PANEL_ADD)
			.param("team", team.id())
			.param("by", by)
			.param("at", java.sql.Timestamp.from(at))
			.update();
	}

	List<UUID> panelTeams() {
		return jdbc.sql(SQL_PANEL).query(UUID.class).list();
	}

	private static RasRate ras(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new RasRate(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getBigDecimal(6),
				rs.getString(7));
	}

}
