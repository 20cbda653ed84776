/**
 * The person-centred care and support plan: one plan per person shared by every partner,
 * outcomes in the person's own words turned into measurable objectives that each named
 * partner signs up to and the person agrees (or disagrees) with, actions and services
 * with exactly one accountable owner, options where professionals differ, contingency and
 * risk, and reviews with goal attainment scores. Every read goes through the access
 * policy and every read and change is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Care and support plans",
		allowedDependencies = { "shared", "audit", "consent", "team", "person", "terminology", "assessment",
				"document" })
@org.jspecify.annotations.NullMarked
package care.seamless.careplan;
