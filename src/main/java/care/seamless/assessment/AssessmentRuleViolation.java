package care.seamless.assessment;

/**
 * A rule of the shared assessment was broken; the message says which, in words the
 * practitioner can act on.
 */
public class AssessmentRuleViolation extends RuntimeException {

	/** The rules an assessment keeps. */
	public enum Rule {

		/** A section is completed only by the professions its instrument names. */
		NOT_YOUR_PROFESSION,
		/** The person's own words are kept as they said them. */
		PERSONS_OWN_WORDS,
		/** A signed section, or a completed assessment, no longer changes. */
		SIGNED,
		/** Only the practitioner who completed a section signs it. */
		NOT_THE_AUTHOR,
		/** Stages follow contact, overview, specialist, comprehensive. */
		STAGE_ORDER,
		/** An assessment is completed only when every section started is signed. */
		UNSIGNED_SECTIONS,
		/**
		 * Disagreement is recorded against a professional finding, not the person's own
		 * account.
		 */
		NOT_A_FINDING,
		/** Only practitioners of a partner organisation contribute to assessments. */
		PRACTITIONERS_ONLY,
		/** Completing asks the practitioner to confirm. */
		NOT_CONFIRMED,
		/** Safety and mental health are at least screened, never "not relevant". */
		MUST_BE_SCREENED,
		/**
		 * A carer's assessment names one of the people the carer's record links them to.
		 */
		CARES_FOR

	}

	private final Rule rule;

	public AssessmentRuleViolation(Rule rule, String message) {
		super(message);
		this.rule = rule;
	}

	public Rule rule() {
		return this.rule;
	}

}
