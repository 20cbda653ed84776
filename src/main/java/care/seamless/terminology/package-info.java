/**
 * The common language shared by health and social care: coded concepts for needs,
 * abilities, risks, strengths, conditions, services and outcomes, each shown in the words
 * of whoever is reading (health professional, social care practitioner, or the person and
 * their carer in plain English). Answers are stored as codes so that agencies using
 * different words still record the same thing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Common language",
		allowedDependencies = { "shared", "audit" })
@org.jspecify.annotations.NullMarked
package care.seamless.terminology;
