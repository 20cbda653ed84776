package care.seamless.assessment;

import java.util.Arrays;
import java.util.Locale;

public enum SectionStatus {

	NOT_STARTED, IN_PROGRESS, SIGNED, NOT_RELEVANT;

	public String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static SectionStatus fromCode(String code) {
		return Arrays.stream(values())
			.filter((status) -> status.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown section status " + code));
	}

}
