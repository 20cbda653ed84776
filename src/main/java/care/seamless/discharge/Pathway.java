package care.seamless.discharge;

import java.util.Arrays;
import java.util.Optional;

/** The discharge-to-assess pathway, numbered as the national guidance numbers them. */
public enum Pathway {

	HOME_NO_NEW_SUPPORT(0), HOME_WITH_SUPPORT(1), REHABILITATION_BED(2), CARE_HOME(3);

	private final int number;

	Pathway(int number) {
		this.number = number;
	}

	public int number() {
		return number;
	}

	static Optional<Pathway> ofNumber(int number) {
		return Arrays.stream(values()).filter(p -> p.number == number).findFirst();
	}

}
