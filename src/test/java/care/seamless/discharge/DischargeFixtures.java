package care.seamless.discharge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.person.People;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.shared.TeamId;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;

import org.springframework.stereotype.Component;

/**
 * A hospital trust with a ward team (a nurse and the ward manager), a council with a
 * social worker who leads the person's care team and a team manager, and an agreement
 * between them: each call builds a fresh, unique partnership, so tests sharing the one
 * database see only their own admissions.
 */
@Component
public class DischargeFixtures {

	private final Fixtures fixtures;

	private final Directory directory;

	private final Admissions admissions;

	private final People people;

	private final CareTeams careTeams;

	DischargeFixtures(Fixtures fixtures, Directory directory, Admissions admissions, People people,
			CareTeams careTeams) {
		this.fixtures = fixtures;
		this.directory = directory;
		this.admissions = admissions;
		this.people = people;
		this.careTeams = careTeams;
	}

	public record Partnership(OrganisationId trust, TeamId ward, Staff nurse, Staff wardManager, OrganisationId council,
			Staff socialWorker, Staff councilManager, PersonId person, String nhsNumber) {
	}

	public Partnership partnership() {
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_ACUTE_TRUST);
		TeamId ward = directory.createTeam(fixtures.admin, trust, Fixtures.unique("Ward "));
		Staff nurse = fixtures.practitionerIn(trust, ward, Profession.DISCHARGE_COORDINATOR, false);
		Staff wardManager = fixtures.practitionerIn(trust, ward, Profession.HOSPITAL_DOCTOR, true, Role.PRACTITIONER,
				Role.TEAM_MANAGER);
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		TeamId councilTeam = directory.createTeam(fixtures.admin, council, Fixtures.unique("Hospital social work "));
		Staff socialWorker = fixtures.practitionerIn(council, councilTeam, Profession.SOCIAL_WORKER, false);
		Staff councilManager = fixtures.practitionerIn(council, councilTeam, Profession.CARE_MANAGER, true,
				Role.PRACTITIONER, Role.TEAM_MANAGER);
		fixtures.agreement(Set.of(trust, council), DataCategory.GENERAL);
		String nhsNumber = Fixtures.nextNhsNumber();
		PersonId person = person(nhsNumber, socialWorker, councilManager);
		return new Partnership(trust, ward, nurse, wardManager, council, socialWorker, councilManager, person,
				nhsNumber);
	}

	/** A person in the council's care (the social worker leads), with this NHS number. */
	public PersonId person(String nhsNumber, Staff lead, Staff member) {
		PersonId person = people.register(fixtures.admin, Fixtures.details(Fixtures.unique("Given"),
				Fixtures.unique("Inpatient"), LocalDate.of(1938, 5, 2), nhsNumber));
		careTeams.addMember(fixtures.admin, person, lead.practitionerId(), lead.teamId(), "Lead", true);
		careTeams.addMember(fixtures.admin, person, member.practitionerId(), member.teamId(), "Member", false);
		return person;
	}

	public UUID admit(Partnership p, String nhsNumber, LocalDate day) {
		return admissions.record(p.nurse().actor(),
				new NewAdmission(nhsNumber, p.ward(), "Riverside General", "Elm ward", at(day), null));
	}

	public static Instant at(LocalDate day) {
		return day.atTime(10, 0).atZone(ZoneId.of("Europe/London")).toInstant();
	}

}
