package care.seamless.referral;

import java.time.Instant;

import care.seamless.shared.PersonId;
import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;

/**
 * A referral in a list: who it is for (named only where the viewer may open the record,
 * decided in the query), who sent it, who holds it now, its state and the next due time
 * with whether that target has passed.
 */
public record ReferralSummary(ReferralId id, PersonId personId, @Nullable String personName, TeamId fromTeam,
		TeamId holder, Urgency urgency, ReferralStatus status, String reasonCode, @Nullable Instant sentAt,
		@Nullable Instant dueAt, boolean breached, long version) {
}
