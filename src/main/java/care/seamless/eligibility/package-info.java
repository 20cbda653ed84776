/**
 * Care Act 2014 eligibility determinations (Care and Support (Eligibility Criteria)
 * Regulations 2015, reg 2 for adults and reg 3 for carers), with historic Fair Access to
 * Care Services bands kept as they were decided, and the letter that tells the person
 * what was decided and why. The rules are plain Java ({@link EligibilityRules}); every
 * read and change goes through the access policy and the audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Eligibility",
		allowedDependencies = { "shared", "audit", "team", "consent", "person", "terminology", "assessment",
				"document" })
@org.jspecify.annotations.NullMarked
package care.seamless.eligibility;
