package care.seamless.consent;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditLog;
import care.seamless.person.People;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.CareTeamChange;
import care.seamless.team.CareTeamChange.Kind;
import care.seamless.team.CareTeamMember;
import care.seamless.team.CareTeamRequests;
import care.seamless.team.CareTeams;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The decision table for changes to a care team built from empty (issue 11): who may
 * invite, answer an invitation, hand over and accept the lead, ask to join and answer,
 * end an involvement and allocate; and that the person's objection and the sharing
 * agreements still keep a newcomer's organisation out, whoever asks. Refusals go through
 * the one audited refusal like every other.
 */
@SeamlessTest
class CareTeamChangePermissionTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	WritePermissions permissions;

	@Autowired
	CareTeams careTeams;

	@Autowired
	CareTeamRequests requests;

	@Autowired
	Choices choices;

	@Autowired
	People people;

	@Autowired
	AuditLog auditLog;

	enum Who {

		LEAD, MEMBER, MANAGER_OF_LEAD, MANAGER_OF_A_MEMBER, MANAGER_ELSEWHERE, SUBJECT, MANAGER_OF_SUBJECT, STRANGER,
		SYSTEM

	}

	enum Condition {

		NONE, OBJECTION_TO_NEWCOMER, NO_AGREEMENT_WITH_NEWCOMER

	}

	/**
	 * A person led by a council social worker with a trust nurse in the care team; the
	 * newcomer is a housing officer, whose organisation shares with the council unless
	 * the row says otherwise.
	 */
	final class World {

		final OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);

		final OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);

		final OrganisationId housing = fixtures.organisation(OrganisationKind.HOUSING);

		final Fixtures.Staff lead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);

		final Fixtures.Staff managerOfLead = fixtures.practitionerIn(council, lead.teamId(), Profession.SOCIAL_WORKER,
				true, Role.TEAM_MANAGER);

		final Fixtures.Staff member = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);

		final Fixtures.Staff managerOfMember = fixtures.practitionerIn(trust, member.teamId(),
				Profession.DISTRICT_NURSE, true, Role.TEAM_MANAGER);

		final Fixtures.Staff managerElsewhere = fixtures.practitioner(trust, Profession.DISTRICT_NURSE,
				Role.TEAM_MANAGER);

		final Fixtures.Staff newcomer = fixtures.practitioner(housing, Profession.HOUSING_OFFICER);

		final Fixtures.Staff managerOfNewcomer = fixtures.practitionerIn(housing, newcomer.teamId(),
				Profession.HOUSING_OFFICER, true, Role.TEAM_MANAGER);

		final Fixtures.Staff stranger = fixtures.practitioner(trust, Profession.OCCUPATIONAL_THERAPIST);

		final PersonId person;

		World(Condition condition) {
			fixtures.agreement(Set.of(council, trust), DataCategory.GENERAL);
			if (condition != Condition.NO_AGREEMENT_WITH_NEWCOMER) {
				fixtures.agreement(Set.of(council, housing), DataCategory.GENERAL);
			}
			person = fixtures.person(Fixtures.unique("Partnership"), lead);
			fixtures.addToCareTeam(person, member);
			if (condition == Condition.OBJECTION_TO_NEWCOMER) {
				choices.record(lead.actor(), person, new NewChoice(ChoiceKind.OBJECTION, housing, null, HowGiven.VERBAL,
						LocalDate.now().minusDays(1), null, null));
			}
		}

		PractitionerId subject(Kind kind) {
			return kind == Kind.END_INVOLVEMENT ? member.practitionerId() : newcomer.practitionerId();
		}

		Actor actor(Who who, Kind kind) {
			return switch (who) {
				case LEAD -> lead.actor();
				case MEMBER -> member.actor();
				case MANAGER_OF_LEAD -> managerOfLead.actor();
				case MANAGER_OF_A_MEMBER -> managerOfMember.actor();
				case MANAGER_ELSEWHERE -> managerElsewhere.actor();
				case SUBJECT -> kind == Kind.END_INVOLVEMENT ? member.actor() : newcomer.actor();
				case MANAGER_OF_SUBJECT ->
					kind == Kind.END_INVOLVEMENT ? managerOfMember.actor() : managerOfNewcomer.actor();
				case STRANGER -> stranger.actor();
				case SYSTEM -> Actor.system("test-system");
			};
		}

	}

	record Row(Kind kind, Who who, Condition condition, boolean permitted, String policy) {

		@java.lang.Override
		public String toString() {
			return kind + " by " + who + (condition == Condition.NONE ? "" : " with " + condition) + " -> "
					+ (permitted ? "permitted" : "refused") + " by " + policy;
		}

	}

	static Row permit(Kind kind, Who who, String policy) {
		return new Row(kind, who, Condition.NONE, true, policy);
	}

	static Row refuse(Kind kind, Who who, String policy) {
		return new Row(kind, who, Condition.NONE, false, policy);
	}

	static Row refuse(Kind kind, Who who, Condition condition, String policy) {
		return new Row(kind, who, condition, false, policy);
	}

	static Stream<Row> rows() {
		Condition objection = Condition.OBJECTION_TO_NEWCOMER;
		Condition noAgreement = Condition.NO_AGREEMENT_WITH_NEWCOMER;
		return Stream.of(permit(Kind.INVITE, Who.LEAD, "lead"),
				permit(Kind.INVITE, Who.MANAGER_OF_A_MEMBER, "team-manager"),
				permit(Kind.INVITE, Who.MANAGER_OF_LEAD, "team-manager"),
				refuse(Kind.INVITE, Who.MEMBER, "relationship"),
				refuse(Kind.INVITE, Who.MANAGER_ELSEWHERE, "relationship"),
				refuse(Kind.INVITE, Who.STRANGER, "relationship"), refuse(Kind.INVITE, Who.SYSTEM, "role"),
				refuse(Kind.INVITE, Who.LEAD, objection, "objection"),
				refuse(Kind.INVITE, Who.LEAD, noAgreement, "agreement"),
				refuse(Kind.INVITE, Who.MANAGER_OF_A_MEMBER, objection, "objection"),
				permit(Kind.ACCEPT_INVITATION, Who.SUBJECT, "invitee"),
				permit(Kind.ACCEPT_INVITATION, Who.MANAGER_OF_SUBJECT, "team-manager"),
				refuse(Kind.ACCEPT_INVITATION, Who.LEAD, "relationship"),
				refuse(Kind.ACCEPT_INVITATION, Who.STRANGER, "relationship"),
				refuse(Kind.ACCEPT_INVITATION, Who.SUBJECT, objection, "objection"),
				refuse(Kind.ACCEPT_INVITATION, Who.SUBJECT, noAgreement, "agreement"),
				permit(Kind.DECLINE_INVITATION, Who.SUBJECT, "invitee"),
				new Row(Kind.DECLINE_INVITATION, Who.SUBJECT, objection, true, "invitee"),
				refuse(Kind.DECLINE_INVITATION, Who.STRANGER, "relationship"), permit(Kind.HAND_OVER, Who.LEAD, "lead"),
				permit(Kind.HAND_OVER, Who.MANAGER_OF_LEAD, "team-manager"),
				refuse(Kind.HAND_OVER, Who.MEMBER, "relationship"),
				refuse(Kind.HAND_OVER, Who.MANAGER_OF_A_MEMBER, "relationship"),
				refuse(Kind.HAND_OVER, Who.LEAD, objection, "objection"),
				refuse(Kind.HAND_OVER, Who.LEAD, noAgreement, "agreement"),
				permit(Kind.ACCEPT_HANDOVER, Who.SUBJECT, "incoming"),
				refuse(Kind.ACCEPT_HANDOVER, Who.LEAD, "relationship"),
				refuse(Kind.ACCEPT_HANDOVER, Who.MANAGER_OF_SUBJECT, "relationship"),
				refuse(Kind.ACCEPT_HANDOVER, Who.SUBJECT, noAgreement, "agreement"),
				permit(Kind.DECLINE_HANDOVER, Who.SUBJECT, "incoming"),
				refuse(Kind.DECLINE_HANDOVER, Who.LEAD, "relationship"),
				permit(Kind.ASK_TO_JOIN, Who.SUBJECT, "practitioner"),
				refuse(Kind.ASK_TO_JOIN, Who.STRANGER, "relationship"), refuse(Kind.ASK_TO_JOIN, Who.SYSTEM, "role"),
				refuse(Kind.ASK_TO_JOIN, Who.SUBJECT, objection, "objection"),
				refuse(Kind.ASK_TO_JOIN, Who.SUBJECT, noAgreement, "agreement"),
				permit(Kind.ACCEPT_JOIN, Who.LEAD, "lead"),
				permit(Kind.ACCEPT_JOIN, Who.MANAGER_OF_LEAD, "team-manager"),
				refuse(Kind.ACCEPT_JOIN, Who.MEMBER, "relationship"),
				refuse(Kind.ACCEPT_JOIN, Who.MANAGER_OF_A_MEMBER, "relationship"),
				refuse(Kind.ACCEPT_JOIN, Who.SUBJECT, "relationship"),
				refuse(Kind.ACCEPT_JOIN, Who.LEAD, objection, "objection"),
				refuse(Kind.ACCEPT_JOIN, Who.LEAD, noAgreement, "agreement"),
				permit(Kind.DECLINE_JOIN, Who.LEAD, "lead"),
				new Row(Kind.DECLINE_JOIN, Who.LEAD, objection, true, "lead"),
				refuse(Kind.DECLINE_JOIN, Who.MEMBER, "relationship"), permit(Kind.END_INVOLVEMENT, Who.LEAD, "lead"),
				permit(Kind.END_INVOLVEMENT, Who.SUBJECT, "self"),
				permit(Kind.END_INVOLVEMENT, Who.MANAGER_OF_SUBJECT, "team-manager"),
				refuse(Kind.END_INVOLVEMENT, Who.STRANGER, "relationship"),
				refuse(Kind.END_INVOLVEMENT, Who.MANAGER_ELSEWHERE, "relationship"),
				refuse(Kind.END_INVOLVEMENT, Who.SYSTEM, "role"),
				// Withdrawals: the request was made by the lead (an invitation or a
				// handover) or by the newcomer (a request to join).
				permit(Kind.WITHDRAW_INVITATION, Who.LEAD, "requester"),
				permit(Kind.WITHDRAW_INVITATION, Who.MANAGER_OF_A_MEMBER, "team-manager"),
				refuse(Kind.WITHDRAW_INVITATION, Who.SUBJECT, "relationship"),
				refuse(Kind.WITHDRAW_INVITATION, Who.MEMBER, "relationship"),
				refuse(Kind.WITHDRAW_INVITATION, Who.STRANGER, "relationship"),
				refuse(Kind.WITHDRAW_INVITATION, Who.SYSTEM, "role"),
				permit(Kind.WITHDRAW_HANDOVER, Who.LEAD, "requester"),
				permit(Kind.WITHDRAW_HANDOVER, Who.MANAGER_OF_LEAD, "team-manager"),
				refuse(Kind.WITHDRAW_HANDOVER, Who.SUBJECT, "relationship"),
				refuse(Kind.WITHDRAW_HANDOVER, Who.MANAGER_OF_A_MEMBER, "relationship"),
				permit(Kind.WITHDRAW_JOIN, Who.SUBJECT, "requester"),
				refuse(Kind.WITHDRAW_JOIN, Who.LEAD, "relationship"),
				refuse(Kind.WITHDRAW_JOIN, Who.MANAGER_OF_LEAD, "relationship"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void careTeamChangesFollowTheRule(Row row) {
		World w = new World(row.condition());
		PractitionerId requester = switch (row.kind()) {
			case WITHDRAW_INVITATION, WITHDRAW_HANDOVER -> w.lead.practitionerId();
			case WITHDRAW_JOIN -> w.newcomer.practitionerId();
			default -> null;
		};
		AccessDecision decision = permissions.careTeamChange(w.actor(row.who(), row.kind()),
				new CareTeamChange(row.kind(), w.person, w.subject(row.kind()), requester));

		assertThat(decision.permitted()).isEqualTo(row.permitted());
		assertThat(decision.policy()).isEqualTo(row.policy());
	}

	@Test
	void aRefusedInvitationIsAuditedAsRefusedAndNothingIsAsked() {
		World w = new World(Condition.OBJECTION_TO_NEWCOMER);

		assertThatThrownBy(() -> requests.add(w.lead.actor(), w.person, w.newcomer.practitionerId(), "Housing"))
			.isInstanceOfSatisfying(AccessDenied.class,
					denied -> assertThat(denied.decision().policy()).isEqualTo("objection"));

		assertThat(requests.queue(w.newcomer.actor()).waiting()).isEmpty();
		assertThat(entries(w, w.lead, "invite")).singleElement().satisfies(e -> {
			assertThat(e.outcome()).isEqualTo("DENIED");
			assertThat(e.reason()).startsWith("objection: ");
		});
	}

	@Test
	void askingToJoinWithoutAnAgreementIsRefusedAndAudited() {
		World w = new World(Condition.NO_AGREEMENT_WITH_NEWCOMER);

		assertThatThrownBy(() -> requests.askToJoin(w.newcomer.actor(), w.person, "Housing", "Her tenancy"))
			.isInstanceOfSatisfying(AccessDenied.class,
					denied -> assertThat(denied.decision().policy()).isEqualTo("agreement"));

		assertThat(requests.queue(w.lead.actor()).waiting()).isEmpty();
		assertThat(entries(w, w.newcomer, "ask-to-join")).singleElement()
			.extracting(AuditEntry::outcome)
			.isEqualTo("DENIED");
	}

	@Test
	void anInvitationAcceptedAfterThePersonObjectedIsRefused() {
		World w = new World(Condition.NONE);
		var invited = requests.add(w.lead.actor(), w.person, w.newcomer.practitionerId(), "Housing");
		choices.record(w.lead.actor(), w.person, new NewChoice(ChoiceKind.OBJECTION, w.housing, null, HowGiven.VERBAL,
				LocalDate.now().minusDays(1), null, null));

		assertThatThrownBy(
				() -> requests.accept(w.newcomer.actor(), invited.id(), requests.request(invited.id()).version()))
			.isInstanceOf(AccessDenied.class);

		assertThat(careTeams.members(w.person)).extracting(CareTeamMember::practitionerId)
			.doesNotContain(w.newcomer.practitionerId());
		assertThat(entries(w, w.newcomer, "accept-invitation")).singleElement()
			.extracting(AuditEntry::outcome)
			.isEqualTo("DENIED");
	}

	@Test
	void aManagerAllocatesOnlyPeopleTheirOrganisationRegisteredWhoHaveNoCareTeam() {
		World w = new World(Condition.NONE);
		PersonId waiting = people.registerImported(w.managerOfLead.actor(), Fixtures.details(Fixtures.unique("G"),
				Fixtures.unique("Waiting"), LocalDate.of(1944, 5, 6), Fixtures.nextNhsNumber()));
		CareTeamChange toColleague = new CareTeamChange(Kind.ALLOCATE, waiting, w.lead.practitionerId());

		assertThat(permissions.careTeamChange(w.managerOfLead.actor(), toColleague).permitted()).isTrue();
		assertThat(permissions.careTeamChange(w.lead.actor(), toColleague).policy()).isEqualTo("relationship");
		assertThat(permissions
			.careTeamChange(w.managerOfMember.actor(),
					new CareTeamChange(Kind.ALLOCATE, waiting, w.member.practitionerId()))
			.permitted()).isFalse();
		assertThat(permissions
			.careTeamChange(w.managerOfLead.actor(),
					new CareTeamChange(Kind.ALLOCATE, w.person, w.lead.practitionerId()))
			.permitted()).isFalse();
	}

	private List<AuditEntry> entries(World w, Fixtures.Staff by, String action) {
		return auditLog.historyOf(w.person, 100)
			.stream()
			.filter(e -> e.account().equals(by.username()) && e.action().equals(action))
			.toList();
	}

}
