package care.seamless.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.shared.PractitionerId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The e-mail outbox (V28, partitioned by the notice's month in V230): one row per notice
 * to be e-mailed, and what became of it. A row names its notice by id and created_at, the
 * notice table's key since it is partitioned.
 */
@Repository
class NoticeEmailRepository {

	private static final String SQL_ENQUEUE = """
			insert into notification.email (notice_id, notice_created_at, next_attempt_at) values (:notice, :noticeAt, :at)
			""";

	/*
	 * One statement claims a batch: skip locked lets several instances drain the outbox
	 * without sending twice, and pushing next_attempt_at out by a lease lets a crashed
	 * sender's rows come back by themselves.
	 */
	private static final String SQL_CLAIM = """
			update notification.email e
			set attempts = e.attempts + 1, next_attempt_at = :leaseUntil, version = e.version + 1
			from notification.notice n
			where n.id = e.notice_id and n.created_at = e.notice_created_at
			and (e.notice_id, e.notice_created_at) in (
				select due.notice_id, due.notice_created_at from notification.email due
				where due.status = 'PENDING' and due.next_attempt_at <= :now
				order by due.next_attempt_at limit :limit
				for update skip locked)
			returning e.notice_id, e.notice_created_at, n.recipient_id, n.kind, n.link, e.attempts, e.version
			""";

	private static final String SQL_FINISH = """
			update notification.email
			set status = :status, next_attempt_at = :next, sent_at = :sentAt, last_error = :error, version = version + 1
			where notice_id = :notice and notice_created_at = :noticeAt and version = :version
			""";

	private static final String SQL_STATE = """
			select status, attempts, next_attempt_at, sent_at, last_error from notification.email where notice_id = :notice
			""";

	private final JdbcClient jdbc;

	NoticeEmailRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void enqueue(UUID notice, Instant noticeCreatedAt, Instant at) {
		jdbc.sql(SQL_ENQUEUE)
			.param("notice", notice)
			.param("noticeAt", Timestamp.from(noticeCreatedAt))
			.param("at", Timestamp.from(at))
			.update();
	}

	List<DueEmail> claimDue(Instant now, Instant leaseUntil, int limit) {
		return jdbc.sql(SQL_CLAIM)
			.param("now", Timestamp.from(now))
			.param("leaseUntil", Timestamp.from(leaseUntil))
			.param("limit", limit)
			.query((rs, n) -> new DueEmail(rs.getObject("notice_id", UUID.class),
					rs.getTimestamp("notice_created_at").toInstant(),
					new PractitionerId(rs.getObject("recipient_id", UUID.class)), rs.getString("kind"),
					rs.getString("link"), rs.getInt("attempts"), rs.getLong("version")))
			.list();
	}

	/** False when another sender took the row over because this one's lease ran out. */
	boolean finish(DueEmail email, EmailState outcome) {
		return jdbc.sql(SQL_FINISH)
			.param("notice", email.noticeId())
			.param("noticeAt", Timestamp.from(email.noticeCreatedAt()))
			.param("version", email.version())
			.param("status", outcome.status().name())
			.param("next", Timestamp.from(outcome.nextAttemptAt()))
			.param("sentAt", outcome.sentAt() == null ? null : Timestamp.from(outcome.sentAt()))
			.param("error", outcome.lastError())
			.update() == 1;
	}

	Optional<EmailState> state(UUID notice) {
		return jdbc.sql(SQL_STATE).param("notice", notice).query((rs, n) -> {
			Timestamp sent = rs.getTimestamp("sent_at");
			return new EmailState(EmailState.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
					rs.getTimestamp("next_attempt_at").toInstant(), sent == null ? null : sent.toInstant(),
					rs.getString("last_error"));
		}).optional();
	}

	/** A claimed row: the attempt number it is on and the version the claim left. */
	record DueEmail(UUID noticeId, Instant noticeCreatedAt, PractitionerId recipient, String kind, String link,
			int attempts, long version) {
	}

	/**
	 * Where an e-mail stands. {@code lastError} is an exception's class name, never its
	 * message, which may quote the address.
	 */
	record EmailState(Status status, int attempts, Instant nextAttemptAt, @Nullable Instant sentAt,
			@Nullable String lastError) {

		enum Status {

			PENDING, SENT, FAILED, NO_ADDRESS

		}

	}

}
