package care.seamless.referral;

import java.time.Instant;
import java.util.UUID;

import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;

/**
 * One referral as stored. Each step is a guarded method returning the referral after it;
 * a step the current state does not allow throws {@link StepNotAllowed}.
 */
record Referral(ReferralId id, PersonId personId, TeamId fromTeam, OrganisationId fromOrganisation,
		PractitionerId referrer, TeamId holder, OrganisationId holderOrganisation, TeamId firstTeam, String reasonCode,
		String reasonText, Urgency urgency, boolean personInformed, String personView, SharingBasis basis,
		ReferralStatus status, @Nullable PractitionerId owner, @Nullable DeclineReason declineReason,
		@Nullable String signposting, @Nullable String outcome, Instant createdAt, @Nullable Instant sentAt,
		@Nullable Instant acknowledgedAt, @Nullable Instant decidedAt, @Nullable Instant closedAt,
		@Nullable Instant acknowledgeDue, @Nullable Instant acceptDue, long version) {

	static Referral draft(ReferralId id, PersonId person, TeamId fromTeam, OrganisationId fromOrganisation,
			PractitionerId referrer, TeamId to, OrganisationId toOrganisation, String reasonCode, String reasonText,
			Urgency urgency, boolean personInformed, String personView, SharingBasis basis, Instant now) {
		return new Referral(id, person, fromTeam, fromOrganisation, referrer, to, toOrganisation, to, reasonCode,
				reasonText, urgency, personInformed, personView, basis, ReferralStatus.DRAFT, null, null, null, null,
				now, null, null, null, null, null, null, 0);
	}

	private void require(ReferralStep step) {
		if (!step.allowedFrom(status)) {
			throw new StepNotAllowed("This referral is " + status.name().toLowerCase(java.util.Locale.ROOT)
					+ ": it cannot be " + StepWords.pastTense(step) + " now");
		}
	}

	Referral sent(Instant at, Instant acknowledgeBy, Instant acceptBy) {
		require(ReferralStep.SEND);
		return new Referral(id, personId, fromTeam, fromOrganisation, referrer, holder, holderOrganisation, firstTeam,
				reasonCode, reasonText, urgency, personInformed, personView, basis, ReferralStatus.SENT, null, null,
				null, null, createdAt, at, null, null, null, acknowledgeBy, acceptBy, version);
	}

	Referral acknowledged(Instant at) {
		require(ReferralStep.ACKNOWLEDGE);
		return new Referral(id, personId, fromTeam, fromOrganisation, referrer, holder, holderOrganisation, firstTeam,
				reasonCode, reasonText, urgency, personInformed, personView, basis, ReferralStatus.ACKNOWLEDGED, null,
				null, null, null, createdAt, sentAt, at, null, null, acknowledgeDue, acceptDue, version);
	}

	Referral accepted(PractitionerId newOwner, Instant at) {
		require(ReferralStep.ACCEPT);
		return new Referral(id, personId, fromTeam, fromOrganisation, referrer, holder, holderOrganisation, firstTeam,
				reasonCode, reasonText, urgency, personInformed, personView, basis, ReferralStatus.ACCEPTED, newOwner,
				null, null, null, createdAt, sentAt, acknowledgedAt == null ? at : acknowledgedAt, at, null,
				acknowledgeDue, acceptDue, version);
	}

	Referral declined(DeclineReason reason, String signpost, Instant at) {
		require(ReferralStep.DECLINE);
		return new Referral(id, personId, fromTeam, fromOrganisation, referrer, holder, holderOrganisation, firstTeam,
				reasonCode, reasonText, urgency, personInformed, personView, basis, ReferralStatus.DECLINED, null,
				reason, signpost, null, createdAt, sentAt, acknowledgedAt == null ? at : acknowledgedAt, at, at,
				acknowledgeDue, acceptDue, version);
	}

	/**
	 * Passed to another team: the clock carries on (the due times stay), and the new team
	 * has not acknowledged it yet unless the first had.
	 */
	Referral redirected(TeamId to, OrganisationId toOrganisation) {
		require(ReferralStep.REDIRECT);
		return new Referral(id, personId, fromTeam, fromOrganisation, referrer, to, toOrganisation, firstTeam,
				reasonCode, reasonText, urgency, personInformed, personView, basis, status, null, null, null, null,
				createdAt, sentAt, acknowledgedAt, null, null, acknowledgeDue, acceptDue, version);
	}

	Referral withdrawn(Instant at) {
		require(ReferralStep.WITHDRAW);
		return new Referral(id, personId, fromTeam, fromOrganisation, referrer, holder, holderOrganisation, firstTeam,
				reasonCode, reasonText, urgency, personInformed, personView, basis, ReferralStatus.WITHDRAWN, owner,
				null, null, null, createdAt, sentAt, acknowledgedAt, decidedAt, at, acknowledgeDue, acceptDue, version);
	}

	Referral completed(String result, Instant at) {
		require(ReferralStep.COMPLETE);
		return new Referral(id, personId, fromTeam, fromOrganisation, referrer, holder, holderOrganisation, firstTeam,
				reasonCode, reasonText, urgency, personInformed, personView, basis, ReferralStatus.COMPLETED, owner,
				null, null, result, createdAt, sentAt, acknowledgedAt, decidedAt, at, acknowledgeDue, acceptDue,
				version);
	}

	/** The grant's source in {@code consent.access_grant}: one per referral. */
	String grantSource() {
		return "referral:" + id.id();
	}

	UUID uuid() {
		return id.id();
	}

}
