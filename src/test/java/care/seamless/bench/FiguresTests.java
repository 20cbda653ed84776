package care.seamless.bench;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The statistics of a run and the last line the scripts read. */
class FiguresTests {

	static final Pattern LAST_LINE = Pattern
		.compile("workload=([a-z-]+) ops_per_s=(\\d+\\.\\d) p50_ms=(\\d+\\.\\d\\d) p99_ms=(\\d+\\.\\d\\d)");

	@Test
	void percentilesAreNearestRankOverAllClientsTogether() {
		Latencies first = new Latencies();
		Latencies second = new Latencies();
		// 1 … 100 ms, spread over two clients out of order.
		for (int ms = 100; ms >= 1; ms--) {
			(ms % 2 == 0 ? first : second).add(ms * 1_000_000L);
		}
		long[] sorted = Latencies.sortedTogether(List.of(first, second));

		assertThat(sorted).hasSize(100);
		assertThat(Latencies.percentile(sorted, 50)).isEqualTo(50_000_000L);
		assertThat(Latencies.percentile(sorted, 99)).isEqualTo(99_000_000L);
		assertThat(Latencies.percentile(sorted, 99.9)).isEqualTo(100_000_000L);
		assertThat(Latencies.percentile(sorted, 100)).isEqualTo(100_000_000L);
		assertThat(Latencies.percentile(sorted, 0.5)).isEqualTo(1_000_000L);
	}

	@Test
	void aSingleRequestIsEveryPercentileAndNoRequestsIsZero() {
		assertThat(Latencies.percentile(new long[] { 7 }, 50)).isEqualTo(7);
		assertThat(Latencies.percentile(new long[] { 7 }, 99)).isEqualTo(7);
		assertThat(Latencies.percentile(new long[0], 99)).isZero();
		assertThatThrownBy(() -> Latencies.percentile(new long[] { 7 }, 0))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Latencies.percentile(new long[] { 7 }, 100.1))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void growsPastItsFirstArray() {
		Latencies latencies = new Latencies();
		for (int i = 0; i < 5000; i++) {
			latencies.add(5000 - i);
		}
		long[] sorted = Latencies.sortedTogether(List.of(latencies));

		assertThat(sorted).hasSize(5000).startsWith(1, 2, 3).endsWith(4999, 5000);
	}

	@Test
	void theLastLineHasExactlyTheContractedShape() {
		long[] sorted = { 1_000_000, 2_000_000, 3_500_000, 12_345_678 };
		Figures figures = Figures.of("fhir-read", sorted, Map.of(), 2);

		assertThat(figures.lastLine()).isEqualTo("workload=fhir-read ops_per_s=2.0 p50_ms=2.00 p99_ms=12.35");
		assertThat(LAST_LINE.matcher(figures.lastLine()).matches()).isTrue();
	}

	@Test
	void theLastLineIgnoresTheMachinesLocale() {
		java.util.Locale before = java.util.Locale.getDefault();
		java.util.Locale.setDefault(java.util.Locale.GERMANY);
		try {
			Figures figures = Figures.of("view", new long[] { 1_500_000 }, Map.of(), 4);
			assertThat(figures.lastLine()).isEqualTo("workload=view ops_per_s=0.3 p50_ms=1.50 p99_ms=1.50");
		}
		finally {
			java.util.Locale.setDefault(before);
		}
	}

	@Test
	void errorsAreCountedByStatusAndSaidBeforeTheLastLine() {
		// Five successes timed at 1–5 ms; three failures, which are neither timed nor
		// counted as throughput.
		long[] successes = { 1_000_000, 2_000_000, 3_000_000, 4_000_000, 5_000_000 };
		Figures figures = Figures.of("create", successes, Map.of(403, 2L, 0, 1L), 1);

		assertThat(figures.errorCount()).isEqualTo(3);
		assertThat(figures.requests()).isEqualTo(8);
		assertThat(figures.failed()).isTrue();
		assertThat(figures.report()).contains("requests: 5 succeeded in 1.0 s (5.0/s)")
			.contains("ERRORS: 3 of 8 requests failed, left out of ops/s and the times (no answer × 1, HTTP 403 × 2)");
		assertThat(figures.lastLine()).isEqualTo("workload=create ops_per_s=5.0 p50_ms=3.00 p99_ms=5.00");
		assertThat(Figures.of("view", new long[] { 1 }, Map.of(), 1).report()).contains("errors: none")
			.doesNotContain("ERRORS");
	}

	@Test
	void aRunOfRefusalsShowsNoThroughput() {
		Figures refused = Figures.of("fhir-create", new long[0], Map.of(403, 4_000L), 20);

		assertThat(refused.failed()).isTrue();
		assertThat(refused.report()).contains("ERRORS: 4000 of 4000 requests failed");
		assertThat(refused.lastLine()).isEqualTo("workload=fhir-create ops_per_s=0.0 p50_ms=0.00 p99_ms=0.00");
	}

	@Test
	void madeUpPeopleNeverRepeatAndFindsCaseloadLinksOnce() {
		assertThat(Requests.spelt(0)).isEqualTo("ba");
		assertThat(java.util.stream.LongStream.range(0, 10_000).mapToObj(Requests::spelt).distinct().count())
			.isEqualTo(10_000);
		String page = "<a href=\"/people/0b5f5c3e-1111-4222-8333-444455556666\">A</a>"
				+ "<a href=\"/people/new\">new</a><a href=\"/people/0b5f5c3e-1111-4222-8333-444455556666/plan\">A</a>"
				+ "<a href=\"/people/9b5f5c3e-1111-4222-8333-444455556666\">B</a>";
		assertThat(Targets.peopleLinkedFrom(page)).containsExactly("0b5f5c3e-1111-4222-8333-444455556666",
				"9b5f5c3e-1111-4222-8333-444455556666");
	}

}
