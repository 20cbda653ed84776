package care.seamless.discharge.web;

import java.time.LocalDate;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.discharge.Attribution;
import care.seamless.discharge.DelayReason;
import care.seamless.discharge.DelayedDays;
import care.seamless.discharge.DischargeFixtures;
import care.seamless.discharge.DischargeFixtures.Partnership;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The JSON API answers bad and hostile input with problem+json naming the field, a stale
 * attribution with 409, and is in the OpenAPI document; the pages refuse a NUL byte and
 * show every problem of the admission form at once.
 */
@SeamlessTest
class DischargeApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DischargeFixtures fixtures;

	@Autowired
	DelayedDays delayedDays;

	@Test
	void namesEveryFieldOfABadAdmissionAndRefusesNulBytes() throws Exception {
		Partnership p = fixtures.partnership();
		mvc.perform(as(p.nurse(), post("/api/v1/admissions")).content("""
				{"nhsNumber": "%s", "wardTeamId": "%s", "hospital": "Riverside General", "ward": "Elm",
				 "admittedAt": "2999-01-01T10:00:00Z"}""".formatted(Fixtures.nextNhsNumber(), p.ward().id())))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("nhsNumber", "admittedAt")));
		mvc.perform(as(p.nurse(), post("/api/v1/admissions")).content("""
				{"nhsNumber": "%s", "wardTeamId": "%s", "hospital": "River\\u0000side", "ward": "Elm",
				 "admittedAt": "2023-03-10T10:00:00Z"}""".formatted(p.nhsNumber(), p.ward().id())))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/admissions").with(httpBasic(p.nurse().username(), Fixtures.PASSWORD))
			.with(csrf())
			.param("nhsNumber", p.nhsNumber())
			.param("wardTeamId", p.ward().id().toString())
			.param("hospital", "River\u0000side")
			.param("ward", "Elm")
			.param("admittedOn", "10/03/2023")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/admissions").param("personId", p.person().id().toString())
			.with(httpBasic(p.socialWorker().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void theAdmissionFormShowsEveryProblemAtOnce() throws Exception {
		Partnership p = fixtures.partnership();
		String page = mvc
			.perform(post("/admissions").with(httpBasic(p.nurse().username(), Fixtures.PASSWORD))
				.with(csrf())
				.param("nhsNumber", "")
				.param("wardTeamId", p.ward().id().toString())
				.param("hospital", "")
				.param("ward", "Elm")
				.param("admittedOn", "31/02/2023")
				.param("plannedDischarge", "soon"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Enter the person&#39;s NHS number", "Enter the hospital",
				"Enter a real date, like 20/06/2022");
		assertThat(page.split("Enter a real date").length - 1).as("admission and planned discharge, each twice")
			.isEqualTo(4);
	}

	@Test
	void aDischargeBeforeTheAdmissionIsAFieldProblemAndAStaleAttributionIsAConflict() throws Exception {
		Partnership p = fixtures.partnership();
		UUID id = fixtures.admit(p, p.nhsNumber(), LocalDate.of(2023, 3, 10));
		mvc.perform(as(p.nurse(), put("/api/v1/admissions/" + id + "/plan")).content("""
				{"version": 0, "dischargedAt": "2023-03-01T10:00:00Z"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("dischargedAt"));
		mvc.perform(as(p.nurse(), put("/api/v1/admissions/" + id + "/plan")).content("""
				{"version": 0, "pathway": "PATHWAY_NINE"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("pathway"));
		mvc.perform(as(p.socialWorker(), put("/api/v1/admissions/" + id + "/plan")).content("""
				{"version": 0, "pathway": "CARE_HOME"}"""))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("ACCESS_DENIED"));

		UUID day = delayedDays.record(p.nurse().actor(), id, LocalDate.of(2023, 3, 12), DelayReason.AWAITING_HOME_CARE,
				Attribution.SOCIAL_CARE, null);
		String dispute = """
				{"version": 0, "agree": false, "attribution": "NHS", "note": "Transport was booked late"}""";
		mvc.perform(as(p.socialWorker(), post("/api/v1/delayed-days/" + day + "/answers")).content(dispute))
			.andExpect(status().isNoContent());
		mvc.perform(as(p.councilManager(), post("/api/v1/delayed-days/" + day + "/answers")).content("""
				{"version": 0, "agree": true}"""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("CONCURRENT_EDIT"));
		mvc.perform(get("/api/v1/admissions/" + id).with(httpBasic(p.wardManager().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(
					jsonPath("$.delayedDays[0].steps[*].attribution").value(containsInAnyOrder("SOCIAL_CARE", "NHS")));
	}

	@Test
	void theApiIsInTheOpenApiDocument() throws Exception {
		Partnership p = fixtures.partnership();
		String doc = mvc.perform(get("/v3/api-docs").with(httpBasic(p.nurse().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(doc).contains("/api/v1/admissions", "/api/v1/delayed-days/{id}/answers",
				"/api/v1/discharges/report");
	}

	private static MockHttpServletRequestBuilder as(Fixtures.Staff staff, MockHttpServletRequestBuilder request) {
		return request.with(httpBasic(staff.username(), Fixtures.PASSWORD))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON);
	}

}
