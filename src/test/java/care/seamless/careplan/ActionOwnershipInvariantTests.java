package care.seamless.careplan;

import java.util.UUID;

import care.seamless.SeamlessTest;
import care.seamless.careplan.CarePlanFixtures.Partnership;
import care.seamless.team.CareTeamMember;
import care.seamless.team.CareTeamRule;
import care.seamless.team.CareTeams;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No action is ever without an accountable owner, in any state: after creation, offer,
 * decline, acceptance, reassignment and closing, the owner is named and, while the action
 * is open, in the person's care team; the database refuses an ownerless row; and nobody
 * holding an open action (offered or not) can leave the care team.
 */
@SeamlessTest
class ActionOwnershipInvariantTests {

	private static final String OWNERLESS_OR_OUTSIDE = """
			select count(*) from careplan.action act
			where act.person_id = :personId and (act.owner_practitioner_id is null or act.owner_organisation_id is null
			  or (act.status in ('OPEN', 'IN_PROGRESS') and not exists (
			    select 1 from team.care_team_member m where m.person_id = act.person_id
			      and m.practitioner_id = act.owner_practitioner_id and m.period_end is null)))
			""";

	@Autowired
	CarePlanFixtures fixtures;

	@Autowired
	CarePlans carePlans;

	@Autowired
	PlanActions actions;

	@Autowired
	CareTeams careTeams;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	care.seamless.Fixtures baseFixtures;

	@Test
	void everyActionHasAnOwnerInTheCareTeamThroughEveryTransition() {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);
		UUID id = actions.add(p.socialWorker().actor(), p.person(),
				PlanActionsTests.action(p.socialWorker().practitionerId(), 5));
		assertInvariant(p);

		actions.offer(p.socialWorker().actor(), p.person(), id, version(p, id), p.charity());
		assertInvariant(p);
		assertRefusesToLeave(p, p.socialWorker().practitionerId());

		actions.decline(p.supportWorker().actor(), p.person(), id, version(p, id));
		assertInvariant(p);
		assertThat(action(p, id).ownerId()).isEqualTo(p.socialWorker().practitionerId());

		actions.offer(p.socialWorker().actor(), p.person(), id, version(p, id), p.charity());
		actions.accept(p.supportWorker().actor(), p.person(), id, version(p, id));
		assertInvariant(p);
		assertRefusesToLeave(p, p.supportWorker().practitionerId());

		baseFixtures.addToCareTeam(p.person(), p.charityManager());
		actions.reassign(p.supportWorker().actor(), p.person(), id, version(p, id),
				p.charityManager().practitionerId());
		assertInvariant(p);

		actions.changeStatus(p.charityManager().actor(), p.person(), id, version(p, id), ActionStatus.DONE);
		assertInvariant(p);
		assertThat(action(p, id).ownerId()).isEqualTo(p.charityManager().practitionerId());
		// A closed action no longer holds its owner in the care team, but it keeps the
		// owner's name.
		CareTeamMember manager = member(p, p.charityManager().practitionerId());
		careTeams.endMembership(p.socialWorker().actor(), manager.id(), manager.version());
		assertThat(action(p, id).ownerName()).isNotBlank();
	}

	@Test
	void theDatabaseRefusesAnActionWithoutAnOwner() {
		Partnership p = fixtures.partnership();
		UUID plan = carePlans.start(p.socialWorker().actor(), p.person(), null);

		assertThatThrownBy(() -> jdbc.sql("""
				insert into careplan.action (id, plan_id, person_id, kind, description, category,
				       owner_organisation_id, owner_practitioner_id, due_on, status)
				values (:id, :plan, :person, 'ACTION', 'x', 'GENERAL', :org, null, current_date, 'OPEN')
				""")
			.param("id", UUID.randomUUID())
			.param("plan", plan)
			.param("person", p.person().id())
			.param("org", p.council().id())
			.update()).isInstanceOf(DataIntegrityViolationException.class);
	}

	private void assertInvariant(Partnership p) {
		assertThat(jdbc.sql(OWNERLESS_OR_OUTSIDE).param("personId", p.person().id()).query(Long.class).single())
			.isZero();
	}

	private void assertRefusesToLeave(Partnership p, care.seamless.shared.PractitionerId practitioner) {
		CareTeamMember member = member(p, practitioner);
		assertThatThrownBy(() -> careTeams.endMembership(p.socialWorker().actor(), member.id(), member.version()))
			.isInstanceOf(CareTeamRule.class);
		assertThat(careTeams.isCurrentMember(p.person(), practitioner)).isTrue();
	}

	private CareTeamMember member(Partnership p, care.seamless.shared.PractitionerId practitioner) {
		return careTeams.members(p.person())
			.stream()
			.filter(m -> m.practitionerId().equals(practitioner) && m.periodEnd() == null)
			.findFirst()
			.orElseThrow();
	}

	private Action action(Partnership p, UUID id) {
		return carePlans.plan(p.socialWorker().actor(), p.person())
			.orElseThrow()
			.actions()
			.stream()
			.filter(a -> a.id().equals(id))
			.findFirst()
			.orElseThrow();
	}

	private long version(Partnership p, UUID id) {
		return action(p, id).version();
	}

}
