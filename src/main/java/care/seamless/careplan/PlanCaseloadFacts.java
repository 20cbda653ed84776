package care.seamless.careplan;

import care.seamless.consent.AccessPolicy;
import care.seamless.consent.SqlCondition;
import care.seamless.person.CaseloadFact;
import care.seamless.shared.Actor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The caseload's plan columns: when the plan is next reviewed and whether it is agreed.
 * The plan is general information held by the organisation that started it, and an
 * objective counts towards "agreed" only where the viewer may see it, so a column never
 * says more than the plan page would.
 */
@Configuration(proxyBeanMethods = false)
class PlanCaseloadFacts {

	private static final String NEXT_REVIEW = """
			select pcf.next_review_on from careplan.care_plan pcf where pcf.person_id = %s and %s""";

	private static final String PLAN_STATE = """
			select case when not (%2$s) then 'WITHHELD'
			  when exists (select 1 from careplan.objective pco where pco.plan_id = pcf.id and %3$s
			    and (select pca.view from careplan.agreement pca where pca.objective_id = pco.id
			         order by pca.seq desc limit 1) = 'AGREES') then 'AGREED'
			  else 'DRAFT' end
			from careplan.care_plan pcf where pcf.person_id = %1$s""";

	@Bean
	CaseloadFact nextReviewFact(AccessPolicy accessPolicy) {
		return new Fact(CaseloadFact.Kind.NEXT_REVIEW, accessPolicy);
	}

	@Bean
	CaseloadFact planStateFact(AccessPolicy accessPolicy) {
		return new Fact(CaseloadFact.Kind.PLAN_STATE, accessPolicy);
	}

	private record Fact(CaseloadFact.Kind kind, AccessPolicy accessPolicy) implements CaseloadFact {

		@Override
		public SqlCondition sql(Actor actor, String personColumn) {
			SqlCondition plan = accessPolicy.visibleItems(actor, "pcf.person_id", "'GENERAL'",
					"pcf.source_organisation_id");
			if (kind == CaseloadFact.Kind.NEXT_REVIEW) {
				return new SqlCondition(NEXT_REVIEW.formatted(personColumn, plan.sql()), plan.params());
			}
			SqlCondition objective = accessPolicy.visibleItems(actor, "pco.person_id", "pco.category",
					"pco.source_organisation_id");
			return new SqlCondition(PLAN_STATE.formatted(personColumn, plan.sql(), objective.sql()),
					plan.and(objective).params());
		}

	}

}
