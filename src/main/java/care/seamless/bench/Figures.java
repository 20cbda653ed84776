package care.seamless.bench;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run measured. {@link #lastLine()} is the contract the scripts and the tables
 * in docs/benchmarks.md read: {@code workload=W ops_per_s=X p50_ms=Y p99_ms=Z}, nothing
 * after it.
 *
 * @param workload the workload's name
 * @param succeeded requests completed in the measured window with the workload's success;
 * only these are counted in ops/s and timed, so a run of refusals (a 403 answers fast)
 * cannot pass for throughput
 * @param errors requests completed in the window that failed, by status ({@code 0} for no
 * answer at all)
 * @param seconds the measured window
 * @param sortedNanos the times of the successful requests, sorted
 */
record Figures(String workload, long succeeded, Map<Integer, Long> errors, double seconds, long[] sortedNanos) {

	Figures {
		errors = new TreeMap<>(errors);
	}

	static Figures of(String workload, long[] sortedNanos, Map<Integer, Long> errors, double seconds) {
		return new Figures(workload, sortedNanos.length, errors, seconds, sortedNanos);
	}

	long requests() {
		return succeeded + errorCount();
	}

	long errorCount() {
		return errors.values().stream().mapToLong(Long::longValue).sum();
	}

	/** Errors, or nothing measured at all: either way the figures cannot be used. */
	boolean failed() {
		return succeeded == 0 || errorCount() > 0;
	}

	double opsPerSecond() {
		return seconds <= 0 ? 0 : succeeded / seconds;
	}

	double percentileMs(double percent) {
		return Latencies.percentile(sortedNanos, percent) / 1e6;
	}

	String lastLine() {
		return String.format(Locale.ROOT, "workload=%s ops_per_s=%.1f p50_ms=%.2f p99_ms=%.2f", workload,
				opsPerSecond(), percentileMs(50), percentileMs(99));
	}

	/** The figures a person reads, one a line, before the last line. */
	String report() {
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.ROOT, "requests: %d succeeded in %.1f s (%.1f/s)%n", succeeded, seconds,
				opsPerSecond()));
		if (sortedNanos.length > 0) {
			text.append(String.format(Locale.ROOT, "latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
					percentileMs(50), percentileMs(90), percentileMs(99), percentileMs(99.9),
					sortedNanos[sortedNanos.length - 1] / 1e6));
		}
		if (requests() == 0) {
			text.append("ERRORS: no request completed in the measured window\n");
		}
		else if (errorCount() == 0) {
			text.append("errors: none\n");
		}
		else {
			StringBuilder byStatus = new StringBuilder();
			errors.forEach((status, count) -> byStatus.append(byStatus.isEmpty() ? "" : ", ")
				.append(status == 0 ? "no answer" : "HTTP " + status)
				.append(" × ")
				.append(count));
			text.append(String.format(Locale.ROOT,
					"ERRORS: %d of %d requests failed, left out of ops/s and the times (%s)%n", errorCount(),
					requests(), byStatus));
		}
		return text.toString();
	}

}
