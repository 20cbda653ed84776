package care.seamless.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.shared.AccountId;
import care.seamless.shared.PersonId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PersonSideNoticeRepository {

	private static final String SQL_INSERT = """
			insert into notification.person_side_notice (id, account_id, person_id, kind, link, created_at)
			values (:id, :account, :person, :kind, :link, :at)
			""";

	private static final String SQL_INBOX = """
			select id, kind, created_at, read_at from notification.person_side_notice
			where account_id = :account order by created_at desc, id limit :limit
			""";

	private static final String SQL_UNREAD = """
			select count(*) from notification.person_side_notice where account_id = :account and read_at is null
			""";

	private static final String SQL_MARK_READ = """
			update notification.person_side_notice set read_at = coalesce(read_at, :at)
			where id = :id and account_id = :account returning link
			""";

	private final JdbcClient jdbc;

	PersonSideNoticeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(AccountId account, PersonId person, String kind, String link, Instant at) {
		jdbc.sql(SQL_INSERT)
			.param("id", UUID.randomUUID())
			.param("account", account.id())
			.param("person", person.id())
			.param("kind", kind)
			.param("link", link)
			.param("at", Timestamp.from(at))
			.update();
	}

	List<PersonSideNoticeView> inbox(AccountId account, int limit) {
		return jdbc.sql(SQL_INBOX)
			.param("account", account.id())
			.param("limit", limit)
			.query((rs, n) -> new PersonSideNoticeView(rs.getObject("id", UUID.class), rs.getString("kind"),
					rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant()))
			.list();
	}

	long unread(AccountId account) {
		return jdbc.sql(SQL_UNREAD).param("account", account.id()).query(Long.class).single();
	}

	Optional<String> markRead(AccountId account, UUID id, Instant at) {
		return jdbc.sql(SQL_MARK_READ)
			.param("id", id)
			.param("account", account.id())
			.param("at", Timestamp.from(at))
			.query(String.class)
			.optional();
	}

}
