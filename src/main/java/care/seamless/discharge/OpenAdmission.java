package care.seamless.discharge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

/** A person still in hospital, for a ward's list or another module's worklist. */
public record OpenAdmission(UUID id, PersonId personId, String personName, String ward, Instant admittedAt,
		@Nullable LocalDate plannedDischarge, int delayedDays, int disputedDays) {
}
