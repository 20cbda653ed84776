package care.seamless.assessment;

import care.seamless.consent.AccessPolicy;
import care.seamless.consent.SqlCondition;
import care.seamless.person.RecordSummaryFact;
import care.seamless.shared.Actor;

import org.springframework.stereotype.Component;

/**
 * The record summary's assessment line: the latest episode's stage, state and opening
 * date, under the same rule as the caseload's assessment column.
 */
@Component
class AssessmentSummaryFact implements RecordSummaryFact {

	private static final String LATEST = """
			select case when not (%s) then 'WITHHELD'
			  else asf.id || '|' || asf.stage || '|' || asf.status || '|'
			       || to_char(asf.opened_at at time zone 'Europe/London', 'YYYY-MM-DD') end
			from assessment.episode asf where asf.person_id = %s order by asf.opened_at desc, asf.id limit 1""";

	private final AccessPolicy accessPolicy;

	AssessmentSummaryFact(AccessPolicy accessPolicy) {
		this.accessPolicy = accessPolicy;
	}

	@Override
	public Kind kind() {
		return Kind.LATEST_ASSESSMENT;
	}

	@Override
	public SqlCondition sql(Actor actor, String personColumn) {
		SqlCondition visible = accessPolicy.visibleItems(actor, "asf.person_id", "'GENERAL'", "asf.opened_by_org");
		return new SqlCondition(LATEST.formatted(visible.sql(), personColumn), visible.params());
	}

}
