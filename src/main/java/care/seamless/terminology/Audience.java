package care.seamless.terminology;

import care.seamless.shared.Profession;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Whose words a concept is shown in. Health and social care name the same need
 * differently, and the person should never have to read either professional vocabulary
 * about themselves.
 */
public enum Audience {

	HEALTH, SOCIAL_CARE, PERSON;

	/**
	 * The words a profession reads: health terms for health professions, social care
	 * terms for everyone else.
	 */
	public static Audience of(Profession profession) {
		return profession.isHealth() ? HEALTH : SOCIAL_CARE;
	}

	/**
	 * The audience for whoever is viewing: a profession code, or {@code person},
	 * {@code carer} or {@code advocate} for people reading about themselves or someone
	 * they support.
	 * @throws IllegalArgumentException for an unknown code, so a missing profession is
	 * found rather than shown the wrong words
	 */
	/**
	 * The words a signed-in reader sees: their profession's, or social care terms for an
	 * account that has no profession (administrators, guardians).
	 */
	public static Audience forReader(@Nullable Profession profession) {
		return (profession != null) ? of(profession) : SOCIAL_CARE;
	}

	public static Audience forViewer(String viewerCode) {
		String code = viewerCode.trim().toLowerCase(Locale.ROOT);
		if (code.equals("person") || code.equals("carer") || code.equals("advocate")) {
			return PERSON;
		}
		return Profession.fromCode(code)
			.map(Audience::of)
			.orElseThrow(() -> new IllegalArgumentException("Unknown profession or viewer '" + viewerCode + "'"));
	}

}
