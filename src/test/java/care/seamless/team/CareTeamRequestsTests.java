package care.seamless.team;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditLog;
import care.seamless.person.People;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Building a care team from empty on the real database: invitations across organisations,
 * handover, requests to join, allocation and ended involvements, with the audit entries
 * and the version checks.
 */
@SeamlessTest
class CareTeamRequestsTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	CareTeamRequests requests;

	@Autowired
	CareTeams careTeams;

	@Autowired
	People people;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	final class World {

		final OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);

		final OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);

		final Fixtures.Staff lead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);

		final Fixtures.Staff colleague = fixtures.practitionerIn(council, lead.teamId(), Profession.SOCIAL_WORKER,
				false);

		final Fixtures.Staff nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);

		final Fixtures.Staff nurseManager = fixtures.practitionerIn(trust, nurse.teamId(), Profession.DISTRICT_NURSE,
				true, Role.TEAM_MANAGER);

		final Fixtures.Staff leadManager = fixtures.practitionerIn(council, lead.teamId(), Profession.SOCIAL_WORKER,
				true, Role.TEAM_MANAGER);

		final PersonId person;

		World() {
			fixtures.agreement(Set.of(council, trust), DataCategory.GENERAL);
			person = fixtures.person(Fixtures.unique("Builder"), lead);
		}

		List<CareTeamMember> current() {
			return careTeams.members(person).stream().filter(m -> m.isCurrent(LocalDate.now())).toList();
		}

		boolean inTeam(Fixtures.Staff staff) {
			return current().stream().anyMatch(m -> m.practitionerId().equals(staff.practitionerId()));
		}

		PractitionerLeads lead() {
			return new PractitionerLeads(
					current().stream().filter(CareTeamMember::lead).map(CareTeamMember::practitionerId).toList());
		}

		List<String> actions(Fixtures.Staff by) {
			return auditLog.historyOf(person, 100)
				.stream()
				.filter(e -> e.account().equals(by.username()))
				.map(AuditEntry::action)
				.toList();
		}

	}

	record PractitionerLeads(List<care.seamless.shared.PractitionerId> leads) {
	}

	/**
	 * The care team's page offers each reader exactly the changes they may make, by the
	 * rule each change requires: an offered change is made, one not offered is refused.
	 */
	@Test
	void thePageOffersEachReaderOnlyTheChangesTheyMayMake() {
		World w = new World();
		requests.add(w.lead.actor(), w.person, w.colleague.practitionerId(), "Duty");
		CareTeamRequests.Added invited = requests.add(w.lead.actor(), w.person, w.nurse.practitionerId(), "Nursing");
		CareTeamView team = requests.careTeam(w.lead.actor(), w.person);
		java.util.UUID colleague = team.current()
			.stream()
			.filter(m -> m.practitionerId().equals(w.colleague.practitionerId()))
			.findFirst()
			.orElseThrow()
			.id();

		CareTeamRequests.Offers lead = requests.offers(w.lead.actor(), team);
		assertThat(lead).isEqualTo(new CareTeamRequests.Offers(true, true, Set.of(colleague), Set.of(invited.id())));
		assertThat(requests.offers(w.leadManager.actor(), team))
			.isEqualTo(new CareTeamRequests.Offers(true, true, Set.of(colleague), Set.of(invited.id())));
		// A member who is neither lead nor manager may only end their own involvement.
		CareTeamRequests.Offers member = requests.offers(w.colleague.actor(), team);
		assertThat(member).isEqualTo(new CareTeamRequests.Offers(false, false, Set.of(colleague), Set.of()));
		// The invitee's manager manages no one in the care team yet.
		assertThat(requests.offers(w.nurseManager.actor(), team))
			.isEqualTo(new CareTeamRequests.Offers(false, false, Set.of(), Set.of()));

		assertThatThrownBy(() -> requests.add(w.colleague.actor(), w.person, w.nurseManager.practitionerId(), "x"))
			.isInstanceOf(care.seamless.consent.AccessDenied.class);
		assertThatThrownBy(
				() -> requests.proposeHandover(w.colleague.actor(), w.person, w.colleague.practitionerId(), null))
			.isInstanceOf(care.seamless.consent.AccessDenied.class);
		assertThatThrownBy(
				() -> requests.withdraw(w.colleague.actor(), invited.id(), requests.request(invited.id()).version()))
			.isInstanceOf(care.seamless.consent.AccessDenied.class);
		requests.withdraw(w.leadManager.actor(), invited.id(), requests.request(invited.id()).version());
		CareTeamMember own = requests.careTeam(w.lead.actor(), w.person)
			.current()
			.stream()
			.filter(m -> m.id().equals(colleague))
			.findFirst()
			.orElseThrow();
		requests.endInvolvement(w.colleague.actor(), own.id(), own.version(), "Moved to another team");
		assertThat(w.inTeam(w.colleague)).isFalse();
	}

	@Test
	void aWithdrawnInvitationLeavesTheQueueAndCanNoLongerBeAcceptedOrWithdrawnAgain() {
		World w = new World();
		CareTeamRequests.Added invited = requests.add(w.lead.actor(), w.person, w.nurse.practitionerId(),
				"District nursing");
		long version = requests.request(invited.id()).version();
		assertThat(requests.queue(w.nurse.actor()).waiting()).hasSize(1);

		// The invitee declines; only whoever invited, the lead or a manager withdraws.
		assertThatThrownBy(() -> requests.withdraw(w.nurse.actor(), invited.id(), version))
			.isInstanceOf(care.seamless.consent.AccessDenied.class);
		assertThatThrownBy(() -> requests.withdraw(w.lead.actor(), invited.id(), version + 7))
			.isInstanceOf(ConcurrentEditException.class);
		requests.withdraw(w.lead.actor(), invited.id(), version);

		assertThat(requests.request(invited.id()).status()).isEqualTo(CareTeamRequest.Status.WITHDRAWN);
		assertThat(requests.queue(w.nurse.actor()).waiting()).isEmpty();
		assertThat(requests.queue(w.nurseManager.actor()).waiting()).isEmpty();
		long after = requests.request(invited.id()).version();
		assertThatThrownBy(() -> requests.accept(w.nurse.actor(), invited.id(), after)).isInstanceOf(CareTeamRule.class)
			.hasMessageContaining("withdrawn");
		assertThatThrownBy(() -> requests.withdraw(w.lead.actor(), invited.id(), after))
			.isInstanceOf(CareTeamRule.class);
		assertThat(w.inTeam(w.nurse)).isFalse();
		assertThat(w.actions(w.lead)).contains("withdraw-invitation");
		assertThat(auditLog.historyOf(w.person, 100)).filteredOn(e -> e.action().equals("withdraw-invitation"))
			.extracting(AuditEntry::outcome)
			.containsExactlyInAnyOrder("PERMITTED", "DENIED");
	}

	@Test
	void handoversAndRequestsToJoinAreWithdrawnByWhoeverAsked() {
		World w = new World();
		java.util.UUID handover = requests.proposeHandover(w.lead.actor(), w.person, w.colleague.practitionerId(),
				null);
		java.util.UUID join = requests.askToJoin(w.nurse.actor(), w.person, "District nursing", "Leg ulcer care");

		assertThatThrownBy(() -> requests.withdraw(w.lead.actor(), join, requests.request(join).version()))
			.isInstanceOf(care.seamless.consent.AccessDenied.class);
		requests.withdraw(w.leadManager.actor(), handover, requests.request(handover).version());
		requests.withdraw(w.nurse.actor(), join, requests.request(join).version());

		assertThat(requests.queue(w.colleague.actor()).waiting()).isEmpty();
		assertThat(requests.queue(w.lead.actor()).waiting()).isEmpty();
		assertThatThrownBy(() -> requests.accept(w.colleague.actor(), handover, requests.request(handover).version()))
			.isInstanceOf(CareTeamRule.class);
		assertThat(w.lead().leads()).containsExactly(w.lead.practitionerId());
	}

	@Test
	void aColleagueJoinsAtOnceAndAnotherOrganisationIsInvitedUntilItAccepts() {
		World w = new World();

		CareTeamRequests.Added colleague = requests.add(w.lead.actor(), w.person, w.colleague.practitionerId(),
				"Duty social worker");
		CareTeamRequests.Added nurse = requests.add(w.lead.actor(), w.person, w.nurse.practitionerId(),
				"District nursing");

		assertThat(colleague.invited()).isFalse();
		assertThat(w.inTeam(w.colleague)).isTrue();
		assertThat(nurse.invited()).isTrue();
		assertThat(w.inTeam(w.nurse)).isFalse();
		assertThat(requests.queue(w.nurse.actor()).waiting()).extracting(i -> i.request().id())
			.containsExactly(nurse.id());
		assertThat(requests.queue(w.nurseManager.actor()).waiting()).extracting(i -> i.request().id())
			.containsExactly(nurse.id());
		assertThat(requests.queue(w.nurse.actor()).waiting().get(0).personName()).isNull();

		CareTeamRequest invitation = requests.request(nurse.id());
		requests.accept(w.nurse.actor(), nurse.id(), invitation.version());

		assertThat(w.inTeam(w.nurse)).isTrue();
		assertThat(requests.request(nurse.id()).status()).isEqualTo(CareTeamRequest.Status.ACCEPTED);
		assertThat(w.actions(w.lead)).contains("add-member", "invite");
		assertThat(w.actions(w.nurse)).contains("accept-invitation");
		assertThatThrownBy(() -> requests.accept(w.nurse.actor(), nurse.id(), invitation.version()))
			.isInstanceOf(CareTeamRule.class)
			.hasMessageContaining("already been answered");
	}

	@Test
	void anInvitationAnsweredTwiceFromTwoTabsIsAConflict() {
		World w = new World();
		CareTeamRequests.Added nurse = requests.add(w.lead.actor(), w.person, w.nurse.practitionerId(), "Nursing");
		long version = requests.request(nurse.id()).version();

		requests.decline(w.nurseManager.actor(), nurse.id(), version, "Not in our area");

		assertThatThrownBy(() -> requests.accept(w.nurse.actor(), nurse.id(), version))
			.isInstanceOf(CareTeamRule.class);
		assertThat(w.inTeam(w.nurse)).isFalse();
		CareTeamRequest declined = requests.request(nurse.id());
		assertThat(declined.status()).isEqualTo(CareTeamRequest.Status.DECLINED);
		assertThat(declined.decisionReason()).isEqualTo("Not in our area");
		assertThat(declined.decidedBy()).isEqualTo(w.nurseManager.username());
	}

	@Test
	void aStaleVersionIsAConflictAndNothingChanges() {
		World w = new World();
		CareTeamRequests.Added nurse = requests.add(w.lead.actor(), w.person, w.nurse.practitionerId(), "Nursing");
		long version = requests.request(nurse.id()).version();

		assertThatThrownBy(() -> requests.accept(w.nurse.actor(), nurse.id(), version + 1))
			.isInstanceOf(ConcurrentEditException.class);
		assertThat(w.inTeam(w.nurse)).isFalse();
		assertThat(requests.request(nurse.id()).pending()).isTrue();
	}

	@Test
	void badInputIsAFieldMessageAndNothingIsSaved() {
		World w = new World();

		assertThatThrownBy(() -> requests.add(w.lead.actor(), w.person, null, "Nursing"))
			.isInstanceOfSatisfying(CareTeamRule.class, r -> assertThat(r.field()).isEqualTo("practitioner"));
		assertThatThrownBy(() -> requests.add(w.lead.actor(), w.person, w.nurse.practitionerId(), "  "))
			.isInstanceOfSatisfying(CareTeamRule.class, r -> assertThat(r.field()).isEqualTo("role"));
		assertThatThrownBy(() -> requests.add(w.lead.actor(), w.person, w.nurse.practitionerId(), "x".repeat(500)))
			.isInstanceOfSatisfying(CareTeamRule.class, r -> assertThat(r.field()).isEqualTo("role"));
		assertThatThrownBy(
				() -> requests.add(w.lead.actor(), w.person, care.seamless.shared.PractitionerId.random(), "Nursing"))
			.isInstanceOfSatisfying(CareTeamRule.class, r -> assertThat(r.field()).isEqualTo("practitioner"));
		assertThatThrownBy(() -> requests.askToJoin(w.nurse.actor(), w.person, "Nursing", "a\0b"))
			.isInstanceOfSatisfying(CareTeamRule.class, r -> assertThat(r.field()).isEqualTo("reason"));
		assertThatThrownBy(() -> requests.add(w.lead.actor(), w.person, w.lead.practitionerId(), "Again"))
			.isInstanceOfSatisfying(CareTeamRule.class, r -> assertThat(r.field()).isEqualTo("practitioner"));

		assertThat(requests.careTeam(w.lead.actor(), w.person).pending()).isEmpty();
		assertThat(w.current()).hasSize(1);
	}

	@Test
	void theLeadIsHandedOverOnlyWhenTheIncomingLeadAccepts() {
		World w = new World();
		var invited = requests.add(w.lead.actor(), w.person, w.nurse.practitionerId(), "Nursing");
		requests.accept(w.nurse.actor(), invited.id(), requests.request(invited.id()).version());

		var handover = requests.proposeHandover(w.lead.actor(), w.person, w.nurse.practitionerId(), "Nursing-led now");

		assertThat(w.lead().leads()).containsExactly(w.lead.practitionerId());
		assertThatThrownBy(
				() -> requests.proposeHandover(w.leadManager.actor(), w.person, w.colleague.practitionerId(), null))
			.isInstanceOf(CareTeamRule.class)
			.hasMessageContaining("already waiting");

		requests.accept(w.nurse.actor(), handover, requests.request(handover).version());

		assertThat(w.lead().leads()).containsExactly(w.nurse.practitionerId());
		assertThat(w.inTeam(w.lead)).isTrue();
		assertThat(w.actions(w.lead)).contains("hand-over");
		assertThat(w.actions(w.nurse)).contains("accept-handover");
	}

	@Test
	void aManagerHandsOverOnTheLeadsBehalfAndTheIncomingLeadAccepts() {
		World w = new World();
		var first = requests.proposeHandover(w.leadManager.actor(), w.person, w.colleague.practitionerId(), null);
		requests.accept(w.colleague.actor(), first, requests.request(first).version());
		assertThat(w.lead().leads()).containsExactly(w.colleague.practitionerId());
		assertThat(w.actions(w.leadManager)).contains("hand-over");
	}

	@Test
	void aRefusedPractitionerAsksToJoinAndTheLeadAcceptsOrDeclinesWithAReason() {
		World w = new World();
		var asked = requests.askToJoin(w.nurse.actor(), w.person, "District nursing", "I visit her daily");

		assertThat(requests.queue(w.lead.actor()).waiting()).singleElement().satisfies(i -> {
			assertThat(i.request().id()).isEqualTo(asked);
			assertThat(i.personName()).isNotNull();
		});
		assertThat(requests.queue(w.leadManager.actor()).waiting()).extracting(i -> i.request().id())
			.containsExactly(asked);
		assertThat(requests.queue(w.nurse.actor()).mine()).extracting(i -> i.request().id()).containsExactly(asked);
		assertThatThrownBy(() -> requests.askToJoin(w.nurse.actor(), w.person, "District nursing", "Again"))
			.isInstanceOf(CareTeamRule.class);

		assertThatThrownBy(() -> requests.decline(w.lead.actor(), asked, requests.request(asked).version(), " "))
			.isInstanceOfSatisfying(CareTeamRule.class, r -> assertThat(r.field()).isEqualTo("reason"));
		requests.accept(w.leadManager.actor(), asked, requests.request(asked).version());

		assertThat(w.inTeam(w.nurse)).isTrue();
		assertThat(w.actions(w.nurse)).contains("ask-to-join");
		assertThat(w.actions(w.leadManager)).contains("accept-join");
	}

	@Test
	void anInvolvementEndsWithItsReasonKeptInTheHistory() {
		World w = new World();
		requests.add(w.lead.actor(), w.person, w.colleague.practitionerId(), "Duty");
		CareTeamMember member = w.current()
			.stream()
			.filter(m -> m.practitionerId().equals(w.colleague.practitionerId()))
			.findFirst()
			.orElseThrow();
		CareTeamMember lead = w.current().stream().filter(CareTeamMember::lead).findFirst().orElseThrow();

		assertThatThrownBy(() -> requests.endInvolvement(w.lead.actor(), member.id(), member.version(), ""))
			.isInstanceOfSatisfying(CareTeamRule.class, r -> assertThat(r.field()).isEqualTo("reason"));
		assertThatThrownBy(() -> requests.endInvolvement(w.lead.actor(), lead.id(), lead.version(), "Leaving"))
			.isInstanceOf(CareTeamRule.class)
			.hasMessageContaining("Hand over");
		assertThatThrownBy(() -> requests.endInvolvement(w.lead.actor(), member.id(), member.version() + 1, "Moved"))
			.isInstanceOf(ConcurrentEditException.class);

		requests.endInvolvement(w.lead.actor(), member.id(), member.version(), "Moved to another team");

		assertThat(w.inTeam(w.colleague)).isFalse();
		CareTeamView view = requests.careTeam(w.lead.actor(), w.person);
		assertThat(view.ended()).singleElement().satisfies(m -> {
			assertThat(m.endReason()).isEqualTo("Moved to another team");
			assertThat(m.endedBy()).isEqualTo(w.lead.username());
		});
		assertThat(w.actions(w.lead)).contains("end-involvement");
	}

	@Test
	void aTeamManagerAllocatesSomeoneWithNoCareTeamAndSeesTheWorkload() {
		World w = new World();
		PersonId imported = people.registerImported(w.leadManager.actor(), Fixtures.details(Fixtures.unique("New"),
				Fixtures.unique("Arrival"), LocalDate.of(1950, 1, 2), Fixtures.nextNhsNumber()));

		TeamWork before = requests.teamWork(w.leadManager.actor());
		assertThat(before.unallocated()).extracting(CareTeamPeople.Unallocated::id).contains(imported);
		assertThat(requests.teamWork(w.nurseManager.actor()).unallocated()).extracting(CareTeamPeople.Unallocated::id)
			.doesNotContain(imported);
		assertThat(requests.teamWork(w.colleague.actor()).managesAny()).isFalse();

		requests.allocate(w.leadManager.actor(), imported, w.colleague.practitionerId());

		assertThat(careTeams.members(imported)).singleElement().satisfies(m -> {
			assertThat(m.lead()).isTrue();
			assertThat(m.practitionerId()).isEqualTo(w.colleague.practitionerId());
		});
		TeamWork after = requests.teamWork(w.leadManager.actor());
		assertThat(after.unallocated()).extracting(CareTeamPeople.Unallocated::id).doesNotContain(imported);
		assertThat(after.teams()).flatExtracting(TeamWork.TeamLoad::practitioners)
			.filteredOn(p -> p.practitioner().id().equals(w.colleague.practitionerId()))
			.singleElement()
			.extracting(TeamWork.PractitionerLoad::led)
			.isEqualTo(1L);
		assertThatThrownBy(() -> requests.allocate(w.leadManager.actor(), imported, w.lead.practitionerId()))
			.isInstanceOf(CareTeamRule.class);
	}

	@Test
	void theDatabaseRefusesACareTeamWithMembersButNoLead() {
		World w = new World();
		TransactionTemplate tx = new TransactionTemplate(transactions);

		assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc
			.sql("update team.care_team_member set lead = false where person_id = :p and period_end is null")
			.param("p", w.person.id())
			.update())).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(w.lead().leads()).containsExactly(w.lead.practitionerId());
	}

}
