package care.seamless.referral;

import java.util.Set;

import static care.seamless.referral.ReferralStatus.ACCEPTED;
import static care.seamless.referral.ReferralStatus.ACKNOWLEDGED;
import static care.seamless.referral.ReferralStatus.COMPLETED;
import static care.seamless.referral.ReferralStatus.DECLINED;
import static care.seamless.referral.ReferralStatus.DRAFT;
import static care.seamless.referral.ReferralStatus.SENT;
import static care.seamless.referral.ReferralStatus.WITHDRAWN;

/**
 * The steps of a referral's life, each allowed only from some states. A redirection
 * passes the referral to another team without stopping its clock, so it keeps its state.
 */
public enum ReferralStep {

	CREATE(Set.of(), DRAFT), SEND(Set.of(DRAFT), SENT), ACKNOWLEDGE(Set.of(SENT), ACKNOWLEDGED),
	ACCEPT(Set.of(SENT, ACKNOWLEDGED), ACCEPTED), DECLINE(Set.of(SENT, ACKNOWLEDGED), DECLINED),
	REDIRECT(Set.of(SENT, ACKNOWLEDGED), null), WITHDRAW(Set.of(DRAFT, SENT, ACKNOWLEDGED, ACCEPTED), WITHDRAWN),
	COMPLETE(Set.of(ACCEPTED), COMPLETED);

	private final Set<ReferralStatus> from;

	private final ReferralStatus to;

	ReferralStep(Set<ReferralStatus> from, ReferralStatus to) {
		this.from = from;
		this.to = to;
	}

	public boolean allowedFrom(ReferralStatus status) {
		return from.contains(status);
	}

	/** The state after this step from {@code status}. */
	ReferralStatus after(ReferralStatus status) {
		return to == null ? status : to;
	}

	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
