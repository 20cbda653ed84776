package care.seamless.careplan;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One thing that stops the plan being agreed: a named partner that has not signed up, or
 * the person's view not yet given, or the person disagreeing.
 */
public record Outstanding(UUID objectiveId, String objective, Kind kind, @Nullable String organisationName) {

	public enum Kind {

		PARTNER_NOT_SIGNED, PERSON_NOT_ASKED, PERSON_DISAGREES

	}

}
