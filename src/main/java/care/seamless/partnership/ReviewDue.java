package care.seamless.partnership;

import java.time.LocalDate;
import java.util.UUID;

/** A partnership whose review falls due, for the worklist. */
public record ReviewDue(UUID id, String name, LocalDate reviewDate) {
}
