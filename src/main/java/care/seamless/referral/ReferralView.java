package care.seamless.referral;

import java.time.Instant;
import java.util.List;

import care.seamless.shared.DataCategory;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;

/**
 * One referral as its referrer or its holder sees it: everything sent, the state, who
 * holds it and who owns it, every step with its time, the targets and any breach. The
 * read API for pages, JSON and (later) FHIR ServiceRequest and Task.
 */
public record ReferralView(ReferralId id, PersonId personId, String personName, TeamId fromTeam, String fromTeamName,
		String referrerName, TeamId holder, String holderName, TeamId firstTeam, String reasonCode, String reasonTerm,
		String reasonText, Urgency urgency, boolean personInformed, String personView, SharingBasis basis,
		ReferralStatus status, @Nullable PractitionerId owner, @Nullable String ownerName,
		@Nullable DeclineReason declineReason, @Nullable String signposting, @Nullable String outcome,
		Instant createdAt, @Nullable Instant sentAt, @Nullable Instant acknowledgedAt, @Nullable Instant decidedAt,
		@Nullable Instant closedAt, @Nullable Instant acknowledgeDue, @Nullable Instant acceptDue,
		boolean acknowledgeBreached, boolean acceptBreached, List<DataCategory> categories, List<SendableItem> items,
		List<History> history, boolean viewerHolds, boolean viewerSent, long version) {

	public ReferralView {
		categories = List.copyOf(categories);
		items = List.copyOf(items);
		history = List.copyOf(history);
	}

	/** One step: what, when, by whom, with the team that held the referral after it. */
	public record History(ReferralStep step, ReferralStatus status, String holderName, String by, @Nullable String note,
			Instant at) {
	}

}
