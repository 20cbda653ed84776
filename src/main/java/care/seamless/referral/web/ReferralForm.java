package care.seamless.referral.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The referral form as typed: every field text, read by {@link ReferralController} so
 * that a wrong value becomes a field message, never a binding error.
 */
record ReferralForm(@Nullable String fromTeam, @Nullable String toTeam, @Nullable String reasonCode,
		@Nullable String reasonText, @Nullable String urgency, @Nullable String personInformed,
		@Nullable String personView, @Nullable String basis, @Nullable List<String> categories,
		@Nullable List<String> items) {

	static ReferralForm empty() {
		return new ReferralForm(null, null, null, null, null, null, null, null, List.of("GENERAL"), List.of());
	}

}
