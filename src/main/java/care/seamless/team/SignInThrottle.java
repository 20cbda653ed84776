package care.seamless.team;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import care.seamless.shared.AccountId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down and then stops password guessing, per account name and per client address.
 * After a few failures each further attempt must wait a growing delay; after
 * {@value #ACCOUNT_LOCK_AFTER} failures the account name is locked for a while. An
 * attempt made too soon is refused whatever the password, with the same message as a
 * wrong password, so a guesser learns nothing; wrong passwords made too soon still count.
 * Unknown names are counted exactly like real ones, so nothing reveals which exist.
 */
@Service
public class SignInThrottle {

	static final int ACCOUNT_DELAY_AFTER = 3;

	static final int ACCOUNT_LOCK_AFTER = 10;

	static final Duration ACCOUNT_LOCK = Duration.ofMinutes(15);

	// One address may be a whole hospital behind a proxy, so it gets far more room than
	// one account before it is slowed.
	static final int ADDRESS_DELAY_AFTER = 30;

	static final int ADDRESS_LOCK_AFTER = 200;

	static final Duration ADDRESS_LOCK = Duration.ofMinutes(15);

	static final Duration MAX_DELAY = Duration.ofSeconds(30);

	private final SignInThrottleRepository repository;

	SignInThrottle(SignInThrottleRepository repository) {
		this.repository = repository;
	}

	/** Whether an attempt for this name from this address must be refused now. */
	@Transactional(readOnly = true)
	public boolean held(String username, @Nullable String address) {
		return repository.held(keys(username, address));
	}

	/**
	 * The account, its standing and the throttle's answer for one attempt, in one
	 * statement outside any transaction (one round trip): what a sign-in sent with every
	 * request (HTTP Basic) reads before it checks the password.
	 */
	public SignInCheck check(String username, @Nullable String address) {
		return repository.check(username, keys(username, address));
	}

	@Transactional
	public void failed(String username, @Nullable String address) {
		String account = accountKey(username);
		int failures = repository.countFailure(account);
		repository.hold(account, delay(failures, ACCOUNT_DELAY_AFTER),
				lock(failures, ACCOUNT_LOCK_AFTER, ACCOUNT_LOCK));
		if (address != null) {
			String addressKey = addressKey(address);
			int fromAddress = repository.countFailure(addressKey);
			repository.hold(addressKey, delay(fromAddress, ADDRESS_DELAY_AFTER),
					lock(fromAddress, ADDRESS_LOCK_AFTER, ADDRESS_LOCK));
		}
	}

	/**
	 * A right password clears the account's count; the address's count stays, or a
	 * guesser could reset it with an account of their own.
	 */
	@Transactional
	public void succeeded(String username) {
		repository.clear(accountKey(username));
	}

	/** Accounts locked now, for the administrators' account page. */
	@Transactional(readOnly = true)
	public Set<AccountId> lockedAccounts() {
		return repository.lockedAccounts();
	}

	/** Clears the account's failures and lock; the caller audits it. */
	void unlock(String username) {
		repository.clear(accountKey(username));
	}

	// 1, 2, 4, 8... seconds once past the free attempts, never more than MAX_DELAY.
	static Duration delay(int failures, int after) {
		if (failures < after) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - after, 10);
		Duration delay = Duration.ofSeconds(1L << doublings);
		return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
	}

	// Locks at every multiple of the threshold, each time for longer.
	static Duration lock(int failures, int after, Duration base) {
		if (failures < after || failures % after != 0) {
			return Duration.ZERO;
		}
		return base.multipliedBy(Math.min(failures / after, 8));
	}

	private static List<String> keys(String username, @Nullable String address) {
		return address == null ? List.of(accountKey(username)) : List.of(accountKey(username), addressKey(address));
	}

	static String accountKey(String username) {
		return "account:" + username.strip().toLowerCase(Locale.ROOT);
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

}
