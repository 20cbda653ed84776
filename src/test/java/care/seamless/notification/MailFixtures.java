package care.seamless.notification;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.person.People;
import care.seamless.shared.AccountId;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Profession;
import care.seamless.shared.Purpose;
import care.seamless.shared.Role;
import care.seamless.shared.TeamId;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * A care team whose social worker (lead) and district nurse have e-mail addresses and
 * whose support worker has none, around a person whose name and NHS number the tests look
 * for in the e-mails.
 */
@Component
class MailFixtures {

	private final Fixtures fixtures;

	private final Directory directory;

	private final People people;

	private final CareTeams careTeams;

	MailFixtures(Fixtures fixtures, Directory directory, People people, CareTeams careTeams) {
		this.fixtures = fixtures;
		this.directory = directory;
		this.people = people;
		this.careTeams = careTeams;
	}

	record MailPartnership(PersonId person, String givenName, String familyName, String nhsNumber,
			OrganisationId council, OrganisationId trust, OrganisationId charity, Staff socialWorker,
			String socialWorkerEmail, Staff nurse, String nurseEmail, Staff supportWorker) {
	}

	MailPartnership partnership() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		OrganisationId charity = fixtures.organisation(OrganisationKind.VOLUNTARY_SECTOR);
		String socialWorkerEmail = Fixtures.unique("social.worker") + "@council.test";
		String nurseEmail = Fixtures.unique("district.nurse") + "@trust.test";
		Staff socialWorker = staff(council, Profession.SOCIAL_WORKER, socialWorkerEmail);
		Staff nurse = staff(trust, Profession.DISTRICT_NURSE, nurseEmail);
		Staff supportWorker = staff(charity, Profession.SUPPORT_WORKER, null);
		String givenName = Fixtures.unique("Edith");
		String familyName = Fixtures.unique("Mailtest");
		String nhsNumber = Fixtures.nextNhsNumber();
		PersonId person = people.register(fixtures.admin,
				Fixtures.details(givenName, familyName, LocalDate.of(1938, 5, 14), nhsNumber));
		careTeams.addMember(fixtures.admin, person, socialWorker.practitionerId(), socialWorker.teamId(), "Lead", true);
		fixtures.addToCareTeam(person, nurse);
		fixtures.addToCareTeam(person, supportWorker);
		fixtures.agreement(Set.of(council, trust, charity), DataCategory.GENERAL);
		return new MailPartnership(person, givenName, familyName, nhsNumber, council, trust, charity, socialWorker,
				socialWorkerEmail, nurse, nurseEmail, supportWorker);
	}

	private Staff staff(OrganisationId organisation, Profession profession, @Nullable String email) {
		TeamId team = directory.createTeam(fixtures.admin, organisation, Fixtures.unique("Team "));
		String username = Fixtures.unique("mailuser");
		AccountId account = directory.createAccountForNewPractitioner(fixtures.admin, organisation, "Test",
				Fixtures.unique("Person"), profession, email, team, false, username, Fixtures.PASSWORD,
				EnumSet.of(Role.PRACTITIONER));
		PractitionerId practitioner = directory.accountForSignIn(username).orElseThrow().practitionerId();
		Actor actor = new Actor(account, username, practitioner, organisation,
				directory.organisation(organisation).code(), EnumSet.of(Role.PRACTITIONER), Purpose.DIRECT_CARE);
		return new Staff(username, practitioner, organisation, team, actor);
	}

}
