package care.seamless.funding;

import java.time.LocalDate;
import java.util.UUID;

import care.seamless.shared.PersonId;

/** A direct payment whose review falls due, for a worklist. */
public record ReviewDue(UUID id, PersonId personId, String personName, LocalDate due) {
}
