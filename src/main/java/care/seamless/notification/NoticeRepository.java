package care.seamless.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.consent.SqlCondition;
import care.seamless.person.People;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NoticeRepository {

	private static final String SQL_INBOX = """
			select n.id, n.kind, n.link, n.created_at, n.read_at, n.actor_id,
			       case when n.person_id is not null and (%s) then %s end as person_name
			from notification.notice n
			where n.recipient_id = :recipient order by n.created_at desc, n.id limit :limit
			""";

	private final JdbcClient jdbc;

	NoticeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	UUID insert(PractitionerId recipient, String kind, String link, Instant at, @Nullable PersonId person,
			@Nullable PractitionerId by) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into notification.notice (id, recipient_id, kind, link, created_at, person_id, actor_id)
				values (:id, :recipient, :kind, :link, :at, :person, :by)
				""")
			.param("id", id)
			.param("recipient", recipient.id())
			.param("kind", kind)
			.param("link", link)
			.param("at", Timestamp.from(at))
			.param("person", person == null ? null : person.id())
			.param("by", by == null ? null : by.id())
			.update();
		return id;
	}

	record Row(Notice notice, @Nullable PractitionerId by) {
	}

	/**
	 * The recipient's newest notices; a notice's person is named only where
	 * {@code mayOpen} (over {@code n.person_id}) admits the record.
	 */
	List<Row> inbox(PractitionerId recipient, int limit, SqlCondition mayOpen) {
		return jdbc.sql(SQL_INBOX.formatted(mayOpen.sql(), People.displayNameSql("n.person_id")))
			.params(mayOpen.params())
			.param("recipient", recipient.id())
			.param("limit", limit)
			.query((rs, n) -> {
				Timestamp read = rs.getTimestamp("read_at");
				UUID by = rs.getObject("actor_id", UUID.class);
				return new Row(new Notice(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("link"),
						rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant(),
						rs.getString("person_name"), null), by == null ? null : new PractitionerId(by));
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
