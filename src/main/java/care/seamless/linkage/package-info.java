/**
 * Identity matching: decides whether two person records describe the same person.
 * Deterministic identifier rules come first, then a Fellegi–Sunter model whose m and u
 * probabilities are estimated from the data itself. The engine is plain Java so it can
 * run from the command line without starting the web application.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity matching",
		allowedDependencies = { "shared", "audit", "person", "consent", "team" })
@org.jspecify.annotations.NullMarked
package care.seamless.linkage;
