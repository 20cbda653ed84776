package care.seamless.linkage;

/**
 * Where a proposed pair stands. {@code NOT_SAME} is remembered so the pair is never
 * proposed again.
 */
public enum MatchStatus {

	PENDING, LINKED, NOT_SAME, NEEDS_INFO;

	boolean isOpen() {
		return this == PENDING || this == NEEDS_INFO;
	}

}
