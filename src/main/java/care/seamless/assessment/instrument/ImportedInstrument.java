package care.seamless.assessment.instrument;

import java.time.Instant;

/**
 * Who imported an instrument version, when, and from which file. Shipped instruments have
 * none.
 */
public record ImportedInstrument(String importedBy, Instant importedAt, String sourceFile) {
}
