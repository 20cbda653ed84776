package care.seamless.fhir;

import care.seamless.careplan.CarePlanChanged;
import care.seamless.discharge.AdmissionRecorded;
import care.seamless.referral.ReferralChanged;
import care.seamless.referral.ReferralStep;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the domain events the referral, care plan and discharge modules already publish
 * into queued notifications, so those modules know nothing of FHIR. Each listener runs in
 * a transaction of its own after the publisher's commit, and the queue rows commit with
 * the event publication's completion: an event that could not be queued is retried from
 * the publication registry, never lost.
 */
@Component
class SubscriptionEvents {

	private final Subscriptions subscriptions;

	SubscriptionEvents(Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@ApplicationModuleListener
	void on(ReferralChanged event) {
		if (event.step() == ReferralStep.SEND || event.step() == ReferralStep.REDIRECT) {
			subscriptions.enqueue(SubscriptionTopic.REFERRAL_RECEIVED, event.personId(),
					focus(SubscriptionTopic.REFERRAL_RECEIVED, event.personId().id().toString()), event.holder());
		}
	}

	@ApplicationModuleListener
	void on(CarePlanChanged event) {
		subscriptions.enqueue(SubscriptionTopic.CARE_PLAN_CHANGED, event.personId(),
				focus(SubscriptionTopic.CARE_PLAN_CHANGED, ItemIds.of(event.personId(), event.planId())), null);
	}

	@ApplicationModuleListener
	void on(AdmissionRecorded event) {
		subscriptions.enqueue(SubscriptionTopic.ADMISSION, event.personId(),
				focus(SubscriptionTopic.ADMISSION, event.personId().id().toString()), null);
	}

	private static String focus(SubscriptionTopic topic, String id) {
		return topic.focusType() + "/" + id;
	}

}
