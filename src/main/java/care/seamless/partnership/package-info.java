/**
 * The partnership's own arrangements: information-sharing agreements between partner
 * organisations (parties, purposes, data categories, lawful basis, dates, status), which
 * are data the access policy reads; the register of partnerships (kind, partners and
 * their contributions, the terms of the agreement, the readiness checklist); and the
 * Partnership Assessment Tool. Nothing here is personal data about people who use
 * services.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Partnership agreements",
		allowedDependencies = { "shared", "audit", "team" })
@org.jspecify.annotations.NullMarked
package care.seamless.partnership;
