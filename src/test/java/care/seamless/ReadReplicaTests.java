package care.seamless;

import javax.sql.DataSource;

import care.seamless.ReadReplicaConfiguration.ReplicaPool;
import care.seamless.shared.ReportingDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The read-replica connection (ADR 48), pointed at the tests' own database: it is told
 * apart by its application name, and its sessions are read-only, so nothing sent through
 * it can write.
 */
@SeamlessTest
class ReadReplicaTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient primary;

	@Autowired
	ReportingDatabase reporting;

	@Test
	void withoutAReplicaReportsReadThePrimary() {
		assertThat(reporting.onReplica()).isFalse();
		assertThat(reporting.dataSource()).isSameAs(dataSource);
	}

	@Test
	void withAReplicaReportsReadThroughReadOnlyReplicaConnections() {
		try (ReplicaPool pool = replicaOfTheTestDatabase()) {
			ReportingDatabase onReplica = new ReadReplicaConfiguration().reportingDatabase(dataSource, pool);
			JdbcClient replica = JdbcClient.create(onReplica.dataSource());

			assertThat(onReplica.onReplica()).isTrue();
			assertThat(setting(replica, "application_name")).isEqualTo(ReadReplicaConfiguration.APPLICATION_NAME);
			assertThat(setting(primary, "application_name")).isNotEqualTo(ReadReplicaConfiguration.APPLICATION_NAME);
			assertThat(setting(replica, "transaction_read_only")).isEqualTo("on");
			assertThatThrownBy(() -> replica.sql("update team.organisation set code = code where false").update())
				.hasMessageContaining("read-only transaction");
		}
	}

	ReplicaPool replicaOfTheTestDatabase() {
		return new ReplicaPool(
				ReadReplicaConfiguration.replica(((HikariDataSource) dataSource).getJdbcUrl(), "postgres", "", 2));
	}

	static String setting(JdbcClient jdbc, String name) {
		return jdbc.sql("select current_setting(:name)").param("name", name).query(String.class).single();
	}

}
