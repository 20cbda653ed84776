package care.seamless.team;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import org.jspecify.annotations.Nullable;

/**
 * Something happened to a person's care team that {@code tell} should hear about: an
 * invitation, handover or request to join to answer, or the answer to one. Ids and facts
 * only; the pages a notice links to decide what the reader may see.
 */
public record CareTeamChanged(PersonId personId, Change change, @Nullable UUID requestId, Set<PractitionerId> tell) {

	public enum Change {

		ADDED, INVITED, INVITATION_ACCEPTED, INVITATION_DECLINED, HANDOVER_ASKED, HANDOVER_ACCEPTED, HANDOVER_DECLINED,
		JOIN_ASKED, JOIN_ACCEPTED, JOIN_DECLINED, ALLOCATED, ENDED, WITHDRAWN;

		/** Whether the notice asks the reader to answer something in their queue. */
		public boolean asksForAnswer() {
			return this == INVITED || this == HANDOVER_ASKED || this == JOIN_ASKED;
		}

		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
