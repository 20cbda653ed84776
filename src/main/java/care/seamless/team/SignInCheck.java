package care.seamless.team;

import org.jspecify.annotations.Nullable;

/**
 * What one read tells a password sign-in before the password is checked: the account
 * under the name sent (none for an unknown name) with its standing now, whether the name
 * or the address is held by the {@link SignInThrottle}, and whether the name has failures
 * on record that a right password clears.
 */
public record SignInCheck(@Nullable Account account, @Nullable SessionStanding standing, boolean held,
		boolean hasFailures) {
}
