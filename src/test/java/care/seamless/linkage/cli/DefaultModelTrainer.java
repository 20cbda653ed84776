package care.seamless.linkage.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import care.seamless.linkage.Contribution;
import care.seamless.linkage.Linkage;
import care.seamless.linkage.Matcher;
import care.seamless.linkage.Model;
import care.seamless.linkage.ModelFile;
import care.seamless.linkage.Record;

/**
 * Trains the model shipped as {@code linkage/default-model.properties}, run by hand:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) care.seamless.linkage.cli.DefaultModelTrainer out.properties}.
 * It learns m and u by EM on 200,000 synthetic UK-style people (seed 1). The
 * term-frequency tables are left out: synthetic name frequencies say nothing about a real
 * population, so exact agreement uses the level's average u.
 *
 * <p>
 * Training takes about a minute, too long for a test, so the file also carries
 * {@value #FINGERPRINT_KEY}: a digest of the comparison levels of a small sample of the
 * same synthetic people. {@code DefaultModelTests} recomputes it, so a change to what a
 * level means (or to the generator) fails the build until the model is trained again.
 */
public final class DefaultModelTrainer {

	static final String FINGERPRINT_KEY = "levels.fingerprint";

	static final int FINGERPRINT_PEOPLE = 2_000;

	private DefaultModelTrainer() {
	}

	public static void main(String[] args) throws Exception {
		SyntheticPeople.People people = new SyntheticPeople(1).generate(200_000);
		Model trained = Linkage.dedupe(people.records()).train(done -> {
		});
		Model shipped = new Model(trained.m(), trained.u(), trained.prior(), Map.of(), trained.matchThreshold(),
				trained.reviewThreshold());
		Path file = Path.of(args[0]);
		ModelFile.save(shipped, file);
		Files.writeString(file, FINGERPRINT_KEY + "=" + fingerprint(levelVectors(new Matcher(shipped))) + "\n",
				StandardCharsets.UTF_8, StandardOpenOption.APPEND);
	}

	/**
	 * The comparison vectors of every true pair among the first
	 * {@value #FINGERPRINT_PEOPLE} synthetic people, and of each record with the next, as
	 * a histogram digested with SHA-256. The levels do not depend on the model, only on
	 * the comparisons and the generator.
	 */
	static String fingerprint(LevelVectors vectors) {
		Map<String, Integer> histogram = new TreeMap<>();
		for (List<String> levels : vectors.truePairs()) {
			histogram.merge(String.join(",", levels), 1, Integer::sum);
		}
		for (List<String> levels : vectors.neighbours()) {
			histogram.merge("other:" + String.join(",", levels), 1, Integer::sum);
		}
		String text = histogram.entrySet()
			.stream()
			.map(entry -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining("\n"));
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Each comparison's level name for the true pairs (records of one person) and for
	 * each record with the next when that is another person, in the fingerprint's sample.
	 */
	record LevelVectors(List<List<String>> truePairs, List<List<String>> neighbours) {

	}

	static LevelVectors levelVectors(Matcher matcher) {
		SyntheticPeople.People people = new SyntheticPeople(1).generate(FINGERPRINT_PEOPLE);
		List<Record> records = people.records();
		List<String> truth = people.truth();
		LevelVectors vectors = new LevelVectors(new ArrayList<>(), new ArrayList<>());
		for (int a = 0; a < records.size(); a++) {
			// The generator writes one person's records next to each other.
			for (int b = a + 1; b < records.size(); b++) {
				List<String> levels = matcher.score(records.get(a), records.get(b))
					.contributions()
					.stream()
					.map(Contribution::level)
					.toList();
				if (!truth.get(a).equals(truth.get(b))) {
					if (b == a + 1) {
						vectors.neighbours().add(levels);
					}
					break;
				}
				vectors.truePairs().add(levels);
			}
		}
		return vectors;
	}

}
