package care.seamless.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import care.seamless.careplan.CarePlanChanged;
import care.seamless.shared.PractitionerId;
import care.seamless.team.CareTeamMember;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells care-team members about plan changes that concern them: the organisations or
 * practitioners the change names, or the whole current care team when it names none;
 * never the person who made the change. An escalation goes to the owner's team managers,
 * who may not be in the care team, so it links to their queue, not to the plan.
 */
@Component
class CarePlanNotices {

	private final Notifications notifications;

	private final CareTeams careTeams;

	private final Directory directory;

	private final Clock clock;

	CarePlanNotices(Notifications notifications, CareTeams careTeams, Directory directory, Clock clock) {
		this.notifications = notifications;
		this.careTeams = careTeams;
		this.directory = directory;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(CarePlanChanged event) {
		String kind = "careplan." + event.change().name().toLowerCase(Locale.ROOT);
		if (event.change() == CarePlanChanged.Change.ACTION_ESCALATED) {
			String queue = "/care-plans/queue" + (event.actionId() == null ? "" : "#escalated-" + event.actionId());
			event.practitioners().forEach(manager -> notifications.send(manager, kind, queue, event.personId(), null));
			return;
		}
		String link = "/people/" + event.personId() + "/care-plan"
				+ (event.actionId() == null ? "" : "#action-" + event.actionId());
		for (PractitionerId recipient : recipients(event)) {
			notifications.send(recipient, kind, link, event.personId(), event.by());
		}
	}

	private Set<PractitionerId> recipients(CarePlanChanged event) {
		LocalDate today = LocalDate.now(clock);
		boolean everyone = event.organisations().isEmpty() && event.practitioners().isEmpty();
		Set<PractitionerId> recipients = new LinkedHashSet<>();
		for (CareTeamMember member : careTeams.members(event.personId())) {
			if (!member.isCurrent(today) || member.practitionerId().equals(event.by())) {
				continue;
			}
			boolean concerned = everyone || event.practitioners().contains(member.practitionerId())
					|| event.organisations().contains(directory.practitioner(member.practitionerId()).organisationId());
			if (concerned) {
				recipients.add(member.practitionerId());
			}
		}
		return recipients;
	}

}
