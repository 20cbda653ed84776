package care.seamless.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import care.seamless.team.Account;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Remembers, for a few minutes, that a username and password sent with HTTP Basic were
 * right, so a partner system calling {@code /fhir} on every request pays the deliberately
 * slow password hash once, not on every call (ADR 40). Only a keyed hash of what was sent
 * is kept, under a key made at start-up that never leaves memory; a wrong password is
 * never remembered, and every attempt still goes through the throttle around this. A
 * remembered sign-in is recalled against the account as {@link ThrottledAuthentication}
 * has just read it (with the throttle's answer, in one statement), and holds only while
 * the stored password hash, the enabled flag and the session epoch are those it was
 * remembered with: a new password, a disabled account or changed roles end it on the next
 * request.
 */
final class RememberedCredentials implements AuthenticationProvider {

	static final Duration FOR = Duration.ofMinutes(5);

	/** Enough for every partner system of a large partnership; past it we start again. */
	static final int MOST = 10_000;

	private final AuthenticationProvider passwords;

	private final Clock clock;

	// One initialised Mac per request thread: Mac.getInstance and init (a provider
	// look-up and the key schedule) were about 3 % of a FHIR read's request-thread CPU,
	// and a Mac is not safe to share between threads; doFinal readies it for next use.
	private final ThreadLocal<Mac> macs;

	private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

	RememberedCredentials(AuthenticationProvider passwords, Clock clock) {
		this.passwords = passwords;
		this.clock = clock;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
		this.macs = ThreadLocal.withInitial(() -> mac(key));
	}

	/**
	 * The sign-in remembered for what was sent, if it still holds for the account as read
	 * now by the caller; otherwise null, and the password must be checked.
	 */
	@Nullable Authentication recall(Authentication attempt, @Nullable Account account) {
		if (!(attempt.getCredentials() instanceof String password) || attempt.getName() == null || account == null) {
			return null;
		}
		String sent = keyed(attempt.getName(), password);
		Remembered known = remembered.get(sent);
		if (known == null) {
			return null;
		}
		if (clock.instant().isBefore(known.until()) && known.holds(account)) {
			SignedInUser user = new SignedInUser(account);
			UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
					user.getAuthorities());
			result.setDetails(attempt.getDetails());
			return result;
		}
		remembered.remove(sent);
		return null;
	}

	/** Checks the password, and remembers it for a while when it is right. */
	@Override
	public Authentication authenticate(Authentication attempt) {
		Authentication result = passwords.authenticate(attempt);
		// Read before the manager erases the principal's password hash.
		if (result != null && attempt.getCredentials() instanceof String password && attempt.getName() != null
				&& result.getPrincipal() instanceof SignedInUser user && user.getPassword() != null) {
			if (remembered.size() >= MOST) {
				remembered.clear();
			}
			remembered.put(keyed(attempt.getName(), password),
					new Remembered(user.getPassword(), user.sessionEpoch(), clock.instant().plus(FOR)));
		}
		return result;
	}

	private String keyed(String username, String password) {
		Mac mac = macs.get();
		mac.update(username.getBytes(StandardCharsets.UTF_8));
		// A separator that cannot be in a username keeps "ab"+"c" apart from "a"+"bc".
		mac.update((byte) 0);
		return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
	}

	private static Mac mac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return passwords.supports(authentication);
	}

	private record Remembered(String passwordHash, long sessionEpoch, Instant until) {

		boolean holds(Account account) {
			return account.enabled() && account.sessionEpoch() == sessionEpoch
					&& MessageDigest.isEqual(passwordHash.getBytes(StandardCharsets.UTF_8),
							account.passwordHash().getBytes(StandardCharsets.UTF_8));
		}

	}

}
