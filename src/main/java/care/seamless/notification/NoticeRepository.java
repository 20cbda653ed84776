package care.seamless.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.shared.PractitionerId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NoticeRepository {

	private static final String SQL_COLUMNS = "select id, kind, link, created_at, read_at from notification.notice";

	private final JdbcClient jdbc;

	NoticeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	UUID insert(PractitionerId recipient, String kind, String link, Instant at) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into notification.notice (id, recipient_id, kind, link, created_at)
				values (:id, :recipient, :kind, :link, :at)
				""")
			.param("id", id)
			.param("recipient", recipient.id())
			.param("kind", kind)
			.param("link", link)
			.param("at", Timestamp.from(at))
			.update();
		return id;
	}

	List<Notice> inbox(PractitionerId recipient, int limit) {
		return jdbc.sql(SQL_COLUMNS + " where recipient_id = :recipient order by created_at desc, id limit :limit")
			.param("recipient", recipient.id())
			.param("limit", limit)
			.query((rs, n) -> {
				Timestamp read = rs.getTimestamp("read_at");
				return new Notice(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("link"),
						rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
			})
			.list();
	}

	/**
	 * Marks the recipient's own notice read and returns its link; another's notice is not
	 * found.
	 */
	Optional<String> markRead(PractitionerId recipient, UUID id, Instant at) {
		return jdbc.sql("""
				update notification.notice set read_at = coalesce(read_at, :at)
				where id = :id and recipient_id = :recipient returning link
				""")
			.param("id", id)
			.param("recipient", recipient.id())
			.param("at", Timestamp.from(at))
			.query(String.class)
			.optional();
	}

	long unread(PractitionerId recipient) {
		return jdbc.sql("select count(*) from notification.notice where recipient_id = :recipient and read_at is null")
			.param("recipient", recipient.id())
			.query(Long.class)
			.single();
	}

}
