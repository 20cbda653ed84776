package care.seamless.assessment.instrument;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The SAP assessment stages, proportionate to need, plus the Care Act carer's assessment.
 */
public enum Stage {

	CONTACT, OVERVIEW, SPECIALIST, COMPREHENSIVE, CARER;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Stage> fromCode(String code) {
		return Arrays.stream(values()).filter((stage) -> stage.code().equals(code)).findFirst();
	}

}
