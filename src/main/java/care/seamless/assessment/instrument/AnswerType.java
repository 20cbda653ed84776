package care.seamless.assessment.instrument;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kind of answer a question takes. Coded answers hold concept codes from the common
 * language, and {@link #SCALE_ICF} holds an ICF qualifier (0 to 4, 8 or 9).
 */
public enum AnswerType {

	TEXT("text"), BOOLEAN("boolean"), INTEGER("integer"), DATE("date"), CODED("coded"),
	CODED_MULTIPLE("coded-multiple"), SCALE_ICF("scale-icf");

	private final String code;

	AnswerType(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	public boolean isCoded() {
		return this == CODED || this == CODED_MULTIPLE;
	}

	public static Optional<AnswerType> fromCode(String code) {
		return Arrays.stream(values()).filter((type) -> type.code.equals(code)).findFirst();
	}

}
