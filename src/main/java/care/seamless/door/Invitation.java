package care.seamless.door;

import java.time.Instant;
import java.util.UUID;

import care.seamless.consent.ActingKind;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

/** An invitation as the care team sees it (never its code). */
public record Invitation(UUID id, PersonId person, ActingKind kind, String inviteeName, @Nullable String lpaReference,
		String issuedBy, Instant issuedAt, Instant expiresAt, @Nullable Instant usedAt, @Nullable Instant revokedAt,
		@Nullable UUID accountId, long version) {

	public enum State {

		WAITING, USED, EXPIRED, REVOKED

	}

	public State state(Instant now) {
		if (revokedAt != null) {
			return State.REVOKED;
		}
		if (usedAt != null) {
			return State.USED;
		}
		return expiresAt.isAfter(now) ? State.WAITING : State.EXPIRED;
	}

}
