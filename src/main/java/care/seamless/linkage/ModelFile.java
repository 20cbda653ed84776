package care.seamless.linkage;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Saves and loads a {@link Model} as a properties file, so a model trained in batch can
 * score single incoming records later. Keys: {@code prior}, {@code threshold.match},
 * {@code threshold.review}, {@code m.COMPARISON.LEVEL}, {@code u.COMPARISON.LEVEL} and
 * {@code tf.COMPARISON.VALUE}.
 */
public final class ModelFile {

	private ModelFile() {
	}

	public static void save(Model model, Path file) throws IOException {
		Properties properties = new Properties();
		properties.setProperty("prior", Double.toString(model.prior()));
		properties.setProperty("threshold.match", Double.toString(model.matchThreshold()));
		properties.setProperty("threshold.review", Double.toString(model.reviewThreshold()));
		for (Comparison comparison : Comparison.values()) {
			for (int level = 0; level < comparison.levels().size(); level++) {
				String suffix = comparison.name() + "." + comparison.levels().get(level);
				properties.setProperty("m." + suffix, Double.toString(model.m()[comparison.ordinal()][level]));
				properties.setProperty("u." + suffix, Double.toString(model.u()[comparison.ordinal()][level]));
			}
		}
		model.termFrequencies()
			.forEach((comparison, frequencies) -> frequencies.forEach((value, frequency) -> properties
				.setProperty("tf." + comparison.name() + "." + value, Double.toString(frequency))));
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			properties.store(writer, "Seamless identity-matching model (Fellegi-Sunter)");
		}
	}

	public static Model load(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return load(reader);
		}
	}

	/** Loads a model from a reader, e.g. a model shipped as a class-path resource. */
	public static Model load(Reader reader) throws IOException {
		Properties properties = new Properties();
		properties.load(reader);
		Comparison[] comparisons = Comparison.values();
		double[][] m = new double[comparisons.length][];
		double[][] u = new double[comparisons.length][];
		for (Comparison comparison : comparisons) {
			int levels = comparison.levels().size();
			m[comparison.ordinal()] = new double[levels];
			u[comparison.ordinal()] = new double[levels];
			for (int level = 0; level < levels; level++) {
				String suffix = comparison.name() + "." + comparison.levels().get(level);
				m[comparison.ordinal()][level] = number(properties, "m." + suffix);
				u[comparison.ordinal()][level] = number(properties, "u." + suffix);
			}
		}
		return new Model(m, u, number(properties, "prior"), termFrequencies(properties),
				number(properties, "threshold.match"), number(properties, "threshold.review"));
	}

	private static Map<Comparison, Map<String, Double>> termFrequencies(Properties properties) {
		Map<Comparison, Map<String, Double>> frequencies = new EnumMap<>(Comparison.class);
		for (String key : properties.stringPropertyNames()) {
			if (key.startsWith("tf.")) {
				int dot = key.indexOf('.', 3);
				Comparison comparison = Comparison.valueOf(key.substring(3, dot));
				frequencies.computeIfAbsent(comparison, c -> new HashMap<>())
					.put(key.substring(dot + 1), Double.parseDouble(properties.getProperty(key)));
			}
		}
		return frequencies;
	}

	private static double number(Properties properties, String key) {
		String value = properties.getProperty(key);
		if (value == null) {
			throw new IllegalArgumentException("Model file has no " + key);
		}
		return Double.parseDouble(value);
	}

}
