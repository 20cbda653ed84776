package care.seamless.careplan.web;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import care.seamless.SeamlessTest;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.PlanActions;
import care.seamless.careplan.PlanDiscussions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A form or API call whose ids, choices or versions were altered (or went stale) is
 * refused with a message a person can act on, or problem+json naming the field; never a
 * server error, and nothing is saved.
 */
@SeamlessTest
class CarePlanTamperingTests {

	private static final String NOT_READ = "Part of the form could not be read";

	private static final String PAGE_NOT_READ = "Something in the form could not be read";

	@Autowired
	MockMvc mvc;

	@Autowired
	CarePlanFixtures fixtures;

	@Autowired
	CarePlans carePlans;

	@Autowired
	PlanActions actions;

	@Autowired
	PlanDiscussions discussions;

	PlanUnderTest plan;

	@BeforeEach
	void plan() {
		plan = PlanUnderTest.create(fixtures, carePlans, actions, discussions);
	}

	record PageCase(String name, Function<PlanUnderTest, MockHttpServletRequestBuilder> request, int status,
			String message) {
	}

	@Test
	void alteredValuesOnEveryPlanPageFormAreRefusedWithAMessageAndNothingIsSaved() throws Exception {
		String later = Integer.toString(java.time.LocalDate.now().getYear() + 1);
		List<PageCase> cases = List.of(
				new PageCase("objective outcome",
						t -> t.objective(post(t.page("/objectives"))).param("outcomeId", "zzz"), 400,
						"Choose one of the person&#39;s outcomes from the list"),
				new PageCase("objective section",
						t -> t.objective(post(t.page("/objectives"))).param("section", "BOGUS"), 400,
						"Choose the section of the plan"),
				new PageCase("objective category",
						t -> t.objective(post(t.page("/objectives"))).param("category", "BOGUS"), 400,
						"Choose the kind of information from the list"),
				new PageCase("objective partner",
						t -> t.objective(post(t.page("/objectives"))).param("partners", "zzz"), 400,
						"Choose the partner organisations from the list"),
				new PageCase("objective version",
						t -> t.objective(post(t.page("/objectives/" + t.health()))).param("version", "abc"), 400,
						NOT_READ),
				new PageCase("objective id", t -> t.objective(post(t.page("/objectives/not-a-uuid"))), 404,
						"Page not found"),
				new PageCase("objective id to edit", t -> get(t.page("/objectives/not-a-uuid/edit")), 404,
						"Page not found"),
				new PageCase("person id", t -> get("/people/not-a-uuid/care-plan"), 404, "Page not found"),
				new PageCase("action objective", t -> t.action(post(t.page("/actions"))).param("objectiveId", "zzz"),
						400, "Choose one of the objectives in this plan from the list"),
				new PageCase("action kind", t -> t.action(post(t.page("/actions"))).param("kind", "BOGUS"), 400,
						"Choose whether this is an action or a service"),
				new PageCase("action category", t -> t.action(post(t.page("/actions"))).param("category", "BOGUS"), 400,
						"Choose the kind of information from the list"),
				new PageCase("action owner", t -> t.action(post(t.page("/actions"))).param("owner", "zzz"), 400,
						"Choose the accountable owner from the list"),
				new PageCase("action status",
						t -> post(t.page("/actions/" + t.action() + "/status")).param("version", "0")
							.param("status", "BOGUS"),
						400, PAGE_NOT_READ),
				new PageCase("action version",
						t -> post(t.page("/actions/" + t.action() + "/reassign")).param("version", "abc")
							.param("owner", t.p().socialWorker().practitionerId().toString()),
						400, PAGE_NOT_READ),
				new PageCase("action without version",
						t -> post(t.page("/actions/" + t.action() + "/offer")).param("organisation",
								t.p().trust().toString()),
						400, PAGE_NOT_READ),
				new PageCase("action id", t -> post(t.page("/actions/not-a-uuid/accept")).param("version", "0"), 404,
						"Page not found"),
				new PageCase("person's view",
						t -> post(t.page("/objectives/" + t.social() + "/persons-view")).param("view", "BOGUS"), 400,
						"Choose whether they agree, disagree or withdraw"),
				new PageCase("person's representative",
						t -> post(t.page("/objectives/" + t.social() + "/persons-view")).param("view", "AGREES")
							.param("representative", "zzz"),
						400, "Choose who gave this view from the list"),
				new PageCase("sign-up objective id", t -> post(t.page("/objectives/not-a-uuid/sign-up")), 404,
						"Page not found"),
				new PageCase("contingency version",
						t -> post(t.page("/contingency")).param("version", "abc")
							.param("inACrisis", "Ring her son")
							.param("outOfHoursContact", "01632 960000"),
						400, NOT_READ),
				new PageCase("risk category",
						t -> post(t.page("/risks")).param("description", "Uses the gas hob")
							.param("personsChoice", "I want to cook")
							.param("howWeReduceIt", "Gas cut-off valve")
							.param("category", "BOGUS"),
						400, "Choose the kind of information from the list"),
				new PageCase("option id", t -> post(t.page("/options/not-a-uuid/views")).param("view", "Fine"), 404,
						"Page not found"),
				new PageCase("choice version",
						t -> post(t.page("/decisions/" + t.decision() + "/choice")).param("version", "abc")
							.param("optionId", t.option().toString())
							.param("inOwnWords", "I like my bathroom"),
						400, NOT_READ),
				new PageCase("choice option",
						t -> post(t.page("/decisions/" + t.decision() + "/choice")).param("version", "0")
							.param("optionId", "zzz")
							.param("inOwnWords", "I like my bathroom"),
						400, "Choose the option the person chose from the list"),
				new PageCase("next review version",
						t -> post(t.page("/next-review")).param("version", "abc")
							.param("day", "1")
							.param("month", "1")
							.param("year", later),
						400, NOT_READ),
				new PageCase("review kind",
						t -> post(t.page("/reviews")).param("kind", "BOGUS")
							.param("day", "1")
							.param("month", "1")
							.param("year", "2024"),
						400, "Choose whether this was a scheduled or an ad-hoc review"),
				new PageCase("review score objective",
						t -> post(t.page("/reviews")).param("kind", "SCHEDULED")
							.param("day", "1")
							.param("month", "1")
							.param("year", "2024")
							.param("person-zzz", "1"),
						400, "Score only the objectives in this plan"));

		String before = plan.snapshot();
		for (PageCase c : cases) {
			mvc.perform(plan.bySocialWorker(c.request().apply(plan)))
				.andExpect(status().is(c.status()))
				.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
				.andExpect(content().string(containsString(c.message())));
			assertThat(plan.snapshot()).as(c.name()).isEqualTo(before);
		}
	}

	record ApiCase(String name, String path, String body, String field) {
	}

	@Test
	void alteredValuesInTheApiAreProblemJsonNamingTheFieldAndNothingIsSaved() throws Exception {
		String objective = """
				{"section":"SOCIAL_CARE","description":"Cook again","target":"Three meals a week",
				 "measure":"Diary","targetDate":"2031-01-01","needCodes":["d450"],"partners":["%s"],
				 "category":"GENERAL", %s}
				""";
		String action = """
				{"kind":"ACTION","description":"Order a stool","category":"GENERAL","owner":"%s",
				 "dueOn":"2031-01-01", %s}
				""";
		String council = plan.p().council().toString();
		String owner = plan.p().socialWorker().practitionerId().toString();
		List<ApiCase> cases = List.of(
				new ApiCase("outcome id", "/objectives", objective.formatted(council, "\"outcomeId\":\"zzz\""),
						"outcomeId"),
				new ApiCase("section", "/objectives",
						objective.formatted(council, "\"section\":\"BOGUS\"")
							.replace("\"section\":\"SOCIAL_CARE\",", ""),
						"section"),
				new ApiCase("category", "/objectives",
						objective.formatted(council, "\"category\":\"BOGUS\"").replace("\"category\":\"GENERAL\",", ""),
						"category"),
				new ApiCase("partner", "/objectives", objective.formatted("zzz", "\"x\":1"), "partners[0]"),
				new ApiCase("target date", "/objectives",
						objective.formatted(council, "\"targetDate\":\"2031-13-45\"")
							.replace("\"targetDate\":\"2031-01-01\",", ""),
						"targetDate"),
				new ApiCase("action objective", "/actions", action.formatted(owner, "\"objectiveId\":\"zzz\""),
						"objectiveId"),
				new ApiCase("action kind", "/actions",
						action.formatted(owner, "\"kind\":\"BOGUS\"").replace("\"kind\":\"ACTION\",", ""), "kind"),
				new ApiCase("action owner", "/actions", action.formatted("zzz", "\"x\":1"), "owner"),
				new ApiCase("action due date", "/actions",
						action.formatted(owner, "\"dueOn\":\"soon\"").replace("\"dueOn\":\"2031-01-01\",", ""),
						"dueOn"));

		String before = plan.snapshot();
		for (ApiCase c : cases) {
			mvc.perform(plan.bySocialWorker(post(plan.api(c.path())))
				.contentType(MediaType.APPLICATION_JSON)
				.content(c.body()))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
				.andExpect(jsonPath("$.errors[0].field").value(c.field()));
			assertThat(plan.snapshot()).as(c.name()).isEqualTo(before);
		}
	}

	@Test
	void theApiRefusesABodyThatIsNotJsonAndAPersonIdThatIsNotAnId() throws Exception {
		String before = plan.snapshot();
		mvc.perform(plan.bySocialWorker(post(plan.api("/objectives")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("not json"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
		mvc.perform(plan.bySocialWorker(post("/api/v1/people/not-a-uuid/care-plan/actions"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("id"));
		mvc.perform(plan.bySocialWorker(get("/api/v1/people/not-a-uuid/care-plan")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		assertThat(plan.snapshot()).isEqualTo(before);
	}

	@Test
	void theApiNamesTheMissingPartsOfAnEmptyObjectiveRatherThanFailingToReadIt() throws Exception {
		String before = plan.snapshot();
		mvc.perform(plan.bySocialWorker(post(plan.api("/objectives")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
			.andExpect(jsonPath("$.errors[0].field").exists());
		assertThat(plan.snapshot()).isEqualTo(before);
	}

	@Test
	void theApiAddsAnActionWithAnOwnerInTheCareTeam() throws Exception {
		mvc.perform(plan.bySocialWorker(post(plan.api("/actions"))).contentType(MediaType.APPLICATION_JSON).content("""
				{"kind":"ACTION","description":"Order a perching stool","category":"GENERAL","owner":"%s",
				 "dueOn":"2031-01-01","objectiveId":"%s"}
				""".formatted(plan.p().nurse().practitionerId(), plan.health()))).andExpect(status().isCreated());
		assertThat(plan.view().actions()).extracting(a -> a.description()).contains("Order a perching stool");
	}

}
