package care.seamless.referral;

import java.time.Instant;

import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;

/** A team accepted a referral and named its owner, who joined the care team. */
public record ReferralAccepted(ReferralId referralId, PersonId personId, TeamId teamId, PractitionerId owner,
		Instant at) {
}
