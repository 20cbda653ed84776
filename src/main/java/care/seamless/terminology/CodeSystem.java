package care.seamless.terminology;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a concept's code comes from: the WHO International Classification of Functioning,
 * Disability and Health where it has a fitting category, otherwise a local Seamless or
 * partner code.
 */
public enum CodeSystem {

	ICF, LOCAL;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<CodeSystem> fromCode(String code) {
		return Arrays.stream(values()).filter((system) -> system.code().equals(code)).findFirst();
	}

}
