package care.seamless.training;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.consent.OverrideReason;
import care.seamless.consent.Overrides;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Joint training on the real database and through the pages: coverage for two new
 * organisations worked by hand, expiry and the worklist's due training, break glass
 * without current information-governance training recorded and flagged to the guardian,
 * every problem of a bad form at once with nothing saved, stale attendance as a conflict,
 * and who may record.
 */
@SeamlessTest
class TrainingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Training training;

	@Autowired
	Overrides overrides;

	@Autowired
	JdbcClient jdbc;

	record World(OrganisationId council, OrganisationId trust, Staff manager, Staff social, Staff nurse, Staff gp) {
	}

	World world() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		Staff social = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		Staff manager = fixtures.practitionerIn(council, social.teamId(), Profession.CARE_MANAGER, true,
				Role.PRACTITIONER, Role.TEAM_MANAGER);
		return new World(council, trust, manager, social, fixtures.practitioner(trust, Profession.DISTRICT_NURSE),
				fixtures.practitioner(trust, Profession.DISTRICT_NURSE));
	}

	UUID course(World w, Topic topic, int months) {
		return training.addCourse(w.manager().actor(), topic.name(), Fixtures.unique("Course "),
				Integer.toString(months));
	}

	UUID held(World w, UUID course, LocalDate on, Map<String, String> marks) {
		UUID session = training.recordSession(w.manager().actor(), course.toString(), on.toString(), "Town hall",
				"A trainer");
		training.recordAttendance(w.manager().actor(), session, 0, marks);
		return session;
	}

	static String id(Staff staff) {
		return staff.practitionerId().id().toString();
	}

	@Test
	void coverageCountsEachPartnersStaffAndWhoTrainedTogether() {
		World w = world();
		UUID ig = course(w, Topic.INFORMATION_GOVERNANCE, 24);
		UUID safeguarding = course(w, Topic.SAFEGUARDING, 36);
		LocalDate today = LocalDate.now();
		// Joint: social (council) and nurse (trust) complete; gp (trust) only attends.
		held(w, ig, today.minusMonths(1),
				Map.of(id(w.social()), "COMPLETED", id(w.nurse()), "COMPLETED", id(w.gp()), "ATTENDED"));
		// Council only: the manager completes safeguarding; an expired one for the social
		// worker does not count.
		held(w, safeguarding, today.minusMonths(2), Map.of(id(w.manager()), "COMPLETED"));
		held(w, safeguarding, today.minusMonths(37), Map.of(id(w.social()), "COMPLETED"));

		Coverage coverage = training.coverage();
		Coverage.Row council = row(coverage, "Test organisation " + code(w.council()));
		Coverage.Row trust = row(coverage, "Test organisation " + code(w.trust()));
		assertThat(council.staff()).isEqualTo(2);
		assertThat(council.figure(Topic.INFORMATION_GOVERNANCE)).isEqualTo(new Coverage.Figure(1, 1));
		assertThat(council.figure(Topic.SAFEGUARDING)).isEqualTo(new Coverage.Figure(1, 0));
		assertThat(trust.staff()).isEqualTo(2);
		assertThat(trust.figure(Topic.INFORMATION_GOVERNANCE)).isEqualTo(new Coverage.Figure(1, 1));
		assertThat(trust.figure(Topic.SAFEGUARDING)).isEqualTo(new Coverage.Figure(0, 0));
		assertThat(training.current(w.social().practitionerId(), Topic.SAFEGUARDING)).isFalse();
		assertThat(training.current(w.manager().practitionerId(), Topic.SAFEGUARDING)).isTrue();
	}

	@Test
	void trainingRunningOutFallsDueForThePersonAndTheirManager() {
		World w = world();
		UUID ig = course(w, Topic.INFORMATION_GOVERNANCE, 24);
		// Runs out in about a month: due. A newer completion would settle it.
		held(w, ig, LocalDate.now().minusMonths(23), Map.of(id(w.social()), "COMPLETED"));
		assertThat(training.dueFor(w.social().actor())).singleElement()
			.satisfies((d) -> assertThat(d.topic()).isEqualTo(Topic.INFORMATION_GOVERNANCE));
		assertThat(training.dueFor(w.manager().actor())).extracting(TrainingDue::practitionerId)
			.containsExactly(w.social().practitionerId());
		assertThat(training.dueFor(w.nurse().actor())).isEmpty();
		held(w, ig, LocalDate.now().minusDays(1), Map.of(id(w.social()), "COMPLETED"));
		assertThat(training.dueFor(w.social().actor())).isEmpty();
	}

	@Test
	void breakGlassWithoutCurrentInformationGovernanceTrainingIsRecordedAndFlaggedToTheGuardian() throws Exception {
		World w = world();
		Staff guardian = fixtures.practitioner(w.trust(), Profession.ADMINISTRATOR, Role.CALDICOTT_GUARDIAN);
		PersonId person = fixtures.person(Fixtures.unique("Glass"), w.social());
		UUID ig = course(w, Topic.INFORMATION_GOVERNANCE, 24);
		held(w, ig, LocalDate.now().minusMonths(3), Map.of(id(w.gp()), "COMPLETED"));

		String form = mvc
			.perform(get("/people/" + person.id() + "/override")
				.with(httpBasic(w.nurse().username(), Fixtures.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("id=\"training-warning\"");
		String trainedForm = mvc
			.perform(get("/people/" + person.id() + "/override").with(httpBasic(w.gp().username(), Fixtures.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(trainedForm).doesNotContain("training-warning");

		UUID untrained = overrides.breakGlass(w.nurse().actor(), person, OverrideReason.EMERGENCY_CARE,
				"Unconscious at home, need medicines");
		UUID trained = overrides.breakGlass(w.gp().actor(), person, OverrideReason.EMERGENCY_CARE,
				"Unconscious at home, need medicines");
		assertThat(withoutTraining(untrained)).isTrue();
		assertThat(withoutTraining(trained)).isFalse();
		assertThat(overrides.awaitingReview(guardian.actor()))
			.filteredOn((o) -> o.id().equals(untrained) || o.id().equals(trained))
			.extracting((o) -> o.withoutTraining())
			.containsExactlyInAnyOrder(true, false);
		String dashboard = mvc.perform(get("/caldicott").with(httpBasic(guardian.username(), Fixtures.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(dashboard).contains("No current information-governance training");
		assertThat(jdbc.sql("select reason from audit.entry where record_id = :id and action = 'break-glass'")
			.param("id", untrained.toString())
			.query(String.class)
			.single()).contains("without current information-governance training");
	}

	@Test
	void aBadFormNamesEveryProblemAtOnceAndSavesNothing() throws Exception {
		World w = world();
		String name = Fixtures.unique("Bad course ");
		String page = mvc
			.perform(post("/training/courses").with(httpBasic(w.manager().username(), Fixtures.PASSWORD))
				.with(csrf())
				.param("topic", "ASTROLOGY")
				.param("name", "")
				.param("validityMonths", "twelve"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Choose what the course is about")
			.contains("Enter the course&#39;s name")
			.contains("Enter how many months the training stays valid");
		mvc.perform(post("/training/courses").with(httpBasic(w.manager().username(), Fixtures.PASSWORD))
			.with(csrf())
			.param("topic", "SAFEGUARDING")
			.param("name", name + "\u0000")
			.param("validityMonths", "12")).andExpect(status().isBadRequest());
		assertThat(training.courses()).noneMatch((c) -> c.name().startsWith(name));

		String session = mvc
			.perform(post("/training/sessions").with(httpBasic(w.manager().username(), Fixtures.PASSWORD))
				.with(csrf())
				.param("course", UUID.randomUUID().toString())
				.param("heldOn", "2027-02-31")
				.param("place", "")
				.param("trainer", "x".repeat(501)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(session).contains("Choose the course from the list")
			.contains("Enter a real date")
			.contains("Enter where the session is held")
			.contains("500 characters or fewer");

		UUID course = course(w, Topic.MENTAL_CAPACITY, 36);
		UUID held = training.recordSession(w.manager().actor(), course.toString(),
				LocalDate.now().minusDays(3).toString(), "Hall", "Trainer");
		assertThatThrownBy(() -> training.recordAttendance(w.manager().actor(), held, 0,
				Map.of(id(w.social()), "COMPLETED", id(w.nurse()), "PASSED_WITH_HONOURS", UUID.randomUUID().toString(),
						"COMPLETED")))
			.isInstanceOfSatisfying(TrainingRule.class, (ex) -> assertThat(ex.violations()).hasSize(2));
		assertThat(training.session(held).attendees()).isZero();
		training.recordAttendance(w.manager().actor(), held, 0, Map.of(id(w.social()), "COMPLETED"));
		// A second tab still holding version 0.
		assertThatThrownBy(
				() -> training.recordAttendance(w.manager().actor(), held, 0, Map.of(id(w.nurse()), "COMPLETED")))
			.isInstanceOf(ConcurrentEditException.class);
		assertThat(training.session(held).attendees()).isEqualTo(1);
	}

	@Test
	void managersRecordTrainingAndEveryStaffAccountSeesCoverageOnly() throws Exception {
		World w = world();
		Staff board = fixtures.practitioner(w.trust(), Profession.ADMINISTRATOR, Role.BOARD_MEMBER);
		mvc.perform(get("/training").with(httpBasic(board.username(), Fixtures.PASSWORD))).andExpect(status().isOk());
		mvc.perform(post("/training/courses").with(httpBasic(w.social().username(), Fixtures.PASSWORD))
			.with(csrf())
			.param("topic", "SAFEGUARDING")
			.param("name", Fixtures.unique("Not mine "))
			.param("validityMonths", "12")).andExpect(status().isForbidden());
		UUID course = course(w, Topic.SAFEGUARDING, 12);
		LocalDate heldOn = LocalDate.now().minusDays(1);
		UUID session = training.recordSession(w.manager().actor(), course.toString(), heldOn.toString(), "Hall",
				"Trainer");
		training.recordAttendance(w.manager().actor(), session, 0, Map.of(id(w.nurse()), "COMPLETED"));
		// The manager's page, with the attendance form, over a signed-in session: a model
		// attribute named "session" was shadowed by Thymeleaf's own session variable
		// there.
		String courseName = training.courses()
			.stream()
			.filter((c) -> c.id().equals(course))
			.findFirst()
			.orElseThrow()
			.name();
		String managed = mvc
			.perform(get("/training/sessions/" + session).with(httpBasic(w.manager().username(), Fixtures.PASSWORD))
				.session(new org.springframework.mock.web.MockHttpSession()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(managed).contains("id=\"attendance\"")
			.contains("<title>" + courseName)
			.contains("A completion counts until " + heldOn.plusMonths(12)
				.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)));
		String seen = mvc
			.perform(get("/training/sessions/" + session).with(httpBasic(board.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(seen).doesNotContain("id=\"attendance\"");
		assertThatThrownBy(() -> training.attendees(board.actor(), session)).isInstanceOf(AccessDeniedException.class);
		assertThat(training.attendees(w.manager().actor(), session)).extracting(Attendee::practitionerId)
			.containsExactly(w.nurse().practitionerId());
	}

	private boolean withoutTraining(UUID override) {
		return jdbc.sql("select without_training from consent.override where id = :id")
			.param("id", override)
			.query(Boolean.class)
			.single();
	}

	private String code(OrganisationId organisation) {
		return jdbc.sql("select code from team.organisation where id = :id")
			.param("id", organisation.id())
			.query(String.class)
			.single();
	}

	private static Coverage.Row row(Coverage coverage, String name) {
		return coverage.organisations().stream().filter((r) -> r.name().equals(name)).findFirst().orElseThrow();
	}

}
