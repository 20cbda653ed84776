package care.seamless.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import care.seamless.shared.AccountId;
import care.seamless.shared.Role;
import care.seamless.team.Account;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The remembered Basic password (ADR 40, ADR 75) on its own: recalled only for exactly
 * what was sent, and never once the account read with the next request has a new password
 * hash, is disabled or has a raised session epoch; those go back to the password check.
 * Plain JUnit: no context, under a second.
 */
class RememberedCredentialsTests {

	private static final String PASSWORD = "right-password-1";

	private final Account account = new Account(AccountId.random(), "nurse.one", "$2a$10$stored-hash", true,
			Set.of(Role.PRACTITIONER), null, null, null, null, null, 7, false);

	private final AtomicInteger checks = new AtomicInteger();

	/** Stands in for bcrypt: right for PASSWORD only, and counts every check. */
	private final AuthenticationProvider passwords = new AuthenticationProvider() {

		@Override
		public Authentication authenticate(Authentication attempt) {
			checks.incrementAndGet();
			if (!PASSWORD.equals(attempt.getCredentials())) {
				throw new BadCredentialsException("wrong");
			}
			SignedInUser user = new SignedInUser(account);
			return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return true;
		}

	};

	private Instant now = Instant.parse("2026-12-06T12:00:00Z");

	private final RememberedCredentials remembered = new RememberedCredentials(passwords, new Clock() {

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	});

	@Test
	void aRightPasswordIsRecalledWithoutBeingCheckedAgainUntilItsTimeIsUp() {
		assertThat(remembered.recall(sent("nurse.one", PASSWORD), account)).isNull();
		remembered.authenticate(sent("nurse.one", PASSWORD));
		assertThat(checks).hasValue(1);

		Authentication recalled = remembered.recall(sent("nurse.one", PASSWORD), account);
		assertThat(recalled).isNotNull();
		assertThat(recalled.isAuthenticated()).isTrue();
		assertThat(((SignedInUser) recalled.getPrincipal()).accountId()).isEqualTo(account.id());
		assertThat(checks).as("no second check").hasValue(1);

		now = now.plus(RememberedCredentials.FOR);
		assertThat(remembered.recall(sent("nurse.one", PASSWORD), account)).as("time up").isNull();
	}

	@Test
	void onlyExactlyWhatWasSentIsRecalledAndAWrongPasswordIsNeverRemembered() {
		remembered.authenticate(sent("nurse.one", PASSWORD));
		assertThat(remembered.recall(sent("nurse.one", PASSWORD + "x"), account)).isNull();
		assertThat(remembered.recall(sent("nurse.on", "e" + PASSWORD), account)).as("split elsewhere").isNull();
		assertThat(remembered.recall(sent("nurse.one", PASSWORD), null)).as("no such account now").isNull();

		assertThatThrownBy(() -> remembered.authenticate(sent("nurse.one", "wrong")))
			.isInstanceOf(BadCredentialsException.class);
		assertThat(remembered.recall(sent("nurse.one", "wrong"), account)).isNull();
	}

	@Test
	void aNewPasswordADisabledAccountOrARaisedEpochEndsItOnTheNextRecall() {
		remembered.authenticate(sent("nurse.one", PASSWORD));
		assertThat(remembered.recall(sent("nurse.one", PASSWORD), with(account.passwordHash(), true, 8))).as("epoch")
			.isNull();
		assertThat(remembered.recall(sent("nurse.one", PASSWORD), account))
			.as("forgotten once refused, even if the account is back as it was")
			.isNull();

		remembered.authenticate(sent("nurse.one", PASSWORD));
		assertThat(remembered.recall(sent("nurse.one", PASSWORD), with(account.passwordHash(), false, 7)))
			.as("disabled")
			.isNull();

		remembered.authenticate(sent("nurse.one", PASSWORD));
		assertThat(remembered.recall(sent("nurse.one", PASSWORD), with("$2a$10$another-hash", true, 7)))
			.as("new password")
			.isNull();
		assertThat(checks).hasValue(3);
	}

	/**
	 * Threads each keep their own HMAC: the same key, so the same answer on every thread.
	 */
	@Test
	void aPasswordRememberedOnOneThreadIsRecalledOnAnother() throws Exception {
		remembered.authenticate(sent("nurse.one", PASSWORD));
		Authentication[] recalled = new Authentication[1];
		Thread other = new Thread(() -> recalled[0] = remembered.recall(sent("nurse.one", PASSWORD), account));
		other.start();
		other.join();
		assertThat(recalled[0]).isNotNull();
	}

	private Account with(String passwordHash, boolean enabled, long sessionEpoch) {
		return new Account(account.id(), account.username(), passwordHash, enabled, account.roles(), null, null, null,
				null, null, sessionEpoch, false);
	}

	private static Authentication sent(String username, String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
	}

}
