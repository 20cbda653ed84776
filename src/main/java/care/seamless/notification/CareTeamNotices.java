package care.seamless.notification;

import care.seamless.team.CareTeamChanged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells practitioners about care-team requests to answer and the answers to their own. A
 * request links to the reader's care-team requests; an answer that let the reader in
 * links to the care team, and any other answer to their requests, since the record may be
 * closed to them.
 */
@Component
class CareTeamNotices {

	private final Notifications notifications;

	CareTeamNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(CareTeamChanged event) {
		String kind = "careteam." + event.change().key();
		boolean letIn = switch (event.change()) {
			case ADDED, INVITATION_ACCEPTED, HANDOVER_ACCEPTED, JOIN_ACCEPTED, ALLOCATED -> true;
			default -> false;
		};
		String link = letIn ? "/people/" + event.personId().id() + "/care-team" : "/care-teams/requests";
		event.tell().forEach(recipient -> notifications.send(recipient, kind, link));
	}

}
