package care.seamless.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import care.seamless.discharge.AdmissionRecorded;
import care.seamless.discharge.DischargeNoticeGiven;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.team.CareTeamMember;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person's care team that they are in hospital, and the council's members of it
 * when the ward gives an assessment or discharge notice. The notice links to the
 * admission, which opens only through the access policy; the inbox names the person only
 * where the reader may open the record.
 */
@Component
class DischargeNotices {

	private final Notifications notifications;

	private final CareTeams careTeams;

	private final Directory directory;

	private final Clock clock;

	DischargeNotices(Notifications notifications, CareTeams careTeams, Directory directory, Clock clock) {
		this.notifications = notifications;
		this.careTeams = careTeams;
		this.directory = directory;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(AdmissionRecorded event) {
		tell(event.personId(), event.by(), "discharge.admission", "/admissions/" + event.admissionId(), false);
	}

	@ApplicationModuleListener
	void on(DischargeNoticeGiven event) {
		tell(event.personId(), event.by(), "discharge.notice_" + event.kind().name().toLowerCase(Locale.ROOT),
				"/admissions/" + event.admissionId(), true);
	}

	private void tell(PersonId person, PractitionerId by, String kind, String link, boolean socialCareOnly) {
		LocalDate today = LocalDate.now(clock);
		careTeams.members(person)
			.stream()
			.filter(member -> member.isCurrent(today) && !member.practitionerId().equals(by))
			.map(CareTeamMember::practitionerId)
			.distinct()
			.filter(member -> !socialCareOnly || directory.organisation(directory.practitioner(member).organisationId())
				.kind() == OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE)
			.forEach(member -> notifications.send(member, kind, link, person, by));
	}

}
