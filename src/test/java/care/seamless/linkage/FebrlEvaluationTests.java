package care.seamless.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Links the FEBRL benchmark files end to end, training on each file itself, and holds the
 * engine to its quality bars. The files live in {@code shared/data} beside the project.
 */
class FebrlEvaluationTests {

	private static final Path FEBRL = Path.of("..", "shared", "data", "febrl");

	private final RecordReader reader = new RecordReader(Map.of(), Truth.febrl());

	@Test
	void deduplicatesDataset1() throws IOException {
		LoadedRecords records = reader.read(FEBRL.resolve("dataset1.csv"));
		Linkage linkage = Linkage.dedupe(records.records());

		Evaluation evaluation = evaluate(linkage, records.truth());

		assertThat(evaluation.truePairs()).isEqualTo(500);
		assertThat(evaluation.precision()).isGreaterThanOrEqualTo(0.995);
		assertThat(evaluation.recall()).isGreaterThanOrEqualTo(0.98);
		assertThat(evaluation.f1()).isGreaterThanOrEqualTo(0.99);
	}

	@Test
	void joinsDataset4aToDataset4b() throws IOException {
		LoadedRecords left = reader.read(FEBRL.resolve("dataset4a.csv"));
		LoadedRecords right = reader.read(FEBRL.resolve("dataset4b.csv"));
		Linkage linkage = Linkage.join(left.records(), right.records());
		List<String> truth = new ArrayList<>(left.truth());
		truth.addAll(right.truth());

		Evaluation evaluation = evaluate(linkage, truth);

		assertThat(evaluation.truePairs()).isEqualTo(5000);
		assertThat(evaluation.precision()).isGreaterThanOrEqualTo(0.995);
		assertThat(evaluation.f1()).isGreaterThanOrEqualTo(0.99);
	}

	private static Evaluation evaluate(Linkage linkage, List<String> truth) {
		Matcher matcher = new Matcher(linkage.train(pairs -> {
		}));
		return Evaluation.of(linkage, linkage.link(matcher, pairs -> {
		}), truth);
	}

}
