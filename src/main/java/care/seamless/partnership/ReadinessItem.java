package care.seamless.partnership;

/** What a new partnership should have in place before it starts. */
public enum ReadinessItem {

	HISTORY, SHARED_VISION, LEADERSHIP, GOVERNANCE, INFORMATION_SHARING;

	public enum State {

		NOT_STARTED, IN_PROGRESS, IN_PLACE

	}

}
