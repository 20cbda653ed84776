package care.seamless.assessment;

import care.seamless.terminology.CareActOutcome;

import java.time.Instant;

/**
 * A finding of an assessment that bears on a Care Act outcome: where it was recorded, the
 * question and answer in the practitioner's words, and who recorded it. A starting point
 * for an eligibility decision, never the decision.
 */
public record OutcomeFinding(CareActOutcome outcome, String section, String question, String answer,
		String recordedByName, String organisationName, Instant recordedAt) {

	/** The finding in one line, as the decision keeps it. */
	public String describe(java.util.function.Function<Instant, String> day) {
		return this.section + " – " + this.question + ": " + this.answer + " (" + this.recordedByName + ", "
				+ this.organisationName + ", " + day.apply(this.recordedAt) + ")";
	}

}
