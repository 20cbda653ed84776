package care.seamless.eligibility;

import care.seamless.consent.AccessPolicy;
import care.seamless.consent.SqlCondition;
import care.seamless.person.RecordSummaryFact;
import care.seamless.shared.Actor;

import org.springframework.stereotype.Component;

/**
 * The record summary's eligibility line: the latest current determination's kind, outcome
 * and date, governed by its own category and recording organisation.
 */
@Component
class EligibilitySummaryFact implements RecordSummaryFact {

	private static final String LATEST = """
			select case when not (%s) then 'WITHHELD'
			  else esf.kind || '|' || case when esf.eligible then 'ELIGIBLE' else 'NOT_ELIGIBLE' end || '|'
			       || to_char(esf.recorded_at at time zone 'Europe/London', 'YYYY-MM-DD') end
			from eligibility.determination esf where esf.person_id = %s and esf.superseded_by is null
			order by esf.recorded_at desc, esf.id limit 1""";

	private final AccessPolicy accessPolicy;

	EligibilitySummaryFact(AccessPolicy accessPolicy) {
		this.accessPolicy = accessPolicy;
	}

	@Override
	public Kind kind() {
		return Kind.LATEST_ELIGIBILITY;
	}

	@Override
	public SqlCondition sql(Actor actor, String personColumn) {
		SqlCondition visible = accessPolicy.visibleItems(actor, "esf.person_id", "esf.category", "esf.organisation_id");
		return new SqlCondition(LATEST.formatted(visible.sql(), personColumn), visible.params());
	}

}
