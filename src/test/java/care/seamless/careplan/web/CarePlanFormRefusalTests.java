package care.seamless.careplan.web;

import care.seamless.SeamlessTest;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.PlanActions;
import care.seamless.careplan.PlanDiscussions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The small forms on the plan page: a refused save shows the page again (400) with what
 * was typed, the GOV.UK error summary linking to the field, and the message beside it.
 */
@SeamlessTest
class CarePlanFormRefusalTests {

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

	String before;

	@BeforeEach
	void plan() {
		plan = PlanUnderTest.create(fixtures, carePlans, actions, discussions);
		before = plan.snapshot();
	}

	@Test
	void aRiskWithoutHowTheTeamHelpsKeepsWhatWasTyped() throws Exception {
		refused(post(plan.page("/risks")).param("description", "Walks to the shop alone at night")
			.param("personsChoice", "I will not give up my evening walk")
			.param("howWeReduceIt", " ")
			.param("category", "MENTAL_HEALTH"), "risk-howWeReduceIt",
				"Say how the team helps keep the risk acceptable")
			.andExpect(content().string(containsString("value=\"Walks to the shop alone at night\"")))
			.andExpect(content().string(containsString("value=\"I will not give up my evening walk\"")))
			.andExpect(content().string(containsString("<option value=\"MENTAL_HEALTH\" selected=\"selected\"")))
			.andExpect(content().string(containsString("<details class=\"govuk-details\" id=\"risk\" open")));
	}

	@Test
	void aContingencyWithoutAnOutOfHoursContactKeepsWhatWasTypedAndTheVersionRead() throws Exception {
		long read = plan.view().contingency().version();
		refused(post(plan.page("/contingency")).param("version", Long.toString(read))
			.param("inACrisis", "Ring her son before anyone else")
			.param("outOfHoursContact", ""), "outOfHoursContact", "Say who to call out of hours")
			.andExpect(content().string(containsString(">Ring her son before anyone else</textarea>")))
			.andExpect(content().string(containsString("name=\"version\" value=\"" + read + "\"")));
	}

	@Test
	void optionsWithOnlyOneChoiceKeepTheQuestionAndTheOption() throws Exception {
		refused(post(plan.page("/decisions")).param("question", "Who should help with shopping?")
			.param("option", "Her neighbour", "", "")
			.param("optionView", "Knows her well", "", ""), "option-1", "Write at least two options")
			.andExpect(content().string(containsString("value=\"Who should help with shopping?\"")))
			.andExpect(content().string(containsString("value=\"Her neighbour\"")))
			.andExpect(content().string(containsString("value=\"Knows her well\"")));
	}

	@Test
	void aChoiceWithoutTheReasonKeepsTheOptionChosen() throws Exception {
		refused(post(plan.page("/decisions/" + plan.decision() + "/choice")).param("version", "0")
			.param("optionId", plan.option().toString())
			.param("inOwnWords", ""), "words-" + plan.decision(), "Write the person&#39;s reason, in their own words")
			.andExpect(content().string(containsString("value=\"" + plan.option() + "\" checked")));
	}

	@Test
	void anEmptyViewOfAnOptionIsNamedBesideThatOption() throws Exception {
		refused(post(plan.page("/options/" + plan.option() + "/views")).param("view", ""), "view-" + plan.option(),
				"Write your view of this option");
	}

	@Test
	void anEmptyOutcomeAndAnImpossibleReviewDateAreNamedBesideTheirFields() throws Exception {
		refused(post(plan.page("/outcomes")).param("words", "  "), "words",
				"Write what matters to the person, in their own words");
		refused(post(plan.page("/next-review")).param("version", Long.toString(plan.view().version()))
			.param("day", "31")
			.param("month", "2")
			.param("year", "2031"), "review-day", "Enter a review date")
			.andExpect(content().string(
					containsString("id=\"review-day\" name=\"day\" type=\"text\" inputmode=\"numeric\" value=\"31\"")));
	}

	private ResultActions refused(MockHttpServletRequestBuilder request, String field, String message)
			throws Exception {
		ResultActions result = mvc.perform(plan.bySocialWorker(request))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("govuk-error-summary")))
			.andExpect(content().string(containsString("href=\"#" + field + "\"")))
			.andExpect(content().string(containsString("id=\"" + field + "-error\"")))
			.andExpect(content().string(containsString(message)));
		assertThat(plan.snapshot()).isEqualTo(before);
		return result;
	}

}
