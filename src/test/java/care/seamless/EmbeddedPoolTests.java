package care.seamless;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database's pool keeps its connections for the application's life: renewing
 * them every half hour re-planned the record read on each new one, a wave of planning
 * that cut views to tens a second (ADR 125).
 */
@SeamlessTest
class EmbeddedPoolTests {

	@Autowired
	DataSource dataSource;

	@Test
	void theEmbeddedDatabasesConnectionsAreNeverRetiredForTheirAge() throws Exception {
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);

		assertThat(pool.getJdbcUrl()).startsWith("jdbc:postgresql://localhost:");
		assertThat(pool.getMaxLifetime()).isZero();
	}

	/**
	 * A statement is prepared on the server from its first execution on a connection, so
	 * that a new connection plans the record read about six times, not ten (ADR 132): the
	 * server's own list of the connection's prepared statements holds it after one run.
	 */
	@Test
	void aStatementIsPreparedOnTheServerFromItsFirstExecution() throws Exception {
		String statement = "select 'prepared from the first execution'::text where 1 = ?";
		try (Connection connection = dataSource.getConnection()) {
			try (PreparedStatement once = connection.prepareStatement(statement)) {
				once.setInt(1, 1);
				once.executeQuery().close();
			}
			try (PreparedStatement prepared = connection
				.prepareStatement("select count(*) from pg_prepared_statements where statement = ?")) {
				prepared.setString(1, statement.replace("?", "$1"));
				try (ResultSet count = prepared.executeQuery()) {
					count.next();
					assertThat(count.getInt(1)).isEqualTo(1);
				}
			}
		}
	}

}
