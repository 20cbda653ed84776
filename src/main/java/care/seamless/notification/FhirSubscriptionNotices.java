package care.seamless.notification;

import care.seamless.fhir.SubscriptionSwitchedOff;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the owner of a partner system's FHIR subscription that it kept failing and was
 * switched off. The notice (and its e-mail) says nothing about any person: the
 * subscription itself holds the endpoint and the last error.
 */
@Component
class FhirSubscriptionNotices {

	private final Notifications notifications;

	FhirSubscriptionNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(SubscriptionSwitchedOff event) {
		notifications.send(event.owner(), "fhir.subscription_off", "/fhir/Subscription/" + event.subscriptionId());
	}

}
