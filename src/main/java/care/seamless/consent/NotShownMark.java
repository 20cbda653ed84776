package care.seamless.consent;

import java.time.Instant;
import java.util.UUID;

import care.seamless.shared.PersonId;

/** One item marked "not shown to the person", as the Caldicott guardian lists them. */
public record NotShownMark(UUID id, PersonId person, String personName, String itemType, UUID itemId,
		NotShownReason reason, String markedBy, Instant markedAt) {
}
