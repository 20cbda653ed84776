package care.seamless.eligibility;

/**
 * An outcome the assessment's findings pre-ticked on a decision, the findings in words,
 * and whether the practitioner kept it ticked.
 */
public record PreTicked(String outcome, String finding, boolean kept) {

	public String wording() {
		return care.seamless.terminology.CareActOutcome.fromCode(this.outcome)
			.map(care.seamless.terminology.CareActOutcome::regulationWording)
			.orElse(this.outcome);
	}

	public java.util.List<String> findings() {
		return java.util.List.of(this.finding.split("\n"));
	}

}
