package care.seamless.assessment;

import org.jspecify.annotations.Nullable;

/**
 * Something that stops an assessment being completed, naming the section to go to.
 *
 * @param instrumentId the instrument of the section, null when no one section is meant
 * @param sectionId the section to open, null when no one section is meant
 */
public record MissingForCompletion(@Nullable String instrumentId, @Nullable String sectionId, String title,
		Reason reason) {

	public enum Reason {

		/** Answers were saved but the author has not signed the section. */
		AWAITING_SIGNATURE,
		/** An overview domain is neither assessed nor marked not relevant. */
		NOT_ASSESSED,
		/** Safety and mental health are at least screened, never skipped. */
		NOT_SCREENED,
		/** Nothing at all was signed. */
		NOTHING_SIGNED;

		public String code() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

		String sentence(String title) {
			return switch (this) {
				case AWAITING_SIGNATURE -> title + ": sign the section";
				case NOT_ASSESSED -> title + ": assess it or mark it not relevant, with a reason";
				case NOT_SCREENED -> title + ": must at least be screened";
				case NOTHING_SIGNED -> "Complete and sign at least one section";
			};
		}

	}

	/** The gap in words, for a refusal. */
	public String sentence() {
		return this.reason.sentence(this.title);
	}

}
