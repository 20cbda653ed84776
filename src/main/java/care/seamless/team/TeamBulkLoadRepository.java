package care.seamless.team;

import java.util.function.Consumer;

import javax.sql.DataSource;

import care.seamless.shared.BulkIndexes;
import care.seamless.shared.BulkRows;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/** COPY into this module's tables on the connection of the caller's transaction. */
@Repository
class TeamBulkLoadRepository {

	private final DataSource dataSource;

	TeamBulkLoadRepository(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	long copy(String copySql, Consumer<BulkRows> rows) {
		return BulkRows.copy(DataSourceUtils.getConnection(dataSource), copySql, rows);
	}

	// V67's rule: anyone with a current care team has a current lead.
	private static final BulkIndexes.Trigger HAS_LEAD = new BulkIndexes.Trigger("team.care_team_member",
			"care_team_has_lead", """
					select person_id from team.care_team_member where period_end is null
					group by person_id having not bool_or(lead) limit 1
					""");

	BulkIndexes dropIndexes(java.util.List<String> tables) {
		return BulkIndexes.drop(DataSourceUtils.getConnection(dataSource), tables, java.util.List.of(HAS_LEAD));
	}

	void analyse(String table) {
		BulkRows.analyse(DataSourceUtils.getConnection(dataSource), table);
	}

}
