package care.seamless.training;

/** What the attendance form records for one member of staff at a session. */
public enum Mark {

	/** Not at the session (removes any earlier record). */
	ABSENT,

	/** Came but did not complete the course (no certificate, not counted as trained). */
	ATTENDED,

	/** Completed: counts as trained until the course's validity runs out. */
	COMPLETED

}
