/**
 * The demo partnership, loaded on first start with {@code seamless.demo=true} through the
 * other modules' public APIs so that access rules and the audit log apply to it exactly
 * as to real data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo partnership",
		allowedDependencies = { "shared", "team", "person", "consent", "partnership", "assessment",
				"assessment :: instrument", "eligibility", "careplan", "discharge", "door", "referral", "funding",
				"training" })
@org.jspecify.annotations.NullMarked
package care.seamless.demo;
