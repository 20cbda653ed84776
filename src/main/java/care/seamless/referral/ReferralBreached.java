package care.seamless.referral;

import java.time.Instant;
import java.util.Set;

import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;

/**
 * A response target passed without the response: published once per referral and target,
 * for the receiving team's managers ({@code managers}).
 */
public record ReferralBreached(ReferralId referralId, PersonId personId, TeamId holder, Target target, Instant dueAt,
		Set<PractitionerId> managers) {

	public ReferralBreached {
		managers = Set.copyOf(managers);
	}

	public enum Target {

		ACKNOWLEDGE, ACCEPT

	}

}
