package care.seamless.referral;

import java.util.Set;

import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;

/**
 * A referral took a step; {@code tell} are the practitioners to notify (the receiving
 * team on sending or redirection, the referrer on every answer). Ids only.
 */
public record ReferralChanged(ReferralId referralId, PersonId personId, ReferralStep step, TeamId holder,
		Set<PractitionerId> tell) {

	public ReferralChanged {
		tell = Set.copyOf(tell);
	}

}
