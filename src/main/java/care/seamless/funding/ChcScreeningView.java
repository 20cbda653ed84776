package care.seamless.funding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A recorded NHS Continuing Healthcare checklist decision. */
public record ChcScreeningView(UUID id, LocalDate screenedOn, ChcOutcome outcome, String decidedBy,
		String organisationName, @Nullable String note, Instant recordedAt) {
}
