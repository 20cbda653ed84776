/**
 * The person at the centre of the record: identity (NHS number and each agency's own
 * identifiers), demographics, how they wish to be addressed, communication needs, and the
 * people around them. Every read goes through the access policy and the audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "People",
		allowedDependencies = { "shared", "audit", "consent", "team" })
@org.jspecify.annotations.NullMarked
package care.seamless.person;
