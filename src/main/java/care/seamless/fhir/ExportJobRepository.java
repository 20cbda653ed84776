package care.seamless.fhir;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ExportJobRepository {

	private static final String SQL_INSERT = """
			insert into fhir.export_job (id, requested_by, status, requested_at, expires_at)
			values (:id, :by, 'RUNNING', :at, :expires)
			""";

	private static final String SQL_FINISH = """
			update fhir.export_job set status = :status, finished_at = :at, output = cast(:output as jsonb)
			where id = :id and status = 'RUNNING'
			""";

	private static final String SQL_FIND = """
			select id, requested_by, status, requested_at, output::text from fhir.export_job
			where id = :id and expires_at > :now
			""";

	private static final String SQL_EXPIRED = """
			delete from fhir.export_job where expires_at <= :now returning id
			""";

	private final JdbcClient jdbc;

	ExportJobRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Job(UUID id, String requestedBy, String status, Instant requestedAt, String output) {
	}

	void insert(UUID id, String by, Instant at, Instant expires) {
		jdbc.sql(SQL_INSERT)
			.param("id", id)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("expires", Timestamp.from(expires))
			.update();
	}

	void finish(UUID id, String status, Instant at, @Nullable String output) {
		jdbc.sql(SQL_FINISH)
			.param("id", id)
			.param("status", status)
			.param("at", Timestamp.from(at))
			.param("output", output == null ? "[]" : output)
			.update();
	}

	Optional<Job> find(UUID id, Instant now) {
		return jdbc.sql(SQL_FIND)
			.param("id", id)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Job(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.optional();
	}

	List<UUID> deleteExpired(Instant now) {
		return jdbc.sql(SQL_EXPIRED).param("now", Timestamp.from(now)).query(UUID.class).list();
	}

}
