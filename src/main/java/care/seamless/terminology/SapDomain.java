package care.seamless.terminology;

import java.util.Arrays;
import java.util.Optional;

/**
 * The nine domains of the Single Assessment Process (DH guidance HSC 2002/001,
 * LAC(2002)1), with a title for practitioners and one for the person.
 */
public enum SapDomain {

	USER_PERSPECTIVE("user-perspective", "User's perspective", "What matters to me"),
	CLINICAL_BACKGROUND("clinical-background", "Clinical background", "My health conditions and medicines"),
	DISEASE_PREVENTION("disease-prevention", "Disease prevention", "Staying healthy"),
	PERSONAL_CARE("personal-care", "Personal care and physical well-being", "Looking after myself"),
	SENSES("senses", "Senses", "Seeing, hearing and communicating"),
	MENTAL_HEALTH("mental-health", "Mental health", "How I feel and how I think"),
	RELATIONSHIPS("relationships", "Relationships", "People in my life and things I do"),
	SAFETY("safety", "Safety", "Feeling and being safe"), ENVIRONMENT_RESOURCES("environment-resources",
			"Immediate environment and resources", "My home, money and getting out");

	private final String code;

	private final String title;

	private final String plainTitle;

	SapDomain(String code, String title, String plainTitle) {
		this.code = code;
		this.title = title;
		this.plainTitle = plainTitle;
	}

	public String code() {
		return this.code;
	}

	public String title() {
		return this.title;
	}

	public String plainTitle() {
		return this.plainTitle;
	}

	public static Optional<SapDomain> fromCode(String code) {
		return Arrays.stream(values()).filter((domain) -> domain.code.equals(code)).findFirst();
	}

}
