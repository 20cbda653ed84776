package care.seamless.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Wall time by step of a long job (an import), so that its command can say where the time
 * went without a profiler (ADR 72). Not thread-safe: one job, one thread.
 */
public final class Phases {

	private final Map<String, Long> nanos = new LinkedHashMap<>();

	private long mark = System.nanoTime();

	/** Ends the step under way, named {@code name}, and starts the next. */
	public void end(String name) {
		long now = System.nanoTime();
		nanos.merge(name, now - mark, Long::sum);
		mark = now;
	}

	/** Seconds by step, in the order the steps first ended. */
	public Map<String, Double> seconds() {
		Map<String, Double> seconds = new LinkedHashMap<>();
		nanos.forEach((name, n) -> seconds.put(name, n / 1e9));
		return seconds;
	}

	@Override
	public String toString() {
		StringJoiner text = new StringJoiner(", ");
		seconds().forEach((name, s) -> text.add(String.format(java.util.Locale.ROOT, "%s %.1f s", name, s)));
		return text.toString();
	}

}
