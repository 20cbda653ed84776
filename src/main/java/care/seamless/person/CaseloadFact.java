package care.seamless.person;

import care.seamless.consent.SqlCondition;
import care.seamless.shared.Actor;

/**
 * What another module adds to each row of a caseload, as an SQL scalar over the person id
 * column, so the caseload can sort and filter by it in the same query. The module that
 * owns the data writes the SQL (its tables stay its own) and puts its access rule into
 * it: a value the viewer may not see is {@code 'WITHHELD'}, never the value.
 */
public interface CaseloadFact {

	/** Which column of the caseload this fills. */
	Kind kind();

	/**
	 * The SQL scalar for the person in {@code personColumn}, as {@code actor} may see it.
	 */
	SqlCondition sql(Actor actor, String personColumn);

	enum Kind {

		/** A date: the next review of the person's care plan, null when none is set. */
		NEXT_REVIEW,

		/** Text: one of {@link CaseloadQuery.PlanState}'s names. */
		PLAN_STATE,

		/** Text: one of {@link CaseloadQuery.AssessmentState}'s names. */
		ASSESSMENT_STATE

	}

}
