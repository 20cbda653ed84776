package care.seamless.referral;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.referral.ReferralWorld.World;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pages and the JSON API over HTTP: every error at once on the form, problem+json naming
 * fields, 409 for a step the state does not allow and for a stale version, and the
 * worklist with its htmx fragment.
 */
@SeamlessTest
class ReferralWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ReferralWorld worlds;

	@Autowired
	Referrals referrals;

	@Autowired
	care.seamless.audit.AuditLog auditLog;

	@Test
	void theFormShowsEveryProblemAtOnceAndSavesNothing() throws Exception {
		World w = worlds.create(true);
		mvc.perform(
				post("/people/{id}/referrals", w.person().id()).with(httpBasic(w.gp().username(), Fixtures.PASSWORD))
					.with(csrf())
					.param("fromTeam", w.gp().teamId().id().toString())
					.param("toTeam", "not-a-team")
					.param("reasonText", " ")
					.param("urgency", "WHENEVER"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "toTeam", "reasonCode", "reasonText", "personView",
					"urgency", "basis"))
			.andExpect(content().string(containsString("govuk-error-summary")))
			.andExpect(content().string(containsString("There is no such team")))
			.andDo((result) -> care.seamless.web.ErrorSummaryLinks
				.assertEveryLinkLands(result.getResponse().getContentAsString()));
		// A NUL byte is refused at the boundary, naming the field, before anything runs.
		mvc.perform(
				post("/people/{id}/referrals", w.person().id()).with(httpBasic(w.gp().username(), Fixtures.PASSWORD))
					.with(csrf())
					.param("reasonText", "nul\u0000byte"))
			.andExpect(status().isBadRequest());
		assertThat(referrals.outgoing(w.gp().actor(), java.util.EnumSet.allOf(ReferralStatus.class))).isEmpty();
	}

	@Test
	void aGoodFormSendsTheReferralAndShowsItsStatus() throws Exception {
		World w = worlds.create(true);
		String location = mvc
			.perform(post("/people/{id}/referrals", w.person().id())
				.with(httpBasic(w.gp().username(), Fixtures.PASSWORD))
				.with(csrf())
				.param("fromTeam", w.gp().teamId().id().toString())
				.param("toTeam", w.manager().teamId().id().toString())
				.param("reasonCode", ReferralWorld.REASON)
				.param("reasonText", "Not eating")
				.param("urgency", "URGENT")
				.param("personInformed", "yes")
				.param("personView", "Agrees")
				.param("basis", "CONSENT")
				.param("categories", "GENERAL"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/referrals/");
		mvc.perform(get(location).with(httpBasic(w.worker().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"referral-accept\"")));
		mvc.perform(get("/worklist/items").with(httpBasic(w.worker().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(location)))
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(get("/worklist").with(httpBasic(w.gp().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("worklist-items")));
	}

	/**
	 * The htmx refresh is audited only when what it shows changes (ADR 0029): an
	 * unchanged list answers 204 with no body and no audit entry; a new referral changes
	 * it.
	 */
	@Test
	void theWorklistRefreshIsAuditedOnlyWhenWhatItShowsChanges() throws Exception {
		World w = worlds.create(true);
		referrals.refer(w.gp().actor(), ReferralWorld.referral(w, Urgency.ROUTINE), true);
		String body = mvc.perform(get("/worklist").with(httpBasic(w.worker().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.regex.Matcher seen = java.util.regex.Pattern.compile("seen=([0-9a-f]{32})").matcher(body);
		assertThat(seen.find()).isTrue();
		assertThat(worklistReads(w)).isEqualTo(1);
		mvc.perform(get("/worklist/items").param("seen", seen.group(1))
			.with(httpBasic(w.worker().username(), Fixtures.PASSWORD)))
			.andExpect(status().isNoContent())
			.andExpect(content().string(""));
		// A made-up fingerprint gets the list, and an audit entry.
		mvc.perform(get("/worklist/items").param("seen", "0".repeat(32))
			.with(httpBasic(w.worker().username(), Fixtures.PASSWORD))).andExpect(status().isOk());
		assertThat(worklistReads(w)).isEqualTo(2);
		referrals.refer(w.gp().actor(), ReferralWorld.referral(w, Urgency.URGENT), true);
		mvc.perform(get("/worklist/items").param("seen", seen.group(1))
			.with(httpBasic(w.worker().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("worklist-count")));
		assertThat(worklistReads(w)).isEqualTo(3);
	}

	private long worklistReads(World w) {
		return auditLog.recent(2000, false)
			.stream()
			.filter(e -> e.account().equals(w.worker().username()) && e.action().equals("read-worklist"))
			.count();
	}

	@Test
	void theApiNamesEveryFieldAndRefusesStaleOrDisallowedSteps() throws Exception {
		World w = worlds.create(true);
		mvc.perform(post("/api/v1/referrals").with(httpBasic(w.gp().username(), Fixtures.PASSWORD))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"person": "%s", "fromTeam": "%s", "toTeam": "%s", "reasonText": "x\\u0000y", "send": true}
					""".formatted(w.person().id(), w.gp().teamId().id(), w.gp().teamId().id())))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("reasonText"));
		mvc.perform(post("/api/v1/referrals").with(httpBasic(w.gp().username(), Fixtures.PASSWORD))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"person": "%s", "fromTeam": "%s", "toTeam": "%s", "reasonText": " ", "personInformed": false, "send": true}
							"""
						.formatted(w.person().id(), w.gp().teamId().id(), w.gp().teamId().id())))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("toTeam", "reasonCode",
					"reasonText", "personView", "urgency", "basis")));

		ReferralId id = referrals.refer(w.gp().actor(), ReferralWorld.referral(w, Urgency.ROUTINE), true).id();
		long version = referrals.view(w.gp().actor(), id).version();
		mvc.perform(post("/api/v1/referrals/{id}/acknowledge", id.id())
			.with(httpBasic(w.worker().username(), Fixtures.PASSWORD))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": %d}".formatted(version))).andExpect(status().isNoContent());
		mvc.perform(post("/api/v1/referrals/{id}/acknowledge", id.id())
			.with(httpBasic(w.worker().username(), Fixtures.PASSWORD))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": %d}".formatted(version + 1)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("acknowledged")));
		mvc.perform(post("/api/v1/referrals/{id}/accept", id.id())
			.with(httpBasic(w.worker().username(), Fixtures.PASSWORD))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": %d, \"owner\": \"%s\"}".formatted(version, w.worker().practitionerId().id())))
			.andExpect(status().isConflict());
		mvc.perform(get("/api/v1/referrals/{id}", id.id()).with(httpBasic(w.gp().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACKNOWLEDGED"));
		mvc.perform(get("/v3/api-docs").with(httpBasic(w.gp().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/v1/referrals")));
	}

}
