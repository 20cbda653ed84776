/**
 * Joint training across the partnership: courses (the single assessment, information
 * governance, mental capacity, safeguarding, the common language) with how long each
 * stays valid, sessions of a course, who attended from which partner organisation and
 * whether they completed it, and coverage per organisation and team (how many staff are
 * trained, and trained together with another agency). It tells consent whether a
 * practitioner's information-governance training is current through consent's own
 * {@link care.seamless.consent.StaffTraining}, so consent never depends on this module.
 * Records are about staff, not about people who use services.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Joint training",
		allowedDependencies = { "shared", "audit", "team", "consent" })
@org.jspecify.annotations.NullMarked
package care.seamless.training;
