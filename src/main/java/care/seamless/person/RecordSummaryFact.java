package care.seamless.person;

import care.seamless.consent.SqlCondition;
import care.seamless.shared.Actor;

/**
 * What another module shows in the record's summary, as an SQL scalar over the person id
 * column, written by the module that owns the data with its access rule inside it, like
 * {@link CaseloadFact}. The value is text: {@code 'WITHHELD'} where the viewer may not
 * see the latest item, otherwise its fields joined by {@code '|'} as {@link Kind} says;
 * null when there is none.
 */
public interface RecordSummaryFact {

	Kind kind();

	SqlCondition sql(Actor actor, String personColumn);

	enum Kind {

		/** The latest assessment episode: {@code id|stage|status|opened date (ISO)}. */
		LATEST_ASSESSMENT,

		/**
		 * The current eligibility determination:
		 * {@code kind|eligible|recorded date (ISO)}.
		 */
		LATEST_ELIGIBILITY

	}

}
