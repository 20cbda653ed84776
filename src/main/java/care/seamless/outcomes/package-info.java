/**
 * Outcome reporting for partnerships (issue 19): measures computed from the record as
 * counts only, the dashboard for commissioners, board members and managers, and the
 * returns (the pooled fund's quarterly report and annual return, the Better Care Fund
 * quarterly return). It reads other modules only through the aggregate fragments they
 * publish, and never a person's record.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outcome reporting",
		allowedDependencies = { "shared", "audit", "team", "partnership", "discharge", "assessment", "careplan", "door",
				"person", "document" })
@org.jspecify.annotations.NullMarked
package care.seamless.outcomes;
