/**
 * Money for care: personal budgets from a resource allocation system and the costed
 * support in the plan, the budget statement (the person's, the council's and the NHS
 * parts), direct payments with their ledger and reviews, and approval of packages above
 * each team's threshold. Rates and thresholds are data by financial year. Every read of a
 * person's budget goes through the access policy in SQL; every change is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Funding",
		allowedDependencies = { "shared", "audit", "consent", "team", "person", "terminology", "eligibility",
				"careplan" })
@org.jspecify.annotations.NullMarked
package care.seamless.funding;
