package care.seamless.linkage.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import care.seamless.linkage.Comparison;
import care.seamless.linkage.Contribution;
import care.seamless.linkage.ScoredPair;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes scored pairs as CSV: ids, weight, probability, decision, the rule that fired,
 * and each field's weight.
 */
final class PairWriter {

	private PairWriter() {
	}

	static void write(Path file, LinkRun.Result result) throws IOException {
		List<String> header = new ArrayList<>(
				List.of("left_id", "right_id", "weight", "probability", "decision", "rule"));
		for (Comparison comparison : Comparison.values()) {
			header.add("level_" + comparison.name().toLowerCase(Locale.ROOT));
			header.add("weight_" + comparison.name().toLowerCase(Locale.ROOT));
		}
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				CSVPrinter printer = CSVFormat.DEFAULT.builder()
					.setHeader(header.toArray(String[]::new))
					.get()
					.print(writer)) {
			List<ScoredPair> pairs = result.links()
				.stream()
				.map(link -> result.linkage().explain(result.matcher(), link))
				.sorted(Comparator.comparingDouble(ScoredPair::weight).reversed())
				.toList();
			for (ScoredPair pair : pairs) {
				List<Object> row = new ArrayList<>(List.of(pair.leftId(), pair.rightId(), format(pair.weight()),
						format(pair.probability()), pair.decision(), pair.rule() == null ? "" : pair.rule()));
				for (Contribution contribution : pair.contributions()) {
					row.add(contribution.level());
					row.add(format(contribution.weight()));
				}
				printer.printRecord(row);
			}
		}
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.4f", value);
	}

}
