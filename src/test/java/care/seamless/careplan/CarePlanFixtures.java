package care.seamless.careplan;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;

import org.springframework.stereotype.Component;

/**
 * A small partnership around one person: a council social worker (lead), a district nurse
 * and a voluntary-sector support worker in the care team, each in a team with a manager,
 * and an agreement so they share general information.
 */
@Component
public class CarePlanFixtures {

	private final Fixtures fixtures;

	private final CarePlans carePlans;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	CarePlanFixtures(Fixtures fixtures, CarePlans carePlans, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.fixtures = fixtures;
		this.carePlans = carePlans;
		this.jdbc = jdbc;
	}

	/**
	 * Lets time pass for an action: it cannot be created overdue, so the database moves
	 * its due date {@code days} into the past.
	 */
	public void makeOverdue(UUID action, int days) {
		jdbc.sql("update careplan.action set due_on = current_date - :days where id = :id")
			.param("days", days)
			.param("id", action)
			.update();
	}

	public record Partnership(PersonId person, String familyName, OrganisationId council, OrganisationId trust,
			OrganisationId charity, Staff socialWorker, Staff nurse, Staff supportWorker, Staff councilManager,
			Staff charityManager) {
	}

	public Partnership partnership() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		OrganisationId charity = fixtures.organisation(OrganisationKind.VOLUNTARY_SECTOR);
		Staff socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		Staff councilManager = fixtures.practitionerIn(council, socialWorker.teamId(), Profession.CARE_MANAGER, true,
				Role.PRACTITIONER, Role.TEAM_MANAGER);
		Staff nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		Staff supportWorker = fixtures.practitioner(charity, Profession.SUPPORT_WORKER);
		Staff charityManager = fixtures.practitionerIn(charity, supportWorker.teamId(), Profession.SUPPORT_WORKER, true,
				Role.PRACTITIONER, Role.TEAM_MANAGER);
		String familyName = Fixtures.unique("Planned");
		PersonId person = fixtures.person(familyName, socialWorker);
		fixtures.addToCareTeam(person, nurse);
		fixtures.addToCareTeam(person, supportWorker);
		fixtures.agreement(Set.of(council, trust, charity), DataCategory.GENERAL, DataCategory.THIRD_PARTY);
		return new Partnership(person, familyName, council, trust, charity, socialWorker, nurse, supportWorker,
				councilManager, charityManager);
	}

	public static NewObjective objective(String description, Section section, Set<OrganisationId> partners) {
		return new NewObjective(null, section, description, "Walks to the corner shop twice a week",
				"Number of trips a week, from the person's diary", LocalDate.now().plusMonths(3), List.of("d450"),
				partners, DataCategory.GENERAL);
	}

	/**
	 * A started plan with one social care objective (council) and one health objective
	 * (trust).
	 */
	public UUID[] planWithTwoObjectives(Partnership p) {
		carePlans.start(p.socialWorker().actor(), p.person(), null);
		UUID social = carePlans.addObjective(p.socialWorker().actor(), p.person(),
				objective("Get out to the shops again", Section.SOCIAL_CARE, Set.of(p.council(), p.charity())));
		UUID health = carePlans.addObjective(p.socialWorker().actor(), p.person(),
				objective("Leg ulcer healed", Section.HEALTH, Set.of(p.trust())));
		return new UUID[] { social, health };
	}

}
