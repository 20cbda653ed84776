package care.seamless.careplan.web;

import care.seamless.document.Pdfs;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.careplan.ActionQueues;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlanFixtures.Partnership;
import care.seamless.careplan.CarePlanView;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.PlanActions;
import care.seamless.careplan.PlanDiscussions;
import care.seamless.careplan.PlanReviews;
import care.seamless.careplan.Review;
import care.seamless.careplan.NewAction;
import care.seamless.careplan.ActionKind;
import care.seamless.shared.DataCategory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SeamlessTest
class CarePlanWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CarePlanFixtures fixtures;

	@Autowired
	CarePlans carePlans;

	@Autowired
	PlanActions actions;

	@Autowired
	PlanReviews reviews;

	@Autowired
	PlanDiscussions discussions;

	@Autowired
	ActionQueues queues;

	@Test
	void thePlanPageShowsEverySectionWithTheProgressChartAndItsTable() throws Exception {
		Partnership p = fixtures.partnership();
		UUID[] ids = fixtures.planWithTwoObjectives(p);
		carePlans.addOutcome(p.socialWorker().actor(), p.person(), "Getting to the shops on my own");
		actions.add(p.socialWorker().actor(), p.person(),
				new NewAction(ids[0], ActionKind.SERVICE, "Befriender for shop trips", DataCategory.GENERAL,
						p.supportWorker().practitionerId(), LocalDate.now().plusDays(10)));
		reviews.record(p.socialWorker().actor(), p.person(), Review.Kind.SCHEDULED, LocalDate.now().minusDays(30), null,
				Map.of(ids[0], -1), Map.of(ids[0], -2));
		reviews.record(p.socialWorker().actor(), p.person(), Review.Kind.AD_HOC, LocalDate.now(), "Better",
				Map.of(ids[0], 1), Map.of(ids[0], 0));
		discussions.saveContingency(p.socialWorker().actor(), p.person(), null, "Ring her daughter first",
				"Riverside out-of-hours social care, 01632 960999");
		discussions.addRisk(p.socialWorker().actor(), p.person(), "Walks to the shop alone", "I want to go on my own",
				"Pendant alarm", DataCategory.GENERAL);
		discussions.addDecision(p.socialWorker().actor(), p.person(), "Where should washing help happen?",
				java.util.List.of("Home care each morning", "Day centre twice a week"),
				java.util.List.of("Keeps her routine", ""), DataCategory.GENERAL);

		mvc.perform(as(get("/people/" + p.person() + "/care-plan"), p.nurse()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Get out to the shops again")))
			.andExpect(content().string(containsString("Walking")))
			.andExpect(content().string(containsString("Getting to the shops on my own")))
			.andExpect(content().string(containsString("Befriender for shop trips")))
			.andExpect(content().string(containsString("Ring her daughter first")))
			.andExpect(content().string(containsString("Day centre twice a week")))
			.andExpect(content().string(containsString("Keeps her routine")))
			.andExpect(content().string(containsString("<svg")))
			.andExpect(content().string(containsString("+1 more than expected")))
			.andExpect(content().string(containsString("Not yet agreed")))
			.andExpect(content().string(containsString("has not signed up to")));
	}

	@Test
	void anObjectiveWithoutMeasureOrDateIsRefusedWithFieldMessagesAndNothingSaved() throws Exception {
		Partnership p = fixtures.partnership();
		carePlans.start(p.socialWorker().actor(), p.person(), null);

		mvc.perform(as(post("/people/" + p.person() + "/care-plan/objectives"), p.socialWorker())
			.param("section", "SOCIAL_CARE")
			.param("description", "Get to the shops")
			.param("target", "Twice a week")
			.param("measure", "")
			.param("needCodes", "d450")
			.param("partners", p.council().toString())
			.param("category", "GENERAL"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("govuk-error-summary")))
			.andExpect(content().string(containsString("Enter how progress will be measured")));
		mvc.perform(as(post("/people/" + p.person() + "/care-plan/objectives"), p.socialWorker())
			.param("section", "SOCIAL_CARE")
			.param("description", "Get to the shops")
			.param("target", "Twice a week")
			.param("measure", "Diary")
			.param("targetDay", "31")
			.param("targetMonth", "2")
			.param("targetYear", "2030")
			.param("needCodes", "d450")
			.param("partners", p.council().toString())
			.param("category", "GENERAL"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("must be a real date")))
			.andExpect(content().string(containsString("value=\"31\"")));

		assertThat(plan(p).objectives()).isEmpty();
	}

	@Test
	void anActionWithoutAnOwnerAndAScoreOutOfRangeAreRefused() throws Exception {
		Partnership p = fixtures.partnership();
		UUID[] ids = fixtures.planWithTwoObjectives(p);

		mvc.perform(as(post("/people/" + p.person() + "/care-plan/actions"), p.socialWorker()).param("kind", "ACTION")
			.param("description", "Order a perching stool")
			.param("owner", "")
			.param("dueDay", "1")
			.param("dueMonth", "1")
			.param("dueYear", Integer.toString(LocalDate.now().getYear() + 1))
			.param("category", "GENERAL"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("every action has one owner")))
			.andExpect(content().string(containsString("Order a perching stool</textarea>")));
		mvc.perform(
				as(post("/people/" + p.person() + "/care-plan/reviews"), p.socialWorker()).param("kind", "SCHEDULED")
					.param("day", Integer.toString(LocalDate.now().getDayOfMonth()))
					.param("month", Integer.toString(LocalDate.now().getMonthValue()))
					.param("year", Integer.toString(LocalDate.now().getYear()))
					.param("person-" + ids[0], "3")
					.param("practitioner-" + ids[0], "1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("from -2 (much less than expected) to +2")));

		CarePlanView plan = plan(p);
		assertThat(plan.actions()).isEmpty();
		assertThat(plan.reviews()).isEmpty();
	}

	@Test
	void aStaleEditOfAnObjectiveSaysSomeoneElseChangedIt() throws Exception {
		Partnership p = fixtures.partnership();
		UUID[] ids = fixtures.planWithTwoObjectives(p);
		long read = plan(p).objective(ids[1]).version();
		carePlans.changeObjective(p.nurse().actor(), p.person(), ids[1], read, CarePlanFixtures
			.objective("Leg ulcer healed by May", care.seamless.careplan.Section.HEALTH, java.util.Set.of(p.trust())));

		mvc.perform(as(post("/people/" + p.person() + "/care-plan/objectives/" + ids[1]), p.socialWorker())
			.param("version", Long.toString(read))
			.param("section", "HEALTH")
			.param("description", "Leg ulcer healed in March")
			.param("target", "Healed")
			.param("measure", "Wound size")
			.param("targetDay", "1")
			.param("targetMonth", "1")
			.param("targetYear", Integer.toString(LocalDate.now().getYear() + 1))
			.param("needCodes", "d450")
			.param("partners", p.trust().toString())
			.param("category", "GENERAL"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone else changed this objective")))
			.andExpect(content().string(containsString("Leg ulcer healed in March")));
		assertThat(plan(p).objective(ids[1]).description()).isEqualTo("Leg ulcer healed by May");
	}

	@Test
	void thePersonsPrintableCopyIsAPdfInPlainEnglish() throws Exception {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);

		byte[] pdf = mvc.perform(as(get("/people/" + p.person() + "/care-plan/persons-copy.pdf"), p.nurse()))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		String text = text(pdf);
		assertThat(text).contains("Your care and support plan")
			.contains("Get out to the shops again")
			.contains("Leg ulcer healed")
			.contains("What you are working towards")
			.contains("This is about: Walking");
	}

	@Test
	void aPractitionerOutsideTheCareTeamCannotOpenThePlanOrItsCopy() throws Exception {
		Partnership p = fixtures.partnership();
		Partnership other = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);

		mvc.perform(as(get("/people/" + p.person() + "/care-plan"), other.nurse()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString("Get out to the shops again"))));
		mvc.perform(as(get("/people/" + p.person() + "/care-plan/persons-copy.pdf"), other.nurse()))
			.andExpect(status().isForbidden());
	}

	static String text(byte[] pdf) throws Exception {
		return Pdfs.words(pdf);
	}

	private CarePlanView plan(Partnership p) {
		return carePlans.plan(p.socialWorker().actor(), p.person()).orElseThrow();
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, Fixtures.Staff who) {
		return request.with(httpBasic(who.username(), Fixtures.PASSWORD)).with(csrf());
	}

}
