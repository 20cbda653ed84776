package care.seamless.linkage.cli;

import java.nio.file.Path;
import java.util.Map;

import care.seamless.linkage.Linkage;
import care.seamless.linkage.Model;
import care.seamless.linkage.ModelFile;

/**
 * Trains the model shipped as {@code linkage/default-model.properties}, run by hand:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) care.seamless.linkage.cli.DefaultModelTrainer out.properties}.
 * It learns m and u by EM on 200,000 synthetic UK-style people (seed 1). The
 * term-frequency tables are left out: synthetic name frequencies say nothing about a real
 * population, so exact agreement uses the level's average u.
 */
public final class DefaultModelTrainer {

	private DefaultModelTrainer() {
	}

	public static void main(String[] args) throws Exception {
		SyntheticPeople.People people = new SyntheticPeople(1).generate(200_000);
		Model trained = Linkage.dedupe(people.records()).train(done -> {
		});
		Model shipped = new Model(trained.m(), trained.u(), trained.prior(), Map.of(), trained.matchThreshold(),
				trained.reviewThreshold());
		ModelFile.save(shipped, Path.of(args[0]));
	}

}
