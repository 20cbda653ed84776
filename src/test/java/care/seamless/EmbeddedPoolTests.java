package care.seamless;

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

}
