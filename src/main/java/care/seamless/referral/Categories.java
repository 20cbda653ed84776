package care.seamless.referral;

import care.seamless.shared.DataCategory;

final class Categories {

	private Categories() {
	}

	/** The category as a sentence starts it, for refusals shown on the form. */
	static String label(DataCategory category) {
		String words = category.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " information";
	}

}
