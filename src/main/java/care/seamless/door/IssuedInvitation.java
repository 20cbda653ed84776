package care.seamless.door;

import java.time.Instant;
import java.util.UUID;

/** A new invitation and its code, shown once to the practitioner to print or read out. */
public record IssuedInvitation(UUID id, String code, Instant expiresAt) {
}
