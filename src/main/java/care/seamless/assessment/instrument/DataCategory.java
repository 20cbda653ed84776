package care.seamless.assessment.instrument;

import java.util.Arrays;
import java.util.Optional;

/**
 * The information-governance category of a section's answers. Access decisions are made
 * per category, so sensitive answers (mental health, safeguarding, sexual health) can be
 * withheld while the rest of an assessment is shared.
 */
public enum DataCategory {

	GENERAL("general"), MENTAL_HEALTH("mental-health"), SAFEGUARDING("safeguarding"), FINANCES("finances"),
	THIRD_PARTY("third-party"), SUBSTANCE_MISUSE("substance-misuse"), SEXUAL_HEALTH("sexual-health");

	private final String code;

	DataCategory(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	public static Optional<DataCategory> fromCode(String code) {
		return Arrays.stream(values()).filter((category) -> category.code.equals(code)).findFirst();
	}

}
