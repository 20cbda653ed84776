package care.seamless.fhir;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.shared.AccountId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Subscriptions and their outbox of notifications (V180). */
@Repository
class SubscriptionRepository {

	private static final String COLUMNS = """
			s.id, s.owner_account, s.owner_username, s.owner_practitioner, s.topic, s.endpoint, s.headers, s.payload,
			s.reason, s.status, s.end_at, s.events_since_start, s.consecutive_failures, s.error, s.heartbeat_period
			""";

	private static final String SQL_INSERT = """
			insert into fhir.subscription (id, owner_account, owner_username, owner_practitioner, topic, endpoint, headers,
				payload, reason, status, end_at, heartbeat_period, created_at, updated_at, handshake_due_at)
			values (:id, :account, :username, :practitioner, :topic, :endpoint, :headers, :payload, :reason, 'requested',
				:endAt, :heartbeat, :now, :now, :now)
			""";

	private static final String SQL_OWNED = "select " + COLUMNS + """
			from fhir.subscription s where s.id = :id and s.owner_account = :account
			""";

	private static final String SQL_LIST_OWNED = "select " + COLUMNS
			+ """
					from fhir.subscription s where s.owner_account = :account and (cast(:status as text) is null or s.status = :status)
					order by s.created_at, s.id limit :limit offset :offset
					""";

	private static final String SQL_COUNT_OWNED = """
			select count(*) from fhir.subscription s
			where s.owner_account = :account and (cast(:status as text) is null or s.status = :status)
			""";

	private static final String SQL_DELETE = """
			delete from fhir.subscription where id = :id and owner_account = :account
			""";

	private static final String SQL_ACTIVE_FOR_TOPIC = "select " + COLUMNS + """
			from fhir.subscription s
			where s.topic = :topic and s.status = 'active' and (s.end_at is null or s.end_at > :now)
			""";

	// Numbering under the row lock keeps event numbers gapless per subscription even when
	// two events arrive at once.
	private static final String SQL_NEXT_EVENT = """
			update fhir.subscription set events_since_start = events_since_start + 1
			where id = :id and status = 'active' returning events_since_start
			""";

	private static final String SQL_ENQUEUE = """
			insert into fhir.subscription_notification (id, subscription_id, person_id, focus, event_number, occurred_at,
				status, next_attempt_at)
			values (:id, :subscription, :person, :focus, :eventNumber, :at, 'PENDING', :at)
			""";

	/*
	 * Claims a batch in one statement: skip locked lets two nodes drain the outbox
	 * without sending a row twice, and pushing next_attempt_at out by a lease brings a
	 * crashed sender's rows back by themselves. The HTTP call happens after this commits,
	 * so no transaction stays open while a partner's server is slow.
	 */
	private static final String SQL_CLAIM = """
			update fhir.subscription_notification n
			set attempts = n.attempts + 1, next_attempt_at = :leaseUntil, version = n.version + 1
			where n.id in (
				select due.id from fhir.subscription_notification due
				where due.status = 'PENDING' and due.next_attempt_at <= :now
				order by due.next_attempt_at limit :limit
				for update skip locked)
			returning n.id, n.subscription_id, n.person_id, n.focus, n.event_number, n.occurred_at, n.attempts, n.version
			""";

	private static final String SQL_FINISH = """
			update fhir.subscription_notification
			set status = :status, next_attempt_at = :next, sent_at = :sentAt, last_error = :error, version = version + 1
			where id = :id and version = :version
			""";

	private static final String SQL_SUBSCRIPTION = "select " + COLUMNS + " from fhir.subscription s where s.id = :id";

	private static final String SQL_SUCCEEDED = """
			update fhir.subscription set consecutive_failures = 0, error = null, last_sent_at = :now where id = :id
			""";

	/*
	 * Claims the subscriptions whose handshake is due as notifications are claimed: skip
	 * locked so two nodes never send one twice, and a lease so a crashed sender's claim
	 * comes back by itself. The POST happens after this commits.
	 */
	private static final String SQL_CLAIM_HANDSHAKES = """
			update fhir.subscription s
			set handshake_attempts = s.handshake_attempts + 1, handshake_due_at = :leaseUntil, version = s.version + 1
			where s.id in (
				select due.id from fhir.subscription due
				where due.status = 'requested' and due.handshake_due_at <= :now
				order by due.handshake_due_at limit :limit
				for update skip locked)
			returning
			""" + COLUMNS + ", s.handshake_attempts, s.version";

	// Only the claim that is still current (same version, still 'requested') decides: a
	// deleted subscription or one another sender took over is left alone.
	private static final String SQL_HANDSHAKE_TAKEN = """
			update fhir.subscription set status = 'active', error = null, consecutive_failures = 0, last_sent_at = :now,
				handshake_due_at = null, updated_at = :now, version = version + 1
			where id = :id and version = :version and status = 'requested'
			""";

	private static final String SQL_HANDSHAKE_FAILED = """
			update fhir.subscription
			set status = case when :switchOff then 'error' else status end,
				handshake_due_at = case when :switchOff then null else cast(:next as timestamptz) end,
				consecutive_failures = consecutive_failures + 1, error = :error, updated_at = :now, version = version + 1
			where id = :id and version = :version and status = 'requested'
			""";

	// Silent for a whole period since the last thing the endpoint took (or the start).
	private static final String SQL_HEARTBEAT_DUE = "select " + COLUMNS + """
			from fhir.subscription s
			where s.status = 'active' and s.heartbeat_period is not null and (s.end_at is null or s.end_at > :now)
			and coalesce(s.last_sent_at, s.created_at) + make_interval(secs => s.heartbeat_period) <= :now
			order by coalesce(s.last_sent_at, s.created_at) limit :limit
			""";

	private static final String SQL_FAILED = """
			update fhir.subscription
			set consecutive_failures = consecutive_failures + 1,
				status = case when consecutive_failures + 1 >= :limit and status = 'active' then 'error' else status end,
				error = :error, updated_at = :now, version = version + 1
			where id = :id
			returning status
			""";

	private static final String SQL_ABANDON = """
			update fhir.subscription_notification set status = 'ABANDONED', version = version + 1
			where subscription_id = :id and status = 'PENDING'
			""";

	private static final String SQL_STATE = """
			select status, attempts, next_attempt_at, last_error from fhir.subscription_notification
			where subscription_id = :subscription order by event_number
			""";

	private final JdbcClient jdbc;

	SubscriptionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, Owner owner, NewSubscription subscription, Instant now) {
		jdbc.sql(SQL_INSERT)
			.param("id", id)
			.param("account", owner.account().id())
			.param("username", owner.username())
			.param("practitioner", owner.practitioner() == null ? null : owner.practitioner().id())
			.param("topic", subscription.topic().key())
			.param("endpoint", subscription.endpoint())
			.param("headers", String.join("\n", subscription.headers()))
			.param("payload", subscription.payload())
			.param("reason", subscription.reason())
			.param("endAt", subscription.end() == null ? null : Timestamp.from(subscription.end()))
			.param("heartbeat", subscription.heartbeatPeriod())
			.param("now", Timestamp.from(now))
			.update();
	}

	Optional<Stored> owned(UUID id, AccountId owner) {
		return jdbc.sql(SQL_OWNED).param("id", id).param("account", owner.id()).query(this::stored).optional();
	}

	List<Stored> listOwned(AccountId owner, @Nullable String status, int limit, int offset) {
		return jdbc.sql(SQL_LIST_OWNED)
			.param("account", owner.id())
			.param("status", status)
			.param("limit", limit)
			.param("offset", offset)
			.query(this::stored)
			.list();
	}

	long countOwned(AccountId owner, @Nullable String status) {
		return jdbc.sql(SQL_COUNT_OWNED)
			.param("account", owner.id())
			.param("status", status)
			.query(Long.class)
			.single();
	}

	boolean delete(UUID id, AccountId owner) {
		return jdbc.sql(SQL_DELETE).param("id", id).param("account", owner.id()).update() == 1;
	}

	List<Stored> activeFor(SubscriptionTopic topic, Instant now) {
		return jdbc.sql(SQL_ACTIVE_FOR_TOPIC)
			.param("topic", topic.key())
			.param("now", Timestamp.from(now))
			.query(this::stored)
			.list();
	}

	/** False when the subscription stopped being active since it was read. */
	boolean enqueue(UUID subscription, PersonId person, String focus, Instant at) {
		Optional<Long> number = jdbc.sql(SQL_NEXT_EVENT).param("id", subscription).query(Long.class).optional();
		if (number.isEmpty()) {
			return false;
		}
		jdbc.sql(SQL_ENQUEUE)
			.param("id", UUID.randomUUID())
			.param("subscription", subscription)
			.param("person", person.id())
			.param("focus", focus)
			.param("eventNumber", number.get())
			.param("at", Timestamp.from(at))
			.update();
		return true;
	}

	List<Due> claimDue(Instant now, Instant leaseUntil, int limit) {
		return jdbc.sql(SQL_CLAIM)
			.param("now", Timestamp.from(now))
			.param("leaseUntil", Timestamp.from(leaseUntil))
			.param("limit", limit)
			.query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
					new PersonId(rs.getObject("person_id", UUID.class)), rs.getString("focus"),
					rs.getLong("event_number"), rs.getTimestamp("occurred_at").toInstant(), rs.getInt("attempts"),
					rs.getLong("version")))
			.list();
	}

	/** False when another sender took the row over because this one's lease ran out. */
	boolean finish(Due due, String status, Instant next, @Nullable Instant sentAt, @Nullable String error) {
		return jdbc.sql(SQL_FINISH)
			.param("id", due.id())
			.param("version", due.version())
			.param("status", status)
			.param("next", Timestamp.from(next))
			.param("sentAt", sentAt == null ? null : Timestamp.from(sentAt))
			.param("error", error)
			.update() == 1;
	}

	Optional<Stored> subscription(UUID id) {
		return jdbc.sql(SQL_SUBSCRIPTION).param("id", id).query(this::stored).optional();
	}

	void succeeded(UUID subscription, Instant now) {
		jdbc.sql(SQL_SUCCEEDED).param("id", subscription).param("now", Timestamp.from(now)).update();
	}

	List<Handshake> claimHandshakes(Instant now, Instant leaseUntil, int limit) {
		return jdbc.sql(SQL_CLAIM_HANDSHAKES)
			.param("now", Timestamp.from(now))
			.param("leaseUntil", Timestamp.from(leaseUntil))
			.param("limit", limit)
			.query((rs, n) -> new Handshake(stored(rs, n), rs.getInt("handshake_attempts"), rs.getLong("version")))
			.list();
	}

	/** False when the claim is no longer current (deleted, or taken over). */
	boolean handshakeTaken(Handshake claimed, Instant now) {
		return jdbc.sql(SQL_HANDSHAKE_TAKEN)
			.param("id", claimed.subscription().id())
			.param("version", claimed.version())
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Records a failed handshake: tried again at {@code next}, or switched to 'error'
	 * when {@code next} is null. False when the claim is no longer current.
	 */
	boolean handshakeFailed(Handshake claimed, String error, @Nullable Instant next, Instant now) {
		return jdbc.sql(SQL_HANDSHAKE_FAILED)
			.param("id", claimed.subscription().id())
			.param("version", claimed.version())
			.param("switchOff", next == null)
			.param("next", next == null ? null : Timestamp.from(next))
			.param("error", error)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	List<Stored> heartbeatDue(Instant now, int limit) {
		return jdbc.sql(SQL_HEARTBEAT_DUE)
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(this::stored)
			.list();
	}

	/**
	 * Counts a failure; returns true when this one switched the subscription off (its
	 * pending notifications are then abandoned).
	 */
	boolean failed(UUID subscription, int limit, String error, Instant now) {
		Optional<String> status = jdbc.sql(SQL_FAILED)
			.param("id", subscription)
			.param("limit", limit)
			.param("error", error)
			.param("now", Timestamp.from(now))
			.query(String.class)
			.optional();
		boolean switchedOff = status.isPresent() && status.get().equals("error");
		if (switchedOff) {
			jdbc.sql(SQL_ABANDON).param("id", subscription).update();
		}
		return switchedOff;
	}

	/** Each notification of the subscription, oldest first (for tests and support). */
	List<NotificationState> notifications(UUID subscription) {
		return jdbc.sql(SQL_STATE)
			.param("subscription", subscription)
			.query((rs, n) -> new NotificationState(rs.getString("status"), rs.getInt("attempts"),
					rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error")))
			.list();
	}

	private Stored stored(ResultSet rs, int row) throws SQLException {
		UUID practitioner = rs.getObject("owner_practitioner", UUID.class);
		Timestamp end = rs.getTimestamp("end_at");
		String headers = rs.getString("headers");
		return new Stored(rs.getObject("id", UUID.class),
				new Owner(new AccountId(rs.getObject("owner_account", UUID.class)), rs.getString("owner_username"),
						practitioner == null ? null : new PractitionerId(practitioner)),
				new NewSubscription(SubscriptionTopic.byKey(rs.getString("topic")), rs.getString("endpoint"),
						headers.isEmpty() ? List.of() : List.of(headers.split("\n")), rs.getString("payload"),
						rs.getString("reason"), end == null ? null : end.toInstant(),
						rs.getObject("heartbeat_period", Integer.class)),
				rs.getString("status"), rs.getLong("events_since_start"), rs.getInt("consecutive_failures"),
				rs.getString("error"));
	}

	/** Who registered a subscription: the account notifications are decided as. */
	record Owner(AccountId account, String username, @Nullable PractitionerId practitioner) {
	}

	record Stored(UUID id, Owner owner, NewSubscription subscription, String status, long eventsSinceStart,
			int consecutiveFailures, @Nullable String error) {
	}

	/** A claimed handshake: the attempt it is on and the version the claim left. */
	record Handshake(Stored subscription, int attempts, long version) {
	}

	/** A claimed notification: the attempt it is on and the version the claim left. */
	record Due(UUID id, UUID subscriptionId, PersonId personId, String focus, long eventNumber, Instant occurredAt,
			int attempts, long version) {
	}

	record NotificationState(String status, int attempts, Instant nextAttemptAt, @Nullable String lastError) {
	}

}
