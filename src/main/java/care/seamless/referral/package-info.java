/**
 * Referrals between teams and organisations, with one accountable holder at every moment:
 * what is sent goes through the access policy, the receiving team reads it under a
 * time-limited grant, and response clocks run on the partnership's working-day calendar
 * ({@link care.seamless.referral.WorkingCalendar}), with breaches in both sides' queues.
 * Every step is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Referrals",
		allowedDependencies = { "shared", "audit", "consent", "team", "person", "terminology", "assessment",
				"assessment :: instrument", "careplan" })
@org.jspecify.annotations.NullMarked
package care.seamless.referral;
