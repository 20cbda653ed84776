package care.seamless.funding;

/**
 * Where a budget stands on approval. Only {@link #NOT_NEEDED} and {@link #APPROVED} let
 * it start.
 */
public enum ApprovalState {

	/** At or under the team's threshold. */
	NOT_NEEDED,
	/** Above the threshold and not yet sent for approval (or changed since). */
	NEEDED,
	/** Sent and waiting in the approvals queue. */
	AWAITING, APPROVED, RETURNED, DECLINED;

	public boolean mayStart() {
		return this == NOT_NEEDED || this == APPROVED;
	}

}
