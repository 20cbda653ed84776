package care.seamless.careplan.web;

import java.time.LocalDate;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlanFixtures.Partnership;
import care.seamless.careplan.CarePlans;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SeamlessTest
class CarePlanApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CarePlanFixtures fixtures;

	@Autowired
	CarePlans carePlans;

	@Test
	void addsAnObjectiveAndRefusesOneWithoutAMeasureAsProblemJson() throws Exception {
		Partnership p = fixtures.partnership();
		carePlans.start(p.socialWorker().actor(), p.person(), null);
		String date = LocalDate.now().plusMonths(2).toString();
		String body = """
				{"section":"SOCIAL_CARE","description":"Shops again","target":"Twice a week","measure":%s,
				 "targetDate":"%s","needCodes":["d450"],"partners":["%s"],"category":"GENERAL"}
				""";

		mvc.perform(post("/api/v1/people/" + p.person() + "/care-plan/objectives")
			.with(httpBasic(p.socialWorker().username(), Fixtures.PASSWORD))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted("null", date, p.council())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
			.andExpect(jsonPath("$.errors[0].field").value("measure"));
		mvc.perform(post("/api/v1/people/" + p.person() + "/care-plan/objectives")
			.with(httpBasic(p.socialWorker().username(), Fixtures.PASSWORD))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted("\"Diary\"", date, p.council()))).andExpect(status().isCreated());

		mvc.perform(get("/api/v1/people/" + p.person() + "/care-plan")
			.with(httpBasic(p.nurse().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.objectives[0].description").value("Shops again"))
			.andExpect(jsonPath("$.objectives[0].needs[0].display").value("Walking"))
			.andExpect(jsonPath("$.agreed").value(false));
		assertThat(carePlans.plan(p.socialWorker().actor(), p.person()).orElseThrow().objectives()).hasSize(1);
	}

	@Test
	void anOutsiderGetsAProblemNotThePlan() throws Exception {
		Partnership p = fixtures.partnership();
		Partnership other = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);

		mvc.perform(get("/api/v1/people/" + p.person() + "/care-plan")
			.with(httpBasic(other.nurse().username(), Fixtures.PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
	}

}
