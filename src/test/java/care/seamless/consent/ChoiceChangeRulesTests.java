package care.seamless.consent;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditLog;
import care.seamless.notification.Notice;
import care.seamless.notification.Notifications;
import care.seamless.person.People;
import care.seamless.person.Relationship;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, hole 1: a consent, dissent or objection changes only on the person's
 * instruction or on the authority of someone who may act for them, with who asked, how
 * and why recorded; the organisation an objection is against can never lift it; the
 * guardians concerned are told.
 * <p>
 * The world: the person's social worker (council) recorded an objection to sharing with
 * housing; the housing officer is in the care team; housing and the council share general
 * information under an agreement, so without the objection the officer would read the
 * council's note.
 */
@SeamlessTest
class ChoiceChangeRulesTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Choices choices;

	@Autowired
	AccessPolicy accessPolicy;

	@Autowired
	People people;

	@Autowired
	AuditLog auditLog;

	@Autowired
	Notifications notifications;

	record World(OrganisationId council, OrganisationId housing, Fixtures.Staff socialWorker,
			Fixtures.Staff housingOfficer, Fixtures.Staff councilGuardian, Fixtures.Staff housingGuardian,
			PersonId person, UUID objection) {
	}

	private World objectionAgainstHousing() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId housing = fixtures.organisation(OrganisationKind.HOUSING);
		fixtures.agreement(Set.of(council, housing), DataCategory.GENERAL);
		var socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		var housingOfficer = fixtures.practitioner(housing, Profession.HOUSING_OFFICER);
		var councilGuardian = fixtures.practitioner(council, Profession.ADMINISTRATOR, Role.CALDICOTT_GUARDIAN);
		var housingGuardian = fixtures.practitioner(housing, Profession.ADMINISTRATOR, Role.CALDICOTT_GUARDIAN);
		PersonId person = fixtures.person(Fixtures.unique("Objector"), socialWorker);
		fixtures.addToCareTeam(person, housingOfficer);
		UUID objection = choices.record(socialWorker.actor(), person,
				new NewChoice(ChoiceKind.OBJECTION, housing, null, HowGiven.VERBAL, LocalDate.now(), null, null));
		return new World(council, housing, socialWorker, housingOfficer, councilGuardian, housingGuardian, person,
				objection);
	}

	private boolean housingSeesCouncilNotes(World w) {
		return accessPolicy.decide(w.housingOfficer().actor(), w.person(), DataCategory.GENERAL, w.council())
			.permitted();
	}

	private long version(World w, UUID choice) {
		return choices.choices(w.socialWorker().actor(), w.person())
			.stream()
			.filter(c -> c.id().equals(choice))
			.findFirst()
			.orElseThrow()
			.version();
	}

	@Test
	void theOrganisationAnObjectionIsAgainstCannotWithdrawItEvenWithAReason() {
		World w = objectionAgainstHousing();
		assertThat(housingSeesCouncilNotes(w)).isFalse();

		assertThatThrownBy(() -> choices.withdraw(w.housingOfficer().actor(), w.person(), w.objection(), 0,
				ChoiceChange.byThePerson(HowAsked.IN_PERSON, "She told me she no longer minds")))
			.isInstanceOf(ObjectionAgainstOwnOrganisation.class)
			.hasMessageContaining("against your organisation");

		assertThat(housingSeesCouncilNotes(w)).isFalse();
		assertThat(choices.choices(w.socialWorker().actor(), w.person())).filteredOn(c -> c.id().equals(w.objection()))
			.singleElement()
			.satisfies(c -> assertThat(c.withdrawnAt()).isNull());
		assertThat(auditLog.historyOf(w.person(), 20)).filteredOn(e -> e.action().equals("withdraw"))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.outcome()).isEqualTo("DENIED");
				assertThat(e.account()).isEqualTo(w.housingOfficer().username());
			});
	}

	@Test
	void theOrganisationAnObjectionIsAgainstCannotOutweighItWithAConsent() {
		World w = objectionAgainstHousing();

		assertThatThrownBy(
				() -> choices.record(w.housingOfficer().actor(), w.person(),
						new NewChoice(ChoiceKind.CONSENT, w.housing(), null, HowGiven.VERBAL,
								LocalDate.now().plusDays(1), null, null)))
			.isInstanceOf(ObjectionAgainstOwnOrganisation.class);

		assertThat(choices.choices(w.socialWorker().actor(), w.person())).hasSize(1);
		assertThat(auditLog.historyOf(w.person(), 20)).filteredOn(e -> e.action().equals("record-consent"))
			.extracting(AuditEntry::outcome)
			.containsExactly("DENIED");
	}

	@Test
	void withdrawingNeedsWhoAskedHowAndWhy() {
		World w = objectionAgainstHousing();

		assertThatThrownBy(() -> choices.withdraw(w.socialWorker().actor(), w.person(), w.objection(), 0,
				new ChoiceChange(null, null, null, HowAsked.IN_PERSON, "Changed her mind")))
			.isInstanceOfSatisfying(ConsentRule.class, ex -> assertThat(ex.field()).isEqualTo("requestedBy"));
		assertThatThrownBy(() -> choices.withdraw(w.socialWorker().actor(), w.person(), w.objection(), 0,
				new ChoiceChange(RequestedBy.PERSON, null, null, null, "Changed her mind")))
			.isInstanceOfSatisfying(ConsentRule.class, ex -> assertThat(ex.field()).isEqualTo("howAsked"));
		assertThatThrownBy(() -> choices.withdraw(w.socialWorker().actor(), w.person(), w.objection(), 0,
				ChoiceChange.byThePerson(HowAsked.IN_PERSON, "  ")))
			.isInstanceOfSatisfying(ConsentRule.class, ex -> assertThat(ex.field()).isEqualTo("reason"));
		assertThat(housingSeesCouncilNotes(w)).isFalse();

		choices.withdraw(w.socialWorker().actor(), w.person(), w.objection(), 0,
				ChoiceChange.byThePerson(HowAsked.IN_PERSON, "She wants housing to know about her care"));

		assertThat(housingSeesCouncilNotes(w)).isTrue();
		assertThat(auditLog.historyOf(w.person(), 20)).filteredOn(e -> e.action().equals("withdraw"))
			.singleElement()
			.satisfies(e -> assertThat(e.outcome()).isEqualTo("PERMITTED"));
	}

	@Test
	void theGuardiansConcernedAreToldOfAWithdrawal() {
		World w = objectionAgainstHousing();

		choices.withdraw(w.socialWorker().actor(), w.person(), w.objection(), 0,
				ChoiceChange.byThePerson(HowAsked.IN_WRITING, "Her letter of today"));

		await().untilAsserted(() -> {
			assertThat(notifications.inbox(w.housingGuardian().actor())).extracting(Notice::kind)
				.contains("consent.choice_withdrawn");
			assertThat(notifications.inbox(w.councilGuardian().actor())).extracting(Notice::kind)
				.contains("consent.choice_withdrawn");
		});
	}

	@Test
	void anAttorneyOnTheRecordMayAskAndNobodyElseInTheirName() {
		World w = objectionAgainstHousing();
		people.addRelatedPerson(w.socialWorker().actor(), w.person(), Relationship.LPA_HEALTH_AND_WELFARE, "Priya Shah",
				"01632 960111", null, true);

		assertThatThrownBy(() -> choices.withdraw(w.socialWorker().actor(), w.person(), w.objection(), 0,
				new ChoiceChange(RequestedBy.ATTORNEY, "A Neighbour", null, HowAsked.BY_PHONE, "Says it is fine")))
			.isInstanceOfSatisfying(ConsentRule.class, ex -> {
				assertThat(ex.field()).isEqualTo("requesterName");
				assertThat(ex.getMessage()).contains("Priya Shah");
			});
		assertThatThrownBy(() -> choices.withdraw(w.socialWorker().actor(), w.person(), w.objection(), 0,
				new ChoiceChange(RequestedBy.ATTORNEY, " ", null, HowAsked.BY_PHONE, "Says it is fine")))
			.isInstanceOfSatisfying(ConsentRule.class, ex -> assertThat(ex.field()).isEqualTo("requesterName"));
		assertThat(housingSeesCouncilNotes(w)).isFalse();

		choices.withdraw(w.socialWorker().actor(), w.person(), w.objection(), 0, new ChoiceChange(RequestedBy.ATTORNEY,
				"Priya Shah", null, HowAsked.BY_PHONE, "Housing must know about the care at home"));

		assertThat(housingSeesCouncilNotes(w)).isTrue();
	}

	@Test
	void whenThePersonLacksCapacityOnlyABestInterestsDecisionOrRepresentativeMayChangeIt() {
		World w = objectionAgainstHousing();
		UUID assessment = choices.assessCapacity(w.socialWorker().actor(), w.person(), true, false, true, true, true,
				"Cannot understand the information about sharing");

		assertThatThrownBy(() -> choices.withdraw(w.socialWorker().actor(), w.person(), w.objection(), 0,
				ChoiceChange.byThePerson(HowAsked.IN_PERSON, "Said yes")))
			.isInstanceOfSatisfying(ConsentRule.class, ex -> assertThat(ex.field()).isEqualTo("requestedBy"));
		assertThatThrownBy(() -> choices.withdraw(w.socialWorker().actor(), w.person(), w.objection(), 0,
				new ChoiceChange(RequestedBy.BEST_INTERESTS, null, UUID.randomUUID(), HowAsked.BEST_INTERESTS,
						"Meeting")))
			.isInstanceOfSatisfying(ConsentRule.class,
					ex -> assertThat(ex.field()).isEqualTo("bestInterestsDecisionId"));

		UUID decision = choices.decideBestInterests(w.socialWorker().actor(), w.person(), assessment,
				ChoiceKind.CONSENT, w.council(), DataCategory.GENERAL, "Share care details within the council",
				"Daughter, GP", null, null);
		choices.withdraw(w.socialWorker().actor(), w.person(), w.objection(), version(w, w.objection()),
				new ChoiceChange(RequestedBy.BEST_INTERESTS, null, decision, HowAsked.BEST_INTERESTS,
						"Best-interests meeting agreed housing should know"));

		assertThat(housingSeesCouncilNotes(w)).isTrue();
	}

	@Test
	void anObjectionAgainstEveryOrganisationMayBeWithdrawnOnThePersonsRequest() {
		World w = objectionAgainstHousing();
		UUID everywhere = choices.record(w.socialWorker().actor(), w.person(),
				new NewChoice(ChoiceKind.OBJECTION, null, null, HowGiven.VERBAL, LocalDate.now(), null, null));

		choices.withdraw(w.housingOfficer().actor(), w.person(), everywhere, 0,
				ChoiceChange.byThePerson(HowAsked.IN_PERSON, "She now wants the partners to share"));

		// The objection against housing alone still stands.
		assertThat(housingSeesCouncilNotes(w)).isFalse();
	}

}
