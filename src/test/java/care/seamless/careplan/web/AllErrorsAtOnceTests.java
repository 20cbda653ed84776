package care.seamless.careplan.web;

import java.util.List;

import care.seamless.SeamlessTest;
import care.seamless.web.ErrorSummaryLinks;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.PlanActions;
import care.seamless.careplan.PlanDiscussions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A form with several problems names all of them in the error summary at once, each
 * linked to its field, and keeps what was typed; nothing is saved.
 */
@SeamlessTest
class AllErrorsAtOnceTests {

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
	void anObjectiveWithOnlyADescriptionNamesEveryMissingPartAndKeepsTheDescription() throws Exception {
		String page = refused(post(plan.page("/objectives")).param("description", "Cook a hot meal again")
			.param("category", "GENERAL"));
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#target", "#measure", "#targetDay", "#section",
				"#needCodes", "#partners");
		assertThat(page).contains(">Cook a hot meal again</textarea>");
	}

	@Test
	void anEmptyActionNamesWhatWhoAndWhenTogether() throws Exception {
		String page = refused(post(plan.page("/actions")).param("kind", "ACTION").param("category", "GENERAL"));
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#description", "#owner", "#dueDay");
	}

	@Test
	void anEmptyRiskNamesEachOfItsThreeParts() throws Exception {
		String page = refused(
				post(plan.page("/risks")).param("description", "Walks alone at night").param("category", "GENERAL"));
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#risk-personsChoice", "#risk-howWeReduceIt");
		assertThat(page).contains("value=\"Walks alone at night\"");
	}

	@Test
	void anEmptyContingencyNamesBothParts() throws Exception {
		String page = refused(
				post(plan.page("/contingency")).param("version", Long.toString(plan.view().contingency().version()))
					.param("inACrisis", "")
					.param("outOfHoursContact", ""));
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#inACrisis", "#outOfHoursContact");
	}

	@Test
	void anImpossibleDateIsNamedWithEveryOtherProblemOfTheObjective() throws Exception {
		String page = refused(post(plan.page("/objectives")).param("description", "Cook a hot meal again")
			.param("targetDay", "31")
			.param("targetMonth", "2")
			.param("targetYear", "2030")
			.param("category", "NOT-A-CATEGORY"));
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#target", "#measure", "#targetDay", "#section",
				"#needCodes", "#partners", "#category");
		assertThat(page).contains("value=\"31\"").contains(">Cook a hot meal again</textarea>");
	}

	@Test
	void anImpossibleDueDateIsNamedWithTheMissingWhatAndWho() throws Exception {
		String page = refused(post(plan.page("/actions")).param("kind", "ACTION")
			.param("category", "GENERAL")
			.param("dueDay", "40")
			.param("dueMonth", "13")
			.param("dueYear", "2030"));
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#description", "#owner", "#dueDay");
		assertThat(page).contains("value=\"40\"");
	}

	@Test
	void aRiskWithATamperedCategoryNamesItWithTheMissingParts() throws Exception {
		String page = refused(post(plan.page("/risks")).param("description", "Walks alone at night")
			.param("category", "NOT-A-CATEGORY"));
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#risk-personsChoice", "#risk-howWeReduceIt",
				"#risk-category");
	}

	@Test
	void aReviewNamesAnUnreadableScoreWithTheMissingKindAndDate() throws Exception {
		String page = refused(post(plan.page("/reviews")).param("person-" + plan.social(), "lots")
			.param("practitioner-" + plan.health(), "7")
			.param("day", "")
			.param("month", "")
			.param("year", ""));
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#person-" + plan.social(),
				"#practitioner-" + plan.health(), "#kind", "#day");
	}

	private String refused(MockHttpServletRequestBuilder request) throws Exception {
		String page = mvc.perform(plan.bySocialWorker(request))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(plan.snapshot()).as("nothing saved").isEqualTo(before);
		return page;
	}

	/**
	 * The links in the GOV.UK error summary, in order, each of which must land on an
	 * element of the page.
	 */
	static List<String> summaryLinks(String page) {
		ErrorSummaryLinks.assertEveryLinkLands(page);
		return ErrorSummaryLinks.of(page);
	}

}
