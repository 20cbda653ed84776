package care.seamless.team;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What a new password must be: long, not the username, and not one of the passwords
 * guessers try first. Length matters more than mixing character kinds, as NCSC advises.
 */
public final class PasswordPolicy {

	static final int MINIMUM_LENGTH = 12;

	private static final Set<String> COMMON = load();

	private PasswordPolicy() {
	}

	/** Why the password is refused, or null if it is acceptable. */
	public static @Nullable String problem(String password, String username) {
		if (password.length() < MINIMUM_LENGTH) {
			return "Use a password of at least " + MINIMUM_LENGTH + " characters";
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (lower.contains(username.toLowerCase(Locale.ROOT))) {
			return "The password must not contain the username";
		}
		if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
			return "This password is too easy to guess: choose a longer phrase of unrelated words";
		}
		return null;
	}

	private static Set<String> load() {
		try (var in = PasswordPolicy.class.getResourceAsStream("/team/common-passwords.txt")) {
			if (in == null) {
				throw new IllegalStateException("team/common-passwords.txt is missing");
			}
			return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(line -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
