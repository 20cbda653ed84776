package care.seamless.linkage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

import care.seamless.linkage.Comparison;
import care.seamless.linkage.Matcher;
import care.seamless.linkage.Model;
import care.seamless.linkage.ModelFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped model ({@code linkage/default-model.properties}) must be what
 * {@link DefaultModelTrainer} makes of the comparisons as they are now: a model trained
 * on levels that have since changed meaning gives weight to evidence that no longer
 * exists (a family-name "swapped" level that stopped firing kept its 0.22 share of
 * matches).
 */
class DefaultModelTests {

	private static final String RETRAIN = "the comparisons have changed since the shipped model was trained: run"
			+ " DefaultModelTrainer and replace src/main/resources/linkage/default-model.properties";

	private static Properties properties;

	private static Model model;

	private static DefaultModelTrainer.LevelVectors sample;

	@BeforeAll
	static void loadShippedModel() throws IOException {
		properties = new Properties();
		try (Reader reader = new InputStreamReader(Objects.requireNonNull(
				DefaultModelTests.class.getClassLoader().getResourceAsStream("linkage/default-model.properties")),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		try (Reader reader = new InputStreamReader(Objects.requireNonNull(
				DefaultModelTests.class.getClassLoader().getResourceAsStream("linkage/default-model.properties")),
				StandardCharsets.UTF_8)) {
			model = ModelFile.load(reader);
		}
		sample = DefaultModelTrainer.levelVectors(new Matcher(model));
	}

	@Test
	void theShippedModelWasTrainedOnTheComparisonsAsTheyAre() {
		assertThat(properties.getProperty(DefaultModelTrainer.FINGERPRINT_KEY)).as(RETRAIN)
			.isEqualTo(DefaultModelTrainer.fingerprint(sample));
	}

	@Test
	void aLevelThatNoTruePairReachesCarriesNoShareOfMatches() {
		List<List<String>> truePairs = sample.truePairs();
		assertThat(truePairs).hasSizeGreaterThan(200);
		for (Comparison comparison : Comparison.values()) {
			Set<String> reached = new HashSet<>();
			truePairs.forEach(levels -> reached.add(levels.get(comparison.ordinal())));
			reached.remove("missing");
			if (reached.isEmpty()) {
				// The synthetic people never have this field: m stays at its start.
				continue;
			}
			for (int level = 0; level < comparison.levels().size(); level++) {
				if (!reached.contains(comparison.levels().get(level))) {
					assertThat(model.m()[comparison.ordinal()][level])
						.as("%s %s: %s", comparison, comparison.levels().get(level), RETRAIN)
						.isLessThan(0.01);
				}
			}
		}
	}

}
