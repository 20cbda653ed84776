package care.seamless.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.CareTeamMember;
import care.seamless.team.CareTeams;
import care.seamless.team.OrganisationKind;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Decision tables for the writes that create access (ADR 16): adding someone to a care
 * team, giving a team access, joining two records. Each row runs on the real database and
 * checks the outcome, the policy that decided it, what was (not) written, and the one
 * audit entry with its true outcome.
 */
@SeamlessTest
class WritePermissionTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	CareTeams careTeams;

	@Autowired
	AccessGrants grants;

	@Autowired
	AccessPolicy accessPolicy;

	@Autowired
	WritePermissions permissions;

	@Autowired
	LinkedIdentities linkedIdentities;

	@Autowired
	Choices choices;

	@Autowired
	AuditLog auditLog;

	@Autowired
	PlatformTransactionManager transactions;

	/** Who acts in a row. */
	enum Who {

		LEAD, MEMBER, MANAGER_OF_A_MEMBER, MANAGER_ELSEWHERE, GUARDIAN_OUTSIDE, STRANGER, ADMINISTRATOR,
		ADMINISTRATOR_ADDING_SELF

	}

	/**
	 * A person led by a council social worker, with a trust nurse in the care team; the
	 * newcomer is from a housing association no one in the care team belongs to.
	 */
	final class World {

		final OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);

		final OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);

		final OrganisationId housing = fixtures.organisation(OrganisationKind.HOUSING);

		final Fixtures.Staff lead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);

		final Fixtures.Staff member = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);

		final Fixtures.Staff managerOfMember = fixtures.practitionerIn(trust, member.teamId(),
				Profession.DISTRICT_NURSE, true, Role.TEAM_MANAGER);

		final Fixtures.Staff managerElsewhere = fixtures.practitioner(trust, Profession.DISTRICT_NURSE,
				Role.TEAM_MANAGER);

		final Fixtures.Staff guardian = fixtures.practitioner(trust, Profession.DISTRICT_NURSE,
				Role.CALDICOTT_GUARDIAN);

		final Fixtures.Staff newcomer = fixtures.practitioner(housing, Profession.HOUSING_OFFICER);

		final Fixtures.Staff administrator = fixtures.practitioner(council, Profession.ADMINISTRATOR,
				Role.ADMINISTRATOR);

		final PersonId person;

		World() {
			fixtures.agreement(Set.of(council, trust, housing), DataCategory.GENERAL);
			person = fixtures.person(Fixtures.unique("Ashdown"), lead);
			fixtures.addToCareTeam(person, member);
		}

		Actor actor(Who who) {
			return switch (who) {
				case LEAD -> lead.actor();
				case MEMBER -> member.actor();
				case MANAGER_OF_A_MEMBER -> managerOfMember.actor();
				case MANAGER_ELSEWHERE -> managerElsewhere.actor();
				case GUARDIAN_OUTSIDE -> guardian.actor();
				case STRANGER -> newcomer.actor();
				case ADMINISTRATOR, ADMINISTRATOR_ADDING_SELF -> administrator.actor();
			};
		}

		void personObjectsToHousing() {
			choices.record(lead.actor(), person, new NewChoice(ChoiceKind.OBJECTION, housing, null, HowGiven.VERBAL,
					LocalDate.now().minusDays(1), null, null));
		}

		boolean inCareTeam(Fixtures.Staff staff) {
			return careTeams.members(person)
				.stream()
				.map(CareTeamMember::practitionerId)
				.anyMatch(staff.practitionerId()::equals);
		}

		/** This row's entries by the actor for the action, newest first. */
		List<AuditEntry> audited(Actor actor, String action) {
			return auditLog.historyOf(person, 50)
				.stream()
				.filter(e -> e.account().equals(actor.username()) && e.action().equals(action))
				.toList();
		}

	}

	record Row(Who who, boolean objection, boolean permitted, String policy) {

		@java.lang.Override
		public String toString() {
			return who + (objection ? " after the person objected to the newcomer's organisation" : "") + " -> "
					+ (permitted ? "permitted" : "refused") + " by " + policy;
		}

	}

	static Stream<Row> careTeamAdditions() {
		return Stream.of(new Row(Who.LEAD, false, false, "invitation"),
				new Row(Who.MANAGER_OF_A_MEMBER, false, false, "invitation"),
				new Row(Who.ADMINISTRATOR, false, true, "administration"),
				new Row(Who.MEMBER, false, false, "relationship"),
				new Row(Who.MANAGER_ELSEWHERE, false, false, "relationship"),
				new Row(Who.GUARDIAN_OUTSIDE, false, false, "relationship"),
				new Row(Who.STRANGER, false, false, "relationship"),
				new Row(Who.ADMINISTRATOR_ADDING_SELF, false, false, "relationship"),
				new Row(Who.LEAD, true, false, "invitation"), new Row(Who.ADMINISTRATOR, true, false, "objection"));
	}

	/** Whom a direct addition adds, and how. */
	enum Joining {

		COLLEAGUE_OF_LEAD, COLLEAGUE_OF_LEAD_AS_LEAD, COLLEAGUE_OF_MEMBER, NEWCOMER_WITHOUT_AGREEMENT,
		NEWCOMER_SET_UP_WITHOUT_AGREEMENT

	}

	record Direct(Who who, Joining joining, boolean permitted, String policy) {

		@java.lang.Override
		public String toString() {
			return who + " adds " + joining + " -> " + (permitted ? "permitted" : "refused") + " by " + policy;
		}

	}

	/**
	 * The direct path (CareTeams.addMember) follows the invitations' rule: a colleague of
	 * the actor's own organisation joins at once, anyone else is invited, a new lead
	 * accepts a handover, and the agreements hold for administrators too; only the named
	 * set-up bypass skips the agreement check, and only for administrators.
	 */
	static Stream<Direct> directAdditions() {
		return Stream.of(new Direct(Who.LEAD, Joining.COLLEAGUE_OF_LEAD, true, "lead"),
				new Direct(Who.LEAD, Joining.COLLEAGUE_OF_LEAD_AS_LEAD, false, "handover"),
				new Direct(Who.LEAD, Joining.COLLEAGUE_OF_MEMBER, false, "invitation"),
				new Direct(Who.MANAGER_OF_A_MEMBER, Joining.COLLEAGUE_OF_MEMBER, true, "team-manager"),
				new Direct(Who.MEMBER, Joining.COLLEAGUE_OF_MEMBER, false, "relationship"),
				new Direct(Who.ADMINISTRATOR, Joining.NEWCOMER_WITHOUT_AGREEMENT, false, "agreement"),
				new Direct(Who.LEAD, Joining.NEWCOMER_WITHOUT_AGREEMENT, false, "invitation"),
				new Direct(Who.ADMINISTRATOR, Joining.NEWCOMER_SET_UP_WITHOUT_AGREEMENT, true, "set-up"),
				new Direct(Who.LEAD, Joining.NEWCOMER_SET_UP_WITHOUT_AGREEMENT, false, "role"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("directAdditions")
	void addingDirectlyFollowsTheSameRuleAsInvitations(Direct row) {
		World w = new World();
		Actor actor = w.actor(row.who());
		Fixtures.Staff joining = switch (row.joining()) {
			case COLLEAGUE_OF_LEAD, COLLEAGUE_OF_LEAD_AS_LEAD ->
				fixtures.practitioner(w.council, Profession.SOCIAL_WORKER);
			case COLLEAGUE_OF_MEMBER -> fixtures.practitioner(w.trust, Profession.OCCUPATIONAL_THERAPIST);
			case NEWCOMER_WITHOUT_AGREEMENT, NEWCOMER_SET_UP_WITHOUT_AGREEMENT ->
				fixtures.practitioner(fixtures.organisation(OrganisationKind.HOUSING), Profession.HOUSING_OFFICER);
		};
		boolean setUp = row.joining() == Joining.NEWCOMER_SET_UP_WITHOUT_AGREEMENT;
		boolean asLead = row.joining() == Joining.COLLEAGUE_OF_LEAD_AS_LEAD;
		Runnable add = setUp
				? () -> careTeams.addMemberBypassingAgreementsForSetUp(actor, w.person, joining.practitionerId(),
						joining.teamId(), "Housing", false)
				: () -> careTeams.addMember(actor, w.person, joining.practitionerId(), joining.teamId(), "Member",
						asLead);
		if (row.permitted()) {
			add.run();
			assertThat(w.inCareTeam(joining)).isTrue();
		}
		else {
			assertThatThrownBy(add::run).isInstanceOfSatisfying(AccessDenied.class,
					denied -> assertThat(denied.decision().policy()).isEqualTo(row.policy()));
			assertThat(w.inCareTeam(joining)).isFalse();
		}
		String action = setUp ? "set-up-member" : asLead ? "add-lead" : "add-member";
		assertThat(w.audited(actor, action)).singleElement().satisfies(e -> {
			assertThat(e.outcome()).isEqualTo(row.permitted() ? "PERMITTED" : "DENIED");
			assertThat(e.reason()).startsWith(row.policy() + ": ");
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("careTeamAdditions")
	void addingToACareTeamFollowsTheRule(Row row) {
		World w = new World();
		if (row.objection()) {
			w.personObjectsToHousing();
		}
		Actor actor = w.actor(row.who());
		Fixtures.Staff joining = row.who() == Who.ADMINISTRATOR_ADDING_SELF ? w.administrator : w.newcomer;
		if (row.permitted()) {
			careTeams.addMember(actor, w.person, joining.practitionerId(), joining.teamId(), "Housing", false);
			assertThat(w.inCareTeam(joining)).isTrue();
		}
		else {
			assertThatThrownBy(() -> careTeams.addMember(actor, w.person, joining.practitionerId(), joining.teamId(),
					"Housing", false))
				.isInstanceOfSatisfying(AccessDenied.class,
						denied -> assertThat(denied.decision().policy()).isEqualTo(row.policy()));
			assertThat(w.inCareTeam(joining)).isFalse();
		}
		List<AuditEntry> entries = w.audited(actor, "add-member");
		assertThat(entries).singleElement().satisfies(e -> {
			assertThat(e.outcome()).isEqualTo(row.permitted() ? "PERMITTED" : "DENIED");
			assertThat(e.reason()).startsWith(row.policy() + ": ");
		});
	}

	static Stream<Row> teamGrants() {
		return Stream.of(new Row(Who.LEAD, false, true, "lead"),
				new Row(Who.ADMINISTRATOR, false, true, "administration"), new Row(Who.MEMBER, false, false, "role"),
				new Row(Who.MANAGER_OF_A_MEMBER, false, false, "role"),
				new Row(Who.GUARDIAN_OUTSIDE, false, false, "relationship"),
				new Row(Who.STRANGER, false, false, "separation"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("teamGrants")
	void givingATeamAccessFollowsTheRule(Row row) {
		World w = new World();
		Actor actor = w.actor(row.who());
		Instant expires = Instant.now().plus(7, ChronoUnit.DAYS);
		Set<DataCategory> general = Set.of(DataCategory.GENERAL);
		if (row.permitted()) {
			grants.grant(actor, w.person, w.newcomer.teamId(), general, expires, "referral");
			assertThat(accessPolicy.decideRecord(w.newcomer.actor(), w.person).permitted()).isTrue();
			assertThat(w.audited(actor, "grant-general")).singleElement()
				.satisfies(e -> assertThat(e.reason()).startsWith(row.policy() + ": "))
				.extracting(AuditEntry::outcome)
				.isEqualTo("PERMITTED");
		}
		else {
			assertThatThrownBy(() -> grants.grant(actor, w.person, w.newcomer.teamId(), general, expires, "referral"))
				.isInstanceOfSatisfying(AccessDenied.class,
						denied -> assertThat(denied.decision().policy()).isEqualTo(row.policy()));
			assertThat(accessPolicy.decideRecord(w.newcomer.actor(), w.person).permitted()).isFalse();
			assertThat(w.audited(actor, "grant-general")).isEmpty();
			assertThat(w.audited(actor, "grant")).singleElement().extracting(AuditEntry::outcome).isEqualTo("DENIED");
		}
	}

	static Stream<Row> identityLinks() {
		return Stream.of(new Row(Who.MANAGER_OF_A_MEMBER, false, true, "relationship"),
				new Row(Who.ADMINISTRATOR, false, true, "administration"), new Row(Who.LEAD, false, false, "role"),
				new Row(Who.MEMBER, false, false, "role"), new Row(Who.MANAGER_ELSEWHERE, false, false, "relationship"),
				new Row(Who.GUARDIAN_OUTSIDE, false, false, "relationship"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("identityLinks")
	void joiningTwoRecordsFollowsTheRule(Row row) {
		World w = new World();
		PersonId other = fixtures.person(Fixtures.unique("Ashdown"), w.newcomer);
		Actor actor = w.actor(row.who());
		@Nullable AccessDenied refused = joinKeepingTheAudit(actor, w.person, other);
		if (row.permitted()) {
			assertThat(refused).isNull();
			assertThat(linkedIdentities.recordsOf(other)).contains(w.person);
		}
		else {
			assertThat(refused).isNotNull();
			assertThat(refused.decision().policy()).isEqualTo(row.policy());
			assertThat(linkedIdentities.recordsOf(other)).containsExactly(other);
		}
		assertThat(auditLog.historyOf(other, 10)
			.stream()
			.filter(e -> e.account().equals(actor.username()) && e.action().equals("link"))).singleElement()
			.satisfies(e -> assertThat(e.reason()).startsWith(row.policy() + ": "))
			.extracting(AuditEntry::outcome)
			.isEqualTo(row.permitted() ? "PERMITTED" : "DENIED");
	}

	/**
	 * Joins in a transaction that commits even when the join is refused, as the linkage
	 * module's own do, so the refusal's audit entry can be read.
	 */
	private @Nullable AccessDenied joinKeepingTheAudit(Actor actor, PersonId survivor, PersonId merged) {
		return new TransactionTemplate(transactions).execute(status -> {
			try {
				linkedIdentities.join(actor, survivor, null, merged, null);
				return null;
			}
			catch (AccessDenied denied) {
				return denied;
			}
		});
	}

}
