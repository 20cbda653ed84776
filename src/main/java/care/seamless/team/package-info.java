/**
 * Partner organisations, their teams, practitioners and their accounts, and each person's
 * care team across agencies: who is involved, in what role, and who the lead professional
 * is.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations and care teams",
		allowedDependencies = { "shared", "audit" })
@org.jspecify.annotations.NullMarked
package care.seamless.team;
