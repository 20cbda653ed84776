package care.seamless.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import care.seamless.funding.FundingDisagreementRaised;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PractitionerId;
import care.seamless.team.CareTeamMember;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;
import care.seamless.team.Practitioner;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Escalates a disagreement about who pays for a need: the team managers of the person's
 * care-team members in the two organisations concerned (the one that recorded the route
 * and the one that disagrees) are told. The notice links to the funding page, which opens
 * only through the access policy.
 */
@Component
class FundingNotices {

	private final Notifications notifications;

	private final CareTeams careTeams;

	private final Directory directory;

	private final Clock clock;

	FundingNotices(Notifications notifications, CareTeams careTeams, Directory directory, Clock clock) {
		this.notifications = notifications;
		this.careTeams = careTeams;
		this.directory = directory;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(FundingDisagreementRaised event) {
		LocalDate today = LocalDate.now(clock);
		Set<OrganisationId> concerned = Set.of(event.routeOrganisation(), event.raisedByOrganisation());
		Set<PractitionerId> managers = new LinkedHashSet<>();
		careTeams.members(event.personId())
			.stream()
			.filter(member -> member.isCurrent(today))
			.map(CareTeamMember::practitionerId)
			.filter(member -> concerned.contains(directory.practitioner(member).organisationId()))
			.flatMap(member -> directory.teamsOf(member).stream())
			.distinct()
			.flatMap(team -> directory.managers(team.id()).stream())
			.map(Practitioner::id)
			.filter(manager -> !manager.equals(event.raisedBy()))
			.forEach(managers::add);
		managers.forEach(manager -> notifications.send(manager, "funding.disagreement",
				"/people/" + event.personId().id() + "/funding", event.personId(), event.raisedBy()));
	}

}
