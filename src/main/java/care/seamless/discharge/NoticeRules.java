package care.seamless.discharge;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The minimum periods of a rule set with statutory notices, read from its data: how early
 * an assessment notice may come before the admission, how long before the proposed
 * discharge the discharge notice must be given, and the assessment period after which the
 * relevant day (from which a delay may be reimbursed) falls.
 */
record NoticeRules(RuleSet rules, LocalDate admitted, LocalDate today) {

	void check(NoticeKind kind, @Nullable LocalDate givenOn, @Nullable LocalDate proposedDischarge,
			List<AdmissionRepository.NoticeRow> given) {
		DischargeRule.Collector problems = new DischargeRule.Collector();
		if (givenOn == null) {
			problems.add("givenOn", "Enter the date the notice was given");
		}
		else if (givenOn.isAfter(today)) {
			problems.add("givenOn", "The date the notice was given cannot be in the future");
		}
		if (kind == NoticeKind.ASSESSMENT) {
			Integer before = rules.assessmentNoticeMaxDaysBeforeAdmission();
			if (givenOn != null && before != null && givenOn.isBefore(admitted.minusDays(before))) {
				problems.add("givenOn",
						"An assessment notice may be given no more than " + days(before) + " before the admission");
			}
		}
		else {
			AdmissionRepository.NoticeRow assessment = given.stream()
				.filter(n -> n.kind() == NoticeKind.ASSESSMENT)
				.findFirst()
				.orElse(null);
			if (assessment == null) {
				problems.add("kind", "Give the assessment notice before the discharge notice");
			}
			else if (givenOn != null && givenOn.isBefore(assessment.givenOn())) {
				problems.add("givenOn", "The discharge notice cannot be given before the assessment notice");
			}
			Integer minimum = rules.dischargeNoticeMinDaysBeforeDischarge();
			if (proposedDischarge == null) {
				problems.add("proposedDischarge", "Enter the proposed discharge date");
			}
			else if (givenOn != null && minimum != null && proposedDischarge.isBefore(givenOn.plusDays(minimum))) {
				problems.add("proposedDischarge", "The proposed discharge date must be at least " + days(minimum)
						+ " after the discharge notice is given");
			}
		}
		problems.refuseIfAny();
	}

	/**
	 * The earliest day from which a delay may count against social care: the later of the
	 * end of the assessment period after the assessment notice and the proposed discharge
	 * date; null until both notices are given or where the rules have none.
	 */
	static @Nullable LocalDate relevantDay(RuleSet rules, List<AdmissionView.NoticeView> notices) {
		if (!rules.statutoryNotices() || rules.assessmentPeriodDays() == null) {
			return null;
		}
		AdmissionView.NoticeView assessment = notices.stream()
			.filter(n -> n.kind() == NoticeKind.ASSESSMENT)
			.findFirst()
			.orElse(null);
		AdmissionView.NoticeView discharge = notices.stream()
			.filter(n -> n.kind() == NoticeKind.DISCHARGE)
			.findFirst()
			.orElse(null);
		if (assessment == null || discharge == null || discharge.proposedDischarge() == null) {
			return null;
		}
		LocalDate afterAssessment = assessment.givenOn().plusDays(rules.assessmentPeriodDays());
		return afterAssessment.isAfter(discharge.proposedDischarge()) ? afterAssessment : discharge.proposedDischarge();
	}

	private static String days(int n) {
		return n == 1 ? "1 day" : n + " days";
	}

}
