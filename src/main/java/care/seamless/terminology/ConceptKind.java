package care.seamless.terminology;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a concept describes, so a screen can offer only needs, or only services, from one
 * shared vocabulary.
 */
public enum ConceptKind {

	NEED, ABILITY, RISK, STRENGTH, CONDITION, SERVICE, OUTCOME;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ConceptKind> fromCode(String code) {
		return Arrays.stream(values()).filter((kind) -> kind.code().equals(code)).findFirst();
	}

}
