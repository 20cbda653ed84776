/**
 * Hospital discharge: a ward records a person's admission (the care team is told),
 * planned and actual discharge, the discharge-to-assess pathway and checklist, the
 * person's own view of going home in their own words, the notices of the rule set in
 * force on the admission date (dated data, never code), and each delayed day with a coded
 * reason and an attribution that one partner proposes and the other agrees or disputes.
 * Every read of a person's admission goes through the access policy in SQL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Hospital discharge",
		allowedDependencies = { "shared", "audit", "consent", "team", "person" })
@org.jspecify.annotations.NullMarked
package care.seamless.discharge;
