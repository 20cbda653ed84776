package care.seamless.assessment;

import care.seamless.assessment.AssessmentRepository.SectionRow;
import care.seamless.assessment.AssessmentRuleViolation.Rule;
import care.seamless.assessment.instrument.Stage;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The order of SAP stages. An assessment goes one stage further only when needs call for
 * it, and stops wherever it has found enough: proportionate, never a form-filling
 * marathon.
 */
final class StageChange {

	private StageChange() {
	}

	static void check(Stage from, Stage to, @Nullable String specialist, List<SectionRow> sections) {
		boolean allowed = switch (from) {
			case CONTACT -> to == Stage.OVERVIEW;
			case OVERVIEW -> to == Stage.SPECIALIST;
			case SPECIALIST -> to == Stage.COMPREHENSIVE;
			case COMPREHENSIVE, CARER -> false;
		};
		if (!allowed) {
			throw new AssessmentRuleViolation(Rule.STAGE_ORDER,
					"An assessment at " + from.code() + " stage cannot move to " + to.code());
		}
		if (to == Stage.SPECIALIST && specialist == null) {
			throw new AssessmentRuleViolation(Rule.STAGE_ORDER, "Choose the specialist assessment that is needed");
		}
		if (to == Stage.COMPREHENSIVE && specialistInstruments(sections) < 2) {
			throw new AssessmentRuleViolation(Rule.STAGE_ORDER,
					"A comprehensive assessment brings together at least two specialist assessments: add another first");
		}
	}

	private static long specialistInstruments(List<SectionRow> sections) {
		return sections.stream()
			.map(SectionRow::instrumentId)
			.filter((id) -> !id.equals("sap-contact") && !id.equals("sap-overview"))
			.distinct()
			.count();
	}

}
