package care.seamless.careplan;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The person's view of one objective, as given by them or by their representative (an
 * advocate, attorney or deputy) when they lack capacity; the latest one recorded is the
 * one in force.
 *
 * @param givenBy who gave it: the person, or the representative's name
 * @param relationship the representative's relationship, null when the person gave it
 */
public record PersonsView(View view, String givenBy, @Nullable String relationship, @Nullable String reason,
		String recordedBy, Instant recordedAt) {

	public enum View {

		AGREES, DISAGREES, WITHDRAWN

	}

}
