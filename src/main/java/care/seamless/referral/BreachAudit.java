package care.seamless.referral;

import java.time.Instant;

/**
 * How a breach of a response target appears in the audit log, the same whether the
 * referral clock records it live or a population's history holds it.
 */
public final class BreachAudit {

	/** The account the referral clock records its breaches as. */
	public static final String CLOCK_ACCOUNT = "referral-clock";

	private BreachAudit() {
	}

	/** The reason a breach's audit entry gives. */
	public static String reason(String kind, Instant due) {
		return kind + " target passed at " + due;
	}

}
