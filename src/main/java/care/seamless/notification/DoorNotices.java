package care.seamless.notification;

import care.seamless.door.DoorNotice;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells practitioners what was said at the person's door: a message for the lead
 * professional, feedback, a changed sharing choice for the whole care team. The door
 * decides who is told; the notice stores ids only and its link opens a page that asks the
 * access policy again.
 */
@Component
class DoorNotices {

	private final Notifications notifications;

	DoorNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(DoorNotice event) {
		event.tell()
			.forEach(recipient -> notifications.send(recipient, event.kind(), event.link(), event.person(), null));
	}

}
