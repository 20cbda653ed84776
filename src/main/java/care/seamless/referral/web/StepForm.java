package care.seamless.referral.web;

import org.jspecify.annotations.Nullable;

/**
 * Any step on a referral, as typed: the version the page was read at, and whichever of
 * owner, decline reason, signposting, new team, note or outcome the step needs.
 */
record StepForm(@Nullable String version, @Nullable String owner, @Nullable String declineReason,
		@Nullable String signposting, @Nullable String toTeam, @Nullable String note, @Nullable String outcome) {

	static StepForm at(long version) {
		return new StepForm(Long.toString(version), null, null, null, null, null, null);
	}

}
