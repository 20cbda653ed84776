package care.seamless.terminology;

import java.time.Instant;

/**
 * Where a stored concept's current words came from: who imported them, when, and from
 * which file. Starter concepts nobody has reworded have none.
 */
public record ImportedConcept(String importedBy, Instant importedAt, String sourceFile) {
}
