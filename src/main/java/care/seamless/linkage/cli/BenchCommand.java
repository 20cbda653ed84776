package care.seamless.linkage.cli;

import java.util.Locale;
import java.util.concurrent.Callable;

import care.seamless.linkage.Clusters;
import care.seamless.linkage.Evaluation;
import care.seamless.linkage.Record;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.jspecify.annotations.Nullable;

/**
 * {@code seamless link bench}: deduplicates generated records to measure scale, then
 * times scoring one record against one candidate, the cost that online matching pays per
 * candidate.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
		description = "Deduplicate synthetic records and report timings and quality.")
class BenchCommand implements Callable<Integer> {

	@Spec
	@Nullable CommandSpec spec;

	@Option(names = "--records", defaultValue = "100000",
			description = "How many records to generate (default ${DEFAULT-VALUE}).")
	int records;

	@Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
	long seed;

	@Override
	public Integer call() throws Exception {
		var out = spec.commandLine().getOut();
		long started = System.nanoTime();
		SyntheticPeople.People people = new SyntheticPeople(seed).generate(records);
		out.printf(Locale.ROOT, "generated=%d seconds=%.2f%n", people.records().size(), since(started));
		long linking = System.nanoTime();
		LinkRun.Result result = LinkRun.run(people.records(), null, null, null, out);
		Evaluation pairwise = Evaluation.of(result.linkage(), result.links(), people.truth());
		out.printf(Locale.ROOT, "pairwise precision=%.4f recall=%.4f f1=%.4f pairs=%d%n", pairwise.precision(),
				pairwise.recall(), pairwise.f1(), pairwise.decidedMatches());
		Evaluation evaluation = Clusters.of(result.linkage(), result.matcher(), result.links())
			.evaluate(result.linkage(), people.truth());
		double linkSeconds = since(linking);
		out.printf(Locale.ROOT, "precision=%.4f recall=%.4f f1=%.4f pairs=%d seconds=%.2f%n", evaluation.precision(),
				evaluation.recall(), evaluation.f1(), evaluation.decidedMatches(), linkSeconds);
		out.printf(Locale.ROOT, "single-pair-score-microseconds=%.2f%n", singlePairMicros(people, result));
		out.printf(Locale.ROOT, "heap-used-mb=%d%n",
				(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024));
		out.flush();
		return 0;
	}

	// Scores one raw record against another through the public API, including
	// normalisation of both records.
	private static double singlePairMicros(SyntheticPeople.People people, LinkRun.Result result) {
		int n = people.records().size();
		int rounds = 200_000;
		double sink = 0;
		long started = System.nanoTime();
		for (int i = 0; i < rounds; i++) {
			Record a = people.records().get((int) ((i * 7919L) % n));
			Record b = people.records().get((int) ((i * 104729L + 1) % n));
			sink += result.matcher().score(a, b).weight();
		}
		double micros = (System.nanoTime() - started) / 1e3 / rounds;
		return sink == Double.MAX_VALUE ? -1 : micros;
	}

	private static double since(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

}
