package care.seamless.linkage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;

import care.seamless.linkage.Link;
import care.seamless.linkage.Linkage;
import care.seamless.linkage.Matcher;
import care.seamless.linkage.Model;
import care.seamless.linkage.ModelFile;
import care.seamless.linkage.Record;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Trains (or loads) a model and scores the candidate pairs, reporting progress on
 * standard error.
 */
final class LinkRun {

	record Result(Linkage linkage, Matcher matcher, List<Link> links) {

	}

	private LinkRun() {
	}

	static Result run(List<Record> left, @Nullable List<Record> right, @Nullable Path modelIn, @Nullable Path modelOut,
			PrintWriter out) throws IOException {
		long started = System.nanoTime();
		Linkage linkage = right == null ? Linkage.dedupe(left) : Linkage.join(left, right);
		out.printf(Locale.ROOT, "records=%d candidate-pairs<=%d all-pairs=%.0f prepare-seconds=%.2f%n", linkage.size(),
				linkage.blockedPairs(), linkage.totalPairs(), seconds(started));
		out.println("blocked-pairs-by-key " + linkage.blockedPairsByKey());
		if (linkage.droppedPairs() > 0) {
			out.printf(Locale.ROOT,
					"block-size-cap: %d pairs in blocks still too large after splitting by birth year and initials"
							+ " were not compared%n",
					linkage.droppedPairs());
		}
		started = System.nanoTime();
		Model model;
		if (modelIn != null) {
			model = ModelFile.load(modelIn);
		}
		else {
			try (ProgressBar bar = bar("Training", linkage.trainingPairs())) {
				model = linkage.train(step(bar));
			}
		}
		if (modelOut != null) {
			ModelFile.save(model, modelOut);
		}
		out.printf(Locale.ROOT, "train-seconds=%.2f%n", seconds(started));
		started = System.nanoTime();
		Matcher matcher = new Matcher(model);
		List<Link> links;
		try (ProgressBar bar = bar("Scoring", linkage.blockedPairs())) {
			links = linkage.link(matcher, step(bar));
		}
		out.printf(Locale.ROOT, "score-seconds=%.2f%n", seconds(started));
		out.printf(Locale.ROOT, "prior=%.3g match-threshold=%.2f review-threshold=%.2f%n", model.prior(),
				model.matchThreshold(), model.reviewThreshold());
		return new Result(linkage, matcher, links);
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

	private static ProgressBar bar(String task, long max) {
		return new ProgressBarBuilder().setTaskName(task)
			.setInitialMax(max)
			.setUnit(" pairs", 1)
			.setConsumer(new ConsoleProgressBarConsumer(System.err))
			.build();
	}

	private static LongConsumer step(ProgressBar bar) {
		return bar::stepBy;
	}

}
