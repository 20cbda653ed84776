/**
 * The single access-decision point. Every read of personal data asks
 * {@link care.seamless.consent.AccessPolicy}: for one record it decides PERMIT, PERMIT
 * with redactions, or DENY with the reason; for lists, searches and counts it supplies
 * the same rule as an SQL condition so that nothing withheld can show through totals or
 * paging.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access decisions and consent",
		allowedDependencies = { "shared", "audit", "team", "partnership" })
@org.jspecify.annotations.NullMarked
package care.seamless.consent;
