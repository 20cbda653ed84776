/**
 * The one audit log: who did what to whose record, why, when, and whether it was allowed.
 * Append-only and hash-chained so that tampering is detectable. Entries are written
 * synchronously in the caller's transaction and chained moments after it commits (ADR
 * 44).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log", allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package care.seamless.audit;
