package care.seamless.funding;

/**
 * What an approver decides: approve, return with comments for changes, or decline.
 */
public enum ApprovalDecision {

	APPROVED, RETURNED, DECLINED

}
