/**
 * A synthetic, deterministic population for benchmarks and trials: organisations, teams,
 * practitioners with accounts, people with care teams, carers, consents and sharing
 * agreements, assessments, care plans, referrals, personal budgets and an audit history,
 * written through each module's bulk-load API (ADR 45) into an empty database, or people
 * alone into a CSV file for the import. The same seed gives the same population. Nothing
 * here is anyone's real data: NHS numbers are in the 9 range, which England does not
 * issue, and telephone numbers in Ofcom's drama range.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Synthetic population",
		allowedDependencies = { "shared", "team", "person", "partnership", "consent", "assessment",
				"assessment :: instrument", "careplan", "referral", "funding", "audit" })
@org.jspecify.annotations.NullMarked
package care.seamless.population;
