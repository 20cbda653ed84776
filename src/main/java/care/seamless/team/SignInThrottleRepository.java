package care.seamless.team;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.seamless.shared.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SignInThrottleRepository {

	// A failure after a quiet hour starts the count again, so old typos never add up to a
	// lockout.
	private static final String SQL_COUNT_FAILURE = """
			insert into team.sign_in_throttle (key, failures, last_failure_at) values (:key, 1, now())
			on conflict (key) do update set
			  failures = case when team.sign_in_throttle.last_failure_at < now() - interval '1 hour' then 1
			                  else team.sign_in_throttle.failures + 1 end,
			  last_failure_at = now()
			returning failures
			""";

	private static final String SQL_HOLD = """
			update team.sign_in_throttle
			set not_before = now() + make_interval(secs => :delaySeconds),
			    locked_until = case when :lockSeconds > 0 then now() + make_interval(secs => :lockSeconds)
			                        else locked_until end
			where key = :key
			""";

	private static final String SQL_HELD = """
			select count(*) from team.sign_in_throttle
			where key in (:keys) and (not_before > now() or locked_until > now())
			""";

	// Everything a sign-in with a password needs but the hash check, in one statement:
	// the account (if the name is known), its standing, whether this name or address is
	// held now, and whether the name has a failure on record that a right password must
	// clear. Both throttle answers come from one probe of its keys (the account's key is
	// one of them; two probes were a quarter of the statement's buffers, ADR 107), and
	// the aggregate's one row, there even with no throttle row, keeps them for a name
	// that is not an account.
	private static final String SQL_CHECK = """
			select known.*, throttle.held, throttle.has_failures
			from (
			  select coalesce(bool_or(t.not_before > now() or t.locked_until > now()), false) as held,
			         coalesce(bool_or(t.key = :accountKey), false) as has_failures
			  from team.sign_in_throttle t where t.key in (:keys)
			) as throttle
			left join (
			""" + DirectoryRepository.SQL_ACCOUNTS + """
			  where a.username = :username
			) as known on true
			""";

	private static final String SQL_LOCKED_ACCOUNTS = """
			select a.id from team.account a
			join team.sign_in_throttle t on t.key = 'account:' || lower(a.username)
			where t.locked_until > now()
			""";

	private final JdbcClient jdbc;

	SignInThrottleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	int countFailure(String key) {
		return jdbc.sql(SQL_COUNT_FAILURE).param("key", key).query(Integer.class).single();
	}

	void hold(String key, Duration delay, Duration lock) {
		jdbc.sql(SQL_HOLD)
			.param("key", key)
			.param("delaySeconds", (double) delay.toSeconds())
			.param("lockSeconds", (double) lock.toSeconds())
			.update();
	}

	boolean held(List<String> keys) {
		return jdbc.sql(SQL_HELD).param("keys", keys).query(Long.class).single() > 0;
	}

	SignInCheck check(String username, List<String> keys) {
		return jdbc.sql(SQL_CHECK)
			.param("keys", keys)
			.param("accountKey", keys.get(0))
			.param("username", username)
			.query((rs, n) -> new SignInCheck(rs.getObject("id") == null ? null : DirectoryRepository.mapAccount(rs, n),
					rs.getObject("id") == null ? null
							: new SessionStanding(rs.getBoolean("enabled"), rs.getLong("session_epoch"),
									rs.getBoolean("must_change_password"), rs.getBoolean("second_factor")),
					rs.getBoolean("held"), rs.getBoolean("has_failures")))
			.single();
	}

	Set<AccountId> lockedAccounts() {
		return jdbc.sql(SQL_LOCKED_ACCOUNTS).query((rs, n) -> new AccountId(rs.getObject("id", UUID.class))).set();
	}

	int clear(String key) {
		return jdbc.sql("delete from team.sign_in_throttle where key = :key").param("key", key).update();
	}

}
