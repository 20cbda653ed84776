package care.seamless.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.assessment.AnswerSource;
import care.seamless.assessment.Assessments;
import care.seamless.assessment.EpisodeId;
import care.seamless.assessment.SectionState;
import care.seamless.assessment.SectionStatus;
import care.seamless.assessment.instrument.Stage;
import care.seamless.careplan.ActionQueues;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.Section;
import care.seamless.notification.Notifications;
import care.seamless.person.People;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static care.seamless.web.CareTeamJourneyBrowserTests.invite;
import static care.seamless.web.CareTeamJourneyBrowserTests.signIn;
import static care.seamless.web.FindingsFlowJourneyBrowserTests.click;
import static care.seamless.web.FindingsFlowJourneyBrowserTests.waitForText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Multi-agency working from an empty care team (issue 11): a social worker registers
 * someone, invites a district nurse and an occupational therapist from two other
 * organisations, who accept; each records their part of the overview, which the social
 * worker completes; eligibility opens pre-ticked from the findings; the plan's actions
 * are offered to the nurse's and the therapist's organisations, each of which accepts;
 * one becomes overdue, the nurse's team manager chases it, and the nurse sees the notice.
 */
@SeamlessTest
class MultiAgencyJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Autowired
	Assessments assessments;

	@Autowired
	CarePlans carePlans;

	@Autowired
	CarePlanFixtures planFixtures;

	@Autowired
	ActionQueues queues;

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPartnershipWorksTogetherFromAnEmptyCareTeamToAChasedOverdueAction() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId community = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		OrganisationId hospital = fixtures.organisation(OrganisationKind.NHS_ACUTE_TRUST);
		fixtures.agreement(Set.of(council, community, hospital), DataCategory.GENERAL, DataCategory.SAFEGUARDING);
		Fixtures.Staff socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		Fixtures.Staff nurse = fixtures.practitioner(community, Profession.DISTRICT_NURSE);
		Fixtures.Staff nurseManager = fixtures.practitionerIn(community, nurse.teamId(), Profession.DISTRICT_NURSE,
				true, Role.PRACTITIONER, Role.TEAM_MANAGER);
		Fixtures.Staff therapist = fixtures.practitioner(hospital, Profession.OCCUPATIONAL_THERAPIST);
		// Registering makes the social worker the lead of a care team with nobody else
		// in.
		PersonId person = people.register(socialWorker.actor(),
				Fixtures.details("Łucja", "Nowak-Ó Súilleabháin", LocalDate.of(1941, 2, 14), Fixtures.nextNhsNumber()));
		String careTeam = "/people/" + person + "/care-team";

		try (Browser browser = new Browser(port)) {
			signIn(browser, socialWorker);
			invite(browser, careTeam, nurse, "District nursing");
			invite(browser, careTeam, therapist, "Occupational therapy");
			for (Fixtures.Staff invitee : new Fixtures.Staff[] { nurse, therapist }) {
				signIn(browser, invitee);
				browser.open("/care-teams/requests");
				browser.clickThrough(By.cssSelector("#waiting .accept-request"));
				assertThat(browser.text(By.id("nothing-waiting"))).isNotBlank();
			}

			// Each records their part of the overview; the social worker completes it.
			EpisodeId episode = overviewInThreeParts(socialWorker.actor(), nurse.actor(), therapist.actor(), person);
			signIn(browser, socialWorker);
			browser.open("/people/" + person + "/assessments/" + episode);
			click(browser, By.cssSelector("label[for=confirmed]"));
			click(browser, By.id("complete"));
			waitForText(browser, By.id("episode-status"), "Completed");
			click(browser, By.id("eligibility-from-assessment"));
			browser.waitFor(By.id("eligibility-form"));
			assertThat(browser.driver().findElement(By.id("outcome-hygiene")).isSelected()).isTrue();

			// Actions owned across organisations are offered, and each organisation
			// accepts.
			carePlans.start(socialWorker.actor(), person, null);
			carePlans.addObjective(socialWorker.actor(), person, CarePlanFixtures.objective("Wash and dress each day",
					Section.HEALTH, Set.of(council, community, hospital)));
			UUID dressings = addAction(browser, person, nurse, "Dress the leg ulcer twice a week");
			UUID rail = addAction(browser, person, therapist, "Fit a grab rail by the bath");
			accept(browser, nurse, person, dressings);
			accept(browser, therapist, person, rail);

			// Time passes: actions cannot be created overdue, so the database moves the
			// due date into the past, as the escalation job would then find it.
			planFixtures.makeOverdue(dressings, 3);
			queues.escalateOverdue();
			signIn(browser, nurseManager);
			browser.clickThrough(By.id("nav-queue"));
			browser.waitFor(By.id("escalated-" + dressings));
			browser.clickThrough(By.id("chase-" + dressings));
			assertThat(browser.text(By.cssSelector(".govuk-notification-banner")))
				.contains("The owner has been sent a reminder");

			await().until(() -> notifications.inbox(nurse.actor())
				.stream()
				.anyMatch(n -> n.kind().equals("careplan.action_chased")));
			signIn(browser, nurse);
			browser.clickThrough(By.id("nav-inbox"));
			assertThat(browser.text(By.id("notices")))
				.contains("Your team manager asked about an overdue action you own")
				.contains("Nowak-Ó Súilleabháin");
		}
	}

	/**
	 * The social worker opens the overview; the nurse records personal care (washing
	 * severe), the therapist safety and mental health, each signing their own; the social
	 * worker marks the rest not relevant.
	 */
	private EpisodeId overviewInThreeParts(Actor socialWorker, Actor nurse, Actor therapist, PersonId person) {
		EpisodeId episode = assessments.open(socialWorker, person, Stage.OVERVIEW);
		part(nurse, person, episode, "personal-care", Map.of("washing", "3", "dressing", "1"));
		part(therapist, person, episode, "safety", Map.of("safeguarding-concern", "false"));
		part(therapist, person, episode, "mental-health", Map.of("memory-concern", "false"));
		for (SectionState section : assessments.episode(socialWorker, person, episode).sections()) {
			if (section.status() != SectionStatus.SIGNED && section.status() != SectionStatus.IN_PROGRESS) {
				assessments.markNotRelevant(socialWorker, person, episode, "sap-overview", section.section().id(),
						section.version(), "Nothing raised");
			}
		}
		return episode;
	}

	private void part(Actor actor, PersonId person, EpisodeId episode, String section, Map<String, String> answers) {
		long version = assessments.section(actor, person, episode, "sap-overview", section).state().version();
		assessments.saveSection(actor, person, episode, "sap-overview", section, version, AnswerSource.OBSERVATION,
				answers);
		long saved = assessments.section(actor, person, episode, "sap-overview", section).state().version();
		assessments.signSection(actor, person, episode, "sap-overview", section, saved);
	}

	/** The owner's organisation accepts the offer from the plan page. */
	private void accept(Browser browser, Fixtures.Staff owner, PersonId person, UUID action) {
		signIn(browser, owner);
		browser.open("/people/" + person + "/care-plan");
		browser.clickThrough(By.id("accept-" + action));
		browser.waitFor(By.id("action-" + action));
		assertThat(browser.driver().findElements(By.cssSelector("#action-" + action + " .offered"))).isEmpty();
	}

	private UUID addAction(Browser browser, PersonId person, Fixtures.Staff owner, String description) {
		browser.open("/people/" + person + "/care-plan/actions/new");
		click(browser, By.xpath("//input[@name='kind' and @value='ACTION']/following-sibling::label"));
		browser.type("description", description);
		new Select(browser.driver().findElement(By.id("owner"))).selectByValue(owner.practitionerId().toString());
		LocalDate due = LocalDate.now().plusDays(14);
		browser.type("dueDay", Integer.toString(due.getDayOfMonth()));
		browser.type("dueMonth", Integer.toString(due.getMonthValue()));
		browser.type("dueYear", Integer.toString(due.getYear()));
		new Select(browser.driver().findElement(By.id("category"))).selectByValue("GENERAL");
		browser.clickThrough(By.id("save-action"));
		UUID id = jdbc.sql("select id from careplan.action where person_id = :p and description = :d")
			.param("p", person.id())
			.param("d", description)
			.query(UUID.class)
			.single();
		browser.waitFor(By.cssSelector("#action-" + id + " .offered"));
		return id;
	}

}
