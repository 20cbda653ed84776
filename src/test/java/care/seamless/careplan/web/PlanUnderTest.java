package care.seamless.careplan.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.careplan.ActionKind;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlanFixtures.Partnership;
import care.seamless.careplan.CarePlanView;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.NewAction;
import care.seamless.careplan.PlanActions;
import care.seamless.careplan.PlanDiscussions;
import care.seamless.shared.DataCategory;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * A plan with something in every part (objectives, an action, contingency, a question
 * with options), so a test can aim a form at each part and check nothing changed.
 */
record PlanUnderTest(Partnership p, UUID social, UUID health, UUID action, UUID decision, UUID option,
		CarePlans carePlans) {

	static PlanUnderTest create(CarePlanFixtures fixtures, CarePlans carePlans, PlanActions actions,
			PlanDiscussions discussions) {
		Partnership p = fixtures.partnership();
		UUID[] ids = fixtures.planWithTwoObjectives(p);
		UUID action = actions.add(p.socialWorker().actor(), p.person(),
				new NewAction(ids[0], ActionKind.SERVICE, "Befriender for shop trips", DataCategory.GENERAL,
						p.supportWorker().practitionerId(), LocalDate.now().plusDays(10)));
		discussions.saveContingency(p.socialWorker().actor(), p.person(), null, "Ring her daughter first",
				"Out-of-hours team, 01632 960999");
		UUID decision = discussions.addDecision(p.socialWorker().actor(), p.person(), "Where should washing happen?",
				List.of("At home each morning", "At the day centre"), List.of("", ""), DataCategory.GENERAL);
		UUID option = carePlans.plan(p.socialWorker().actor(), p.person())
			.orElseThrow()
			.decisions()
			.get(0)
			.options()
			.get(0)
			.id();
		return new PlanUnderTest(p, ids[0], ids[1], action, decision, option, carePlans);
	}

	CarePlanView view() {
		return carePlans.plan(p.socialWorker().actor(), p.person()).orElseThrow();
	}

	/** Everything the plan holds, so "nothing was saved" is one comparison. */
	String snapshot() {
		return view().toString();
	}

	String page(String path) {
		return "/people/" + p.person() + "/care-plan" + path;
	}

	String api(String path) {
		return "/api/v1/people/" + p.person() + "/care-plan" + path;
	}

	MockHttpServletRequestBuilder bySocialWorker(MockHttpServletRequestBuilder request) {
		return request.with(httpBasic(p.socialWorker().username(), Fixtures.PASSWORD)).with(csrf());
	}

	/** A valid objective form, for tests to spoil one field of. */
	MockHttpServletRequestBuilder objective(MockHttpServletRequestBuilder request) {
		return request.param("section", "SOCIAL_CARE")
			.param("description", "Cook a hot meal again")
			.param("target", "Three hot meals a week")
			.param("measure", "Meals a week, from her diary")
			.param("targetDay", "1")
			.param("targetMonth", "1")
			.param("targetYear", Integer.toString(LocalDate.now().getYear() + 1))
			.param("needCodes", "d450")
			.param("partners", p.council().toString())
			.param("category", "GENERAL");
	}

	/** A valid action form, for tests to spoil one field of. */
	MockHttpServletRequestBuilder action(MockHttpServletRequestBuilder request) {
		return request.param("kind", "ACTION")
			.param("description", "Order a perching stool")
			.param("owner", p.socialWorker().practitionerId().toString())
			.param("dueDay", "1")
			.param("dueMonth", "1")
			.param("dueYear", Integer.toString(LocalDate.now().getYear() + 1))
			.param("category", "GENERAL");
	}

}
