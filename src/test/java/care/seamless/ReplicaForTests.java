package care.seamless;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A stand-in read replica for tests in other packages: a pool configured exactly as
 * {@link ReadReplicaConfiguration} configures the real one, on the tests' own database,
 * counting the connections taken from it so a test can see that a read went there.
 */
public final class ReplicaForTests extends DelegatingDataSource implements AutoCloseable {

	private final AtomicInteger connections = new AtomicInteger();

	private final HikariDataSource pool;

	private ReplicaForTests(HikariDataSource pool) {
		super(pool);
		this.pool = pool;
	}

	public static ReplicaForTests of(DataSource primary) {
		return new ReplicaForTests(
				ReadReplicaConfiguration.replica(((HikariDataSource) primary).getJdbcUrl(), "postgres", "", 2));
	}

	@Override
	public Connection getConnection() throws SQLException {
		this.connections.incrementAndGet();
		return super.getConnection();
	}

	public int connections() {
		return this.connections.get();
	}

	@Override
	public void close() {
		this.pool.close();
	}

}
