package care.seamless.audit;

import java.time.Instant;

/**
 * {@link Instant#toString()}, remembered for the last instant asked for. The entries of a
 * bulk registration share one time (ADR 79), and formatting it again for each entry's
 * hash and COPY row was most of the Java side of writing a million of them.
 */
final class InstantText {

	private record Last(Instant at, String text) {
	}

	// Immutable, so a thread that reads another's stale value only formats again.
	private static volatile Last last = new Last(Instant.EPOCH, Instant.EPOCH.toString());

	private InstantText() {
	}

	static String of(Instant at) {
		Last seen = last;
		if (seen.at().equals(at)) {
			return seen.text();
		}
		String text = at.toString();
		last = new Last(at, text);
		return text;
	}

}
