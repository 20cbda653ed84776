package care.seamless.assessment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Whose account an answer is. The person's and a carer's accounts are kept apart from
 * what a practitioner observed, so differing views can be shown side by side.
 */
public enum AnswerSource {

	PERSON, CARER, ADVOCATE, OBSERVATION, IMPORTED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The person's own account, or someone speaking for them. */
	public boolean isPersonsView() {
		return this == PERSON || this == CARER || this == ADVOCATE;
	}

	public static Optional<AnswerSource> fromCode(String code) {
		return Arrays.stream(values()).filter((source) -> source.code().equals(code)).findFirst();
	}

}
