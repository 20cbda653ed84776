package care.seamless.notification;

import care.seamless.consent.ChoiceWithdrawn;
import care.seamless.consent.EmergencyAccessEnded;
import care.seamless.consent.EmergencyAccessStarted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells Caldicott guardians about changes to a person's choices and about emergency
 * access, and team managers when a guardian ends a team member's emergency access.
 * Consent decides who is told; a notice names nobody, and the guardians' link leads to
 * their dashboard, which names the person to those allowed to see it.
 */
@Component
class GovernanceNotices {

	private static final String GUARDIAN_LINK = "/caldicott";

	private final Notifications notifications;

	GovernanceNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(ChoiceWithdrawn event) {
		event.guardians().forEach(g -> notifications.send(g, "consent.choice_withdrawn", GUARDIAN_LINK));
	}

	@ApplicationModuleListener
	void on(EmergencyAccessStarted event) {
		event.guardians().forEach(g -> notifications.send(g, "consent.emergency_access", GUARDIAN_LINK));
	}

	@ApplicationModuleListener
	void on(EmergencyAccessEnded event) {
		// A manager may not be in the person's care team, so the link is their inbox, not
		// the record.
		event.managers()
			.forEach(m -> notifications.send(m, "consent.emergency_access_inappropriate", "/notifications"));
	}

}
