package care.seamless.funding.web;

import java.math.BigDecimal;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlanFixtures.Partnership;
import care.seamless.funding.FinancialAssessments;
import care.seamless.funding.FundingRouteKind;
import care.seamless.funding.FundingRoutes;
import care.seamless.funding.RouteView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Through the real pages and API on the shared context: a route recorded for a need of
 * the plan, a disagreement that stands beside it without changing it, and a financial
 * assessment with its working, history and letter; bad input gets every message at once
 * and saves nothing, a stale version is a conflict.
 */
@SeamlessTest
class FundingPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CarePlanFixtures plans;

	@Autowired
	FundingRoutes routes;

	@Autowired
	FinancialAssessments assessments;

	@Test
	void aRouteIsRecordedOnThePageAndBadInputSavesNothing() throws Exception {
		Partnership p = plans.partnership();
		UUID[] objectives = plans.planWithTwoObjectives(p);
		String need = objectives[0] + "|d450";
		String page = mvc
			.perform(page(p.socialWorker(), post("/people/" + p.person().id() + "/funding/routes")).param("need", need)
				.param("kind", "JOINT_FUNDING")
				.param("reason", "")
				.param("startsOn", "31/02/2025")
				.param("cost", "-5")
				.param("partner1", p.council().id().toString())
				.param("share1", "60")
				.param("partner2", p.trust().id().toString())
				.param("share2", "30.5"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Enter a real date, like 20/06/2025", "The amount cannot be negative",
				"Say why this is the right way to pay for the need");
		assertThat(routes.routes(p.socialWorker().actor(), p.person())).isEmpty();

		mvc.perform(page(p.socialWorker(), post("/people/" + p.person().id() + "/funding/routes")).param("need", need)
			.param("kind", "JOINT_FUNDING")
			.param("reason", "Personal care and district nursing at home")
			.param("startsOn", "01/06/2025")
			.param("partner1", p.council().id().toString())
			.param("share1", "60")
			.param("partner2", p.trust().id().toString())
			.param("share2", "30")).andExpect(status().isOk());
		assertThat(routes.routes(p.socialWorker().actor(), p.person())).as("shares summing to 90% are refused")
			.isEmpty();

		mvc.perform(page(p.socialWorker(), post("/people/" + p.person().id() + "/funding/routes")).param("need", need)
			.param("kind", "JOINT_FUNDING")
			.param("reason", "Personal care and district nursing at home")
			.param("startsOn", "01/06/2025")
			.param("partner1", p.council().id().toString())
			.param("share1", "60")
			.param("partner2", p.trust().id().toString())
			.param("share2", "40")).andExpect(status().is3xxRedirection());
		RouteView route = routes.routes(p.nurse().actor(), p.person()).get(0);
		assertThat(route.kind()).isEqualTo(FundingRouteKind.JOINT_FUNDING);
		assertThat(route.shares()).extracting(RouteView.ShareView::percent)
			.containsExactly(new BigDecimal("60.00"), new BigDecimal("40.00"));
		assertThat(mvc.perform(page(p.nurse(), get("/people/" + p.person().id() + "/funding")))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Joint funding between partners", "Personal care and district nursing");
	}

	@Test
	void aDisagreementStandsBesideTheRouteAndAStaleOneIsAConflict() throws Exception {
		Partnership p = plans.partnership();
		UUID[] objectives = plans.planWithTwoObjectives(p);
		String created = mvc
			.perform(api(p.socialWorker(), post("/api/v1/people/" + p.person().id() + "/funding/routes")).content("""
					{"objectiveId": "%s", "needCode": "d450", "kind": "COUNCIL_MEANS_TESTED",
					 "reason": "Help with shopping", "startsOn": "2025-06-01", "shares": []}"""
				.formatted(objectives[0])))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID route = id(created);
		mvc.perform(api(p.nurse(), post("/api/v1/funding/routes/" + route + "/disagreements")).content("""
				{"version": 7, "proposedKind": "NHS_CONTINUING_HEALTHCARE", "reason": "Primary health need"}"""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("CONCURRENT_EDIT"));
		mvc.perform(api(p.nurse(), post("/api/v1/funding/routes/" + route + "/disagreements")).content("""
				{"version": 0, "proposedKind": "NOT_A_KIND", "reason": "Primary health need"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(api(p.nurse(), post("/api/v1/funding/routes/" + route + "/disagreements")).content("""
				{"version": 0, "proposedKind": "NHS_CONTINUING_HEALTHCARE", "reason": "Primary health need"}"""))
			.andExpect(status().isCreated());
		mvc.perform(api(p.socialWorker(), get("/api/v1/people/" + p.person().id() + "/funding")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.needs[?(@.route != null)].route.kind").value(contains("COUNCIL_MEANS_TESTED")))
			.andExpect(jsonPath("$.needs[?(@.route != null)].route.disagreements[0].proposedKind")
				.value(contains("NHS_CONTINUING_HEALTHCARE")));
		assertThat(mvc.perform(page(p.socialWorker(), get("/people/" + p.person().id() + "/funding")))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Disputed", "Primary health need");
	}

	@Test
	void anAssessmentKeepsItsWorkingAndHistoryAndRefusesBadInputAtOnce() throws Exception {
		Partnership p = plans.partnership();
		String base = "/api/v1/people/" + p.person().id() + "/funding/assessments";
		mvc.perform(api(p.socialWorker(), post(base)).content("""
				{"kind": "FULL", "setting": "NON_RESIDENTIAL", "yearLabel": "1999/00", "assessedOn": "2025-06-01",
				 "weeklyCost": -1, "savings": 10.001, "income": [], "guaranteeAdditions": []}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("yearLabel", "weeklyCost", "savings")));
		mvc.perform(api(p.socialWorker(), post(base)).content(
				"""
						{"kind": "FULL", "setting": "NON_RESIDENTIAL", "yearLabel": "2025\\u0000/26", "assessedOn": "2025-06-01",
						 "weeklyCost": 300}"""))
			.andExpect(status().isBadRequest());
		assertThat(assessments.currentWeeklyContribution(p.person())).isEmpty();

		String full = """
				{"kind": "FULL", "setting": "NON_RESIDENTIAL", "yearLabel": "2025/26", "assessedOn": "2025-06-01",
				 "weeklyCost": 300.00, "savings": 16000.00,
				 "income": [{"kind": "UNIVERSAL_CREDIT_OR_ESA", "weeklyAmount": 140.00},
				            {"kind": "ATTENDANCE_ALLOWANCE_OR_CARE_COMPONENT", "weeklyAmount": 110.40},
				            {"kind": "MOBILITY_COMPONENT", "weeklyAmount": 77.05}, {"kind": "EARNINGS", "weeklyAmount": 50.00}],
				 "housingCosts": 20.00, "disabilityRelatedExpenditure": 25.00,
				 "guaranteeBand": "SINGLE_25_TO_PENSION_AGE", "guaranteeAdditions": ["DISABILITY_PREMIUM"]%s}""";
		String first = mvc.perform(api(p.socialWorker(), post(base)).content(full.formatted("")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(assessments.currentWeeklyContribution(p.person())).contains(new BigDecimal("50.25"));
		mvc.perform(api(p.socialWorker(), post(base)).content(full.formatted(""))).andExpect(status().isConflict());
		mvc.perform(api(p.socialWorker(), post(base)).content("""
				{"kind": "DECLINED", "setting": "NON_RESIDENTIAL", "yearLabel": "2025/26", "assessedOn": "2025-07-01",
				 "weeklyCost": 300.00, "replacesVersion": 0}""")).andExpect(status().isCreated());
		assertThat(assessments.currentWeeklyContribution(p.person())).contains(new BigDecimal("300.00"));
		assertThat(assessments.history(p.socialWorker().actor(), p.person())).hasSize(2)
			.filteredOn(a -> !a.current())
			.singleElement()
			.satisfies(old -> assertThat(old.weeklyContribution()).isEqualTo(new BigDecimal("50.25")));

		UUID firstId = id(first);
		String letter = mvc
			.perform(page(p.socialWorker(),
					get("/people/" + p.person().id() + "/funding/assessments/" + firstId + "/letter")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(letter).contains("You pay £50.25 a week", "Tariff income");
		mvc.perform(page(p.socialWorker(),
				get("/people/" + p.person().id() + "/funding/assessments/" + firstId + "/letter.pdf")))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF));

		String form = mvc
			.perform(page(p.socialWorker(), post("/people/" + p.person().id() + "/funding/assessments"))
				.param("kind", "FULL")
				.param("yearLabel", "2099/00")
				.param("assessedOn", "2025-13-01")
				.param("weeklyCost", "12.345")
				.param("savings", "-3")
				.param("replacesVersion", "1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("There are no charging rates for the financial year 2099/00",
				"no more than 2 decimal places", "The amount cannot be negative", "Enter a real date");
		// The radio group's link lands on its first choice.
		assertThat(care.seamless.web.ErrorSummaryLinks.of(form)).contains("#setting");
		care.seamless.web.ErrorSummaryLinks.assertEveryLinkLands(form);
		assertThat(assessments.history(p.socialWorker().actor(), p.person())).hasSize(2);
	}

	private static UUID id(String created) {
		return UUID.fromString(created.replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1"));
	}

	private static MockHttpServletRequestBuilder api(Fixtures.Staff staff, MockHttpServletRequestBuilder request) {
		return request.with(httpBasic(staff.username(), Fixtures.PASSWORD))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON);
	}

	private static MockHttpServletRequestBuilder page(Fixtures.Staff staff, MockHttpServletRequestBuilder request) {
		return request.with(httpBasic(staff.username(), Fixtures.PASSWORD)).with(csrf());
	}

}
