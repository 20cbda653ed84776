package care.seamless.partnership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import care.seamless.shared.AccountId;
import org.jspecify.annotations.Nullable;

/** An action agreed on a low-scoring principle, with its one owner. */
public record AssessmentAction(UUID id, UUID roundId, UUID partnershipId, String partnershipName, Principle principle,
		String description, AccountId owner, String ownerName, LocalDate dueDate, @Nullable Instant doneAt,
		long version) {
}
