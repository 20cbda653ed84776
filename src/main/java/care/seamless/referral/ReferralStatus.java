package care.seamless.referral;

import java.util.Set;

/**
 * Where a referral stands. Open referrals have a holder who must act; closed ones
 * (declined, withdrawn, completed) are kept as they ended.
 */
public enum ReferralStatus {

	DRAFT, SENT, ACKNOWLEDGED, ACCEPTED, DECLINED, WITHDRAWN, COMPLETED;

	/** Still waiting on the receiving team's decision: the clock runs. */
	public boolean pending() {
		return this == SENT || this == ACKNOWLEDGED;
	}

	public boolean closed() {
		return this == DECLINED || this == WITHDRAWN || this == COMPLETED;
	}

	static Set<ReferralStatus> open() {
		return Set.of(SENT, ACKNOWLEDGED, ACCEPTED);
	}

}
