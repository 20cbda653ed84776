/**
 * Money: for every need met by a care plan, who pays and why (NHS Continuing Healthcare,
 * NHS-funded nursing care, s117 aftercare, free intermediate care and minor aids, council
 * means-tested care, a personal health budget, or joint funding in shares), the CHC
 * checklist decision, disagreements between partners kept beside the route they dispute;
 * and the financial assessment (capital, tariff income, income and disregards, Minimum
 * Income Guarantee, personal expenses allowance) worked out by plain code from the
 * financial year's rates held as data, with every line of the working and a letter. Every
 * read of a person's funding goes through the access policy in SQL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Funding",
		allowedDependencies = { "shared", "audit", "consent", "team", "person", "careplan", "document" })
@org.jspecify.annotations.NullMarked
package care.seamless.funding;
