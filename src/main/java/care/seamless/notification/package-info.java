/**
 * The practitioner's in-app inbox: short notices that something changed which concerns
 * them, with a link; and, when {@code spring.mail.host} is set, the same notice by e-mail
 * through an outbox (ADR 15). Notices store ids, not personal data; the inbox names the
 * person only where the reader may open the record, and e-mails never do. The page a link
 * opens decides, through the access policy, what the reader may see.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "shared", "team", "careplan", "consent", "person", "discharge", "referral", "door",
				"funding", "fhir" })
@org.jspecify.annotations.NullMarked
package care.seamless.notification;
