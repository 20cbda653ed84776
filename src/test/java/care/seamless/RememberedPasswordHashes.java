package care.seamless;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * In tests only, the application's own password encoder with its answers remembered.
 * bcrypt is slow on purpose, and the suite creates hundreds of accounts with the same
 * password and signs in with it over and over (a check took 491 ms on this 2-core machine
 * under load). Every answer is still the real encoder's: a hash is the production
 * encoder's hash of that password, and a match is what it said for the same password and
 * hash. The one difference from production is that a password encoded twice gets the same
 * salt, which no test can rely on either way. Not in child applications started by tests,
 * which run without the test profile.
 */
@Component
@Profile("test")
class RememberedPasswordHashes implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof PasswordEncoder encoder && !(bean instanceof Remembering)) {
			return new Remembering(encoder);
		}
		return bean;
	}

	private record Pair(@Nullable CharSequence raw, @Nullable String encoded) {
	}

	static final class Remembering implements PasswordEncoder {

		private final PasswordEncoder encoder;

		private final Map<String, String> hashes = new ConcurrentHashMap<>();

		private final Map<Pair, Boolean> matches = new ConcurrentHashMap<>();

		Remembering(PasswordEncoder encoder) {
			this.encoder = encoder;
		}

		@Override
		public @Nullable String encode(@Nullable CharSequence rawPassword) {
			if (rawPassword == null) {
				return encoder.encode(rawPassword);
			}
			return hashes.computeIfAbsent(rawPassword.toString(), encoder::encode);
		}

		@Override
		public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
			return matches.computeIfAbsent(
					new Pair(rawPassword == null ? null : rawPassword.toString(), encodedPassword),
					pair -> encoder.matches(pair.raw(), pair.encoded()));
		}

		@Override
		public boolean upgradeEncoding(@Nullable String encodedPassword) {
			return encoder.upgradeEncoding(encodedPassword);
		}

	}

}
