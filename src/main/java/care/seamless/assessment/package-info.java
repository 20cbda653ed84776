/**
 * The single shared assessment of the Single Assessment Process: one assessment per
 * person, built up stage by stage (contact, overview, specialist, comprehensive) and by
 * carers' assessments, so no agency repeats another's questions. The instruments
 * themselves are data, in the {@code instrument} sub-package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Single assessment",
		allowedDependencies = { "shared", "terminology", "audit", "team" })
@org.jspecify.annotations.NullMarked
package care.seamless.assessment;
