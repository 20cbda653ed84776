package care.seamless.assessment;

import care.seamless.consent.AccessPolicy;
import care.seamless.consent.SqlCondition;
import care.seamless.person.CaseloadFact;
import care.seamless.shared.Actor;

import org.springframework.stereotype.Component;

/**
 * The caseload's assessment column: whether the person's latest assessment is open or
 * completed. The episode is general information held by the organisation that opened it;
 * where the viewer may not see it, the column says so instead.
 */
@Component
class AssessmentCaseloadFact implements CaseloadFact {

	private static final String STATE = """
			select case when not (%s) then 'WITHHELD' when acf.status = 'completed' then 'COMPLETED' else 'OPEN' end
			from assessment.episode acf where acf.person_id = %s order by acf.opened_at desc, acf.id limit 1""";

	private final AccessPolicy accessPolicy;

	AssessmentCaseloadFact(AccessPolicy accessPolicy) {
		this.accessPolicy = accessPolicy;
	}

	@Override
	public Kind kind() {
		return Kind.ASSESSMENT_STATE;
	}

	@Override
	public SqlCondition sql(Actor actor, String personColumn) {
		SqlCondition visible = accessPolicy.visibleItems(actor, "acf.person_id", "'GENERAL'", "acf.opened_by_org");
		return new SqlCondition(STATE.formatted(visible.sql(), personColumn), visible.params());
	}

}
