/**
 * The person's own door: people who use services, their carers, advocates and attorneys
 * are invited by their care team with a one-time code, sign in with an account of their
 * own kind (never a staff account), and take part in their plan. What they may see is
 * decided by {@link care.seamless.consent.AccessPolicy} from what they are recorded to
 * act for ({@link care.seamless.consent.ActingFor}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "The person's door",
		allowedDependencies = { "shared", "audit", "team", "consent", "person", "careplan", "document", "funding" })
@org.jspecify.annotations.NullMarked
package care.seamless.door;
