/**
 * The partnership's own arrangements: information-sharing agreements between partner
 * organisations (parties, purposes, data categories, lawful basis, dates, status).
 * Agreements are data that the access policy reads.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Partnership agreements",
		allowedDependencies = { "shared", "audit", "team" })
@org.jspecify.annotations.NullMarked
package care.seamless.partnership;
