package care.seamless.careplan;

public enum ActionStatus {

	OPEN, IN_PROGRESS, DONE, CANCELLED;

	/** Open actions are the ones that need an owner who is still in the care team. */
	public boolean isOpen() {
		return this == OPEN || this == IN_PROGRESS;
	}

}
