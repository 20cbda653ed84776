package care.seamless.notification;

import care.seamless.referral.ReferralBreached;
import care.seamless.referral.ReferralChanged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the receiving team about referrals sent or passed to it, the referrer about every
 * answer, and the holding team's managers about each response target breached (once: the
 * referral module publishes a breach only when it first records it). Every notice links
 * to the referral, whose page decides what the reader may see.
 */
@Component
class ReferralNotices {

	private final Notifications notifications;

	ReferralNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(ReferralChanged event) {
		String link = "/referrals/" + event.referralId().id();
		event.tell()
			.forEach(recipient -> notifications.send(recipient, "referral." + event.step().key(), link,
					event.personId(), null));
	}

	@ApplicationModuleListener
	void on(ReferralBreached event) {
		String link = "/referrals/" + event.referralId().id();
		String kind = "referral.breach." + event.target().name().toLowerCase(java.util.Locale.ROOT);
		event.managers().forEach(manager -> notifications.send(manager, kind, link, event.personId(), null));
	}

}
