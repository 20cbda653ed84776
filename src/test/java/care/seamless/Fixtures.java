package care.seamless;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import java.util.Arrays;
import java.util.UUID;

import care.seamless.partnership.AgreementStatus;
import care.seamless.partnership.Agreements;
import care.seamless.partnership.NewAgreement;
import care.seamless.person.People;
import care.seamless.person.PersonDetails;
import care.seamless.person.Sex;
import care.seamless.shared.AccountId;
import care.seamless.shared.DataCategory;
import care.seamless.shared.Actor;
import care.seamless.shared.NhsNumber;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Purpose;
import care.seamless.shared.Role;
import care.seamless.shared.TeamId;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
import care.seamless.shared.Profession;

import org.springframework.stereotype.Component;

/**
 * Builds test data through the modules' public APIs, with unique names so tests sharing
 * one database never collide.
 */
@Component
public class Fixtures {

	public static final String PASSWORD = "correct-horse-battery";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static final AtomicInteger NHS_SEQUENCE = new AtomicInteger(100_000);

	private final Directory directory;

	private final People people;

	private final CareTeams careTeams;

	public final Actor admin = Actor.system("test-admin");

	private final Agreements agreements;

	Fixtures(Directory directory, People people, CareTeams careTeams, Agreements agreements) {
		this.agreements = agreements;
		this.directory = directory;
		this.people = people;
		this.careTeams = careTeams;
	}

	public record Staff(String username, PractitionerId practitionerId, OrganisationId organisationId, TeamId teamId,
			Actor actor) {
	}

	public static String unique(String prefix) {
		return prefix + SEQUENCE.incrementAndGet();
	}

	public OrganisationId organisation(OrganisationKind kind) {
		String code = "T" + SEQUENCE.incrementAndGet();
		return directory.createOrganisation(admin, code, "Test organisation " + code, kind);
	}

	public Staff practitioner(OrganisationId organisation, Profession profession, Role... roles) {
		TeamId team = directory.createTeam(admin, organisation, unique("Team "));
		return practitionerIn(organisation, team, profession, false, roles);
	}

	public Staff practitionerIn(OrganisationId organisation, TeamId team, Profession profession, boolean manager,
			Role... roles) {
		String username = unique("user");
		Set<Role> roleSet = roles.length == 0 ? EnumSet.of(Role.PRACTITIONER) : EnumSet.of(roles[0], roles);
		AccountId account = directory.createAccountForNewPractitioner(admin, organisation, "Test", unique("Person"),
				profession, null, team, manager, username, PASSWORD, roleSet);
		PractitionerId practitioner = directory.accountForSignIn(username).orElseThrow().practitionerId();
		String code = directory.organisation(organisation).code();
		return new Staff(username, practitioner, organisation, team,
				new Actor(account, username, practitioner, organisation, code, roleSet, Purpose.DIRECT_CARE));
	}

	public static PersonDetails details(String givenName, String familyName, LocalDate dob, String nhsNumber) {
		return new PersonDetails(nhsNumber, null, givenName, familyName, null, "Call me " + givenName, dob, Sex.FEMALE,
				null, "1 Test Street", null, "Riverside", "RV1 2AB", "01632 960000", null, "English", false, null);
	}

	public PersonId person(String familyName, Staff lead) {
		PersonId id = people.register(admin,
				details(unique("Given"), familyName, LocalDate.of(1940, 3, 27), nextNhsNumber()));
		careTeams.addMember(admin, id, lead.practitionerId(), lead.teamId(), "Lead", true);
		return id;
	}

	public void addToCareTeam(PersonId person, Staff member) {
		// Many tests build partnerships without (or before) agreements, on purpose.
		careTeams.addMemberBypassingAgreementsForSetUp(admin, person, member.practitionerId(), member.teamId(),
				"Member", false);
	}

	/**
	 * An active direct-care agreement between the organisations for the categories, in
	 * force since last month.
	 */
	public UUID agreement(Set<OrganisationId> parties, DataCategory... categories) {
		return agreements.create(admin,
				new NewAgreement(unique("Agreement "), "UK GDPR 6(1)(e), 9(2)(h)", parties,
						EnumSet.of(Purpose.DIRECT_CARE), EnumSet.copyOf(Arrays.asList(categories)),
						LocalDate.now().minusMonths(1), LocalDate.now().plusYears(1), AgreementStatus.ACTIVE));
	}

	/** A fresh valid NHS number from the 999 test range. */
	public static String nextNhsNumber() {
		while (true) {
			String nhs = NhsNumber.withCheckDigit("999" + String.format("%06d", NHS_SEQUENCE.incrementAndGet()));
			if (nhs != null) {
				return nhs;
			}
		}
	}

}
