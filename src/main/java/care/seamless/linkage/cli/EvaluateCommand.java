package care.seamless.linkage.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.concurrent.Callable;

import care.seamless.linkage.Clusters;
import care.seamless.linkage.Evaluation;
import care.seamless.linkage.Truth;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code seamless link evaluate}: links the input, then measures precision, recall and F1
 * against ground truth, first of the match decisions alone, then of the people they make
 * when taken transitively (what the product does). The last line, for the latter, is
 * machine-readable: {@code precision=P recall=R f1=F pairs=N seconds=S}.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
		description = "Link the input and report precision, recall and F1 against ground truth.")
class EvaluateCommand implements Callable<Integer> {

	@Spec
	@Nullable CommandSpec spec;

	@Mixin
	InputOptions inputs = new InputOptions();

	@ArgGroup(exclusive = true, multiplicity = "1")
	@Nullable TruthOptions truth;

	@Option(names = "--output", description = "Also write pairs at or above the review threshold to this CSV file.")
	@Nullable Path output;

	static class TruthOptions {

		@Option(names = "--febrl", description = "Truth from FEBRL rec_id: rec-N-org and rec-N-dup-K share N.")
		boolean febrl;

		@Option(names = "--truth-column", description = "Records sharing this column's value are the same person.")
		@Nullable String column;

	}

	@Override
	public Integer call() throws Exception {
		long started = System.nanoTime();
		var out = spec.commandLine().getOut();
		InputOptions.Loaded loaded = inputs.load(truth.febrl ? Truth.febrl() : Truth.column(truth.column));
		LinkRun.Result result = LinkRun.run(loaded.first().records(),
				loaded.second() == null ? null : loaded.second().records(), null, null, out);
		if (output != null) {
			PairWriter.write(output, result);
		}
		Evaluation evaluation = Evaluation.of(result.linkage(), result.links(), loaded.truth());
		List<String> keys = loaded.truth();
		long blockedTrue = result.linkage()
			.countCandidates((a, b) -> !keys.get(a).isEmpty() && keys.get(a).equals(keys.get(b)));

		BiPredicate<Integer, Integer> isTrue = (a, b) -> !keys.get(a).isEmpty() && keys.get(a).equals(keys.get(b));
		StringBuilder byRule = new StringBuilder();
		result.linkage()
			.countCandidatesByKey(isTrue)
			.forEach((rule, count) -> byRule.append(String.format(Locale.ROOT, " %s=%.4f", rule,
					evaluation.truePairs() == 0 ? 0 : (double) count / evaluation.truePairs())));
		out.println("blocking recall by rule:" + byRule);
		out.printf(Locale.ROOT, "true-pairs-in-candidates=%d (blocking recall %.4f, union of the rules)%n", blockedTrue,
				evaluation.truePairs() == 0 ? 0 : (double) blockedTrue / evaluation.truePairs());
		out.printf(Locale.ROOT, "block-size-cap dropped-pairs=%d of which true=%d%n", result.linkage().droppedPairs(),
				result.linkage().countDropped(isTrue));
		out.printf(Locale.ROOT, "true-pairs=%d true-positives=%d false-positives=%d false-negatives=%d%n",
				evaluation.truePairs(), evaluation.truePositives(),
				evaluation.decidedMatches() - evaluation.truePositives(),
				evaluation.truePairs() - evaluation.truePositives());
		out.printf(Locale.ROOT, "pairwise precision=%.4f recall=%.4f f1=%.4f pairs=%d%n", evaluation.precision(),
				evaluation.recall(), evaluation.f1(), evaluation.decidedMatches());
		Clusters clusters = Clusters.of(result.linkage(), result.matcher(), result.links());
		out.printf(Locale.ROOT, "clusters: joins refused as evidently different people=%d%n", clusters.refused());
		Evaluation clustered = clusters.evaluate(result.linkage(), keys);
		double seconds = (System.nanoTime() - started) / 1e9;
		out.printf(Locale.ROOT, "precision=%.4f recall=%.4f f1=%.4f pairs=%d seconds=%.2f%n", clustered.precision(),
				clustered.recall(), clustered.f1(), clustered.decidedMatches(), seconds);
		out.flush();
		return 0;
	}

}
