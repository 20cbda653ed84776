/**
 * Money for care. For every need met by a care plan, who pays and why (NHS Continuing
 * Healthcare, NHS-funded nursing care, s117 aftercare, free intermediate care and minor
 * aids, council means-tested care, a personal health budget, or joint funding in shares),
 * the CHC checklist decision, and disagreements between partners kept beside the route
 * they dispute. The financial assessment (capital, tariff income, income and disregards,
 * Minimum Income Guarantee, personal expenses allowance) worked out by plain code from
 * the financial year's rates held as data, with every line of the working and a letter.
 * Personal budgets from a resource allocation system and the costed support in the plan,
 * the budget statement (the person's, the council's and the NHS parts), direct payments
 * with their ledger and reviews, and approval of packages above each team's threshold.
 * Every read of a person's funding goes through the access policy in SQL; every change is
 * audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Funding",
		allowedDependencies = { "shared", "audit", "consent", "team", "person", "terminology", "eligibility",
				"careplan", "document", "partnership" })
@org.jspecify.annotations.NullMarked
package care.seamless.funding;
