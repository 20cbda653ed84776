package care.seamless.terminology;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ICF generic qualifier: how much difficulty or impairment there is. The percentage
 * bands are WHO's guidance for practitioners; the plain-English labels are what the
 * person sees when they rate themselves.
 */
public enum IcfQualifier {

	NONE(0, "No difficulty (0-4%)", "No problem"), MILD(1, "Mild difficulty (5-24%)", "A little difficult"),
	MODERATE(2, "Moderate difficulty (25-49%)", "Quite difficult"),
	SEVERE(3, "Severe difficulty (50-95%)", "Very difficult"),
	COMPLETE(4, "Complete difficulty (96-100%)", "I can't do this at all"),
	NOT_SPECIFIED(8, "Not specified", "Not sure"), NOT_APPLICABLE(9, "Not applicable", "Doesn't apply to me");

	private final int value;

	private final String label;

	private final String plainLabel;

	IcfQualifier(int value, String label, String plainLabel) {
		this.value = value;
		this.label = label;
		this.plainLabel = plainLabel;
	}

	public int value() {
		return this.value;
	}

	public String label() {
		return this.label;
	}

	public String plainLabel() {
		return this.plainLabel;
	}

	public String label(Audience audience) {
		return (audience == Audience.PERSON) ? this.plainLabel : this.label;
	}

	public static Optional<IcfQualifier> fromValue(int value) {
		return Arrays.stream(values()).filter((qualifier) -> qualifier.value == value).findFirst();
	}

}
