package care.seamless;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import care.seamless.shared.ReportingDatabase;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A second connection pool to a read replica when {@code seamless.replica.url} is set
 * (ADR 48). Its DataSource is deliberately not a bean: a second DataSource bean would
 * make Spring Boot's own DataSource, JdbcTemplate and Flyway configuration back off or
 * become ambiguous, and nothing but {@link ReportingDatabase} should reach the replica.
 */
@Configuration(proxyBeanMethods = false)
class ReadReplicaConfiguration {

	static final String APPLICATION_NAME = "seamless-replica";

	@Bean
	ReportingDatabase reportingDatabase(DataSource primary, ReplicaPool pool) {
		HikariDataSource replica = pool.dataSource();
		return replica == null ? new ReportingDatabase(primary, false) : new ReportingDatabase(replica, true);
	}

	@Bean(destroyMethod = "close")
	ReplicaPool replicaPool(@Value("${seamless.replica.url:}") String url,
			@Value("${seamless.replica.username:}") String username,
			@Value("${seamless.replica.password:}") String password,
			@Value("${seamless.replica.pool-size:5}") int poolSize) {
		return url.isBlank() ? new ReplicaPool(null) : new ReplicaPool(replica(url, username, password, poolSize));
	}

	/**
	 * Every session is read-only from its first statement, so a replica that is in fact a
	 * writable server (a misconfiguration, or the tests' single database) still refuses a
	 * write; the application name lets an operator see these connections apart in
	 * {@code pg_stat_activity}.
	 */
	static HikariDataSource replica(String url, String username, String password, int poolSize) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(username.isBlank() ? null : username);
		config.setPassword(password.isBlank() ? null : password);
		config.setMaximumPoolSize(poolSize);
		config.setPoolName("seamless-replica");
		config.setReadOnly(true);
		config.setConnectionInitSql("set session characteristics as transaction read only");
		config.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
		config.addDataSourceProperty(EmbeddedPostgresConfiguration.NO_VALUES_IN_ERRORS, "false");
		// A replica that is down must not stop the application from starting.
		config.setInitializationFailTimeout(-1);
		return new HikariDataSource(config);
	}

	record ReplicaPool(@Nullable HikariDataSource dataSource) implements AutoCloseable {

		@Override
		public void close() {
			if (this.dataSource != null) {
				this.dataSource.close();
			}
		}

	}

}
