/**
 * HL7 FHIR R4 at {@code /fhir}: HAPI's plain RestfulServer over our own store. It maps,
 * and only maps: every read goes through the owning module's public API, so the same
 * access decision, redaction and audit apply as on the pages, and the domain modules know
 * nothing of FHIR.
 */
@org.springframework.modulith.ApplicationModule(displayName = "FHIR R4",
		allowedDependencies = { "shared", "audit", "consent", "person", "linkage", "team", "careplan", "referral",
				"discharge", "assessment", "assessment :: instrument" })
@org.jspecify.annotations.NullMarked
package care.seamless.fhir;
