package care.seamless.web;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SeamlessTest
class ActuatorTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApplicationContext context;

	Fixtures.Staff practitioner;

	Fixtures.Staff administrator;

	@BeforeEach
	void staff() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		practitioner = fixtures.practitioner(council, Profession.SOCIAL_WORKER, Role.PRACTITIONER);
		administrator = fixtures.practitioner(council, Profession.SOCIAL_WORKER, Role.ADMINISTRATOR);
	}

	@Test
	void tellsAnAnonymousCallerOnlyWhetherItIsUp() throws Exception {
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"status\":\"UP\"}", org.springframework.test.json.JsonCompareMode.STRICT));
	}

	@Test
	void showsTheComponentsOnlyToAnAdministrator() throws Exception {
		mvc.perform(get("/actuator/health").with(httpBasic(practitioner.username(), Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.components").doesNotExist());
		mvc.perform(get("/actuator/health").with(httpBasic(administrator.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.diskSpace").exists());
	}

	/**
	 * Until every start-up listener has returned (the demo partnership is loaded in one)
	 * Seamless is not healthy, and both sign-in pages say it is still starting rather
	 * than letting a failed sign-in read as a wrong password.
	 */
	@Test
	void isNotHealthyAndSaysSoOnTheSignInPagesUntilItAcceptsTraffic() throws Exception {
		mvc.perform(get("/login")).andExpect(content().string(not(containsString("id=\"starting\""))));
		AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
		try {
			mvc.perform(get("/actuator/health"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"));
			mvc.perform(get("/login"))
				.andExpect(
						content().string(containsString("Seamless is still starting. Wait a minute, then sign in.")));
			mvc.perform(get("/me/sign-in"))
				.andExpect(content().string(containsString("This service is still starting.")));
		}
		finally {
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
		}
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		mvc.perform(get("/me/sign-in")).andExpect(content().string(not(containsString("id=\"starting\""))));
	}

	@Test
	void servesPrometheusMetricsToAdministratorsOnly() throws Exception {
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/prometheus").with(httpBasic(practitioner.username(), Fixtures.PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus").with(httpBasic(administrator.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("jvm_memory_used_bytes")))
			.andExpect(content().string(containsString("hikaricp_connections")));
	}

}
