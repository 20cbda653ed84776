package care.seamless.referral;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.assessment.AnswerSource;
import care.seamless.assessment.Assessments;
import care.seamless.assessment.EpisodeId;
import care.seamless.assessment.SectionState;
import care.seamless.assessment.instrument.Stage;
import care.seamless.audit.AuditLog;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.Section;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.ItemKind;
import care.seamless.referral.ReferralWorld.World;
import care.seamless.shared.DataCategory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A referral sends the assessment sections and plan items the referrer chose, and only
 * those: the receiving team reads them through the access policy (service, page and API)
 * while the unchosen ones of the same category stay withheld.
 */
@SeamlessTest
class ReferralItemsTests {

	@Autowired
	ReferralWorld worlds;

	@Autowired
	Referrals referrals;

	@Autowired
	Assessments assessments;

	@Autowired
	CarePlans carePlans;

	@Autowired
	AuditLog auditLog;

	@Autowired
	MockMvc mvc;

	record Record(World w, EpisodeId episode, UUID home, UUID relationships, UUID sentObjective, UUID keptObjective) {
	}

	private Record record() {
		World w = worlds.create(true);
		var gp = w.gp().actor();
		EpisodeId episode = assessments.open(gp, w.person(), Stage.OVERVIEW);
		save(w, episode, "home", Map.of("home-suitable", "false"));
		save(w, episode, "relationships", Map.of("lonely", "true"));
		carePlans.start(gp, w.person(), null);
		UUID sent = carePlans.addObjective(gp, w.person(), CarePlanFixtures.objective("Sleeps downstairs safely",
				Section.HEALTH, Set.of(w.gp().organisationId())));
		UUID kept = carePlans.addObjective(gp, w.person(), CarePlanFixtures.objective("Sees her grandson weekly",
				Section.SOCIAL_CARE, Set.of(w.gp().organisationId())));
		return new Record(w, episode, row(w, episode, "home"), row(w, episode, "relationships"), sent, kept);
	}

	private void save(World w, EpisodeId episode, String section, Map<String, String> answers) {
		long version = assessments.section(w.gp().actor(), w.person(), episode, "sap-overview", section)
			.state()
			.version();
		assessments.saveSection(w.gp().actor(), w.person(), episode, "sap-overview", section, version,
				AnswerSource.OBSERVATION, answers);
	}

	private UUID row(World w, EpisodeId episode, String section) {
		return assessments.episode(w.gp().actor(), w.person(), episode)
			.sections()
			.stream()
			.filter(s -> s.section().id().equals(section))
			.findFirst()
			.orElseThrow()
			.rowId();
	}

	private ReferralId send(Record r, Set<SentItem> items) {
		NewReferral base = ReferralWorld.referral(r.w(), Urgency.ROUTINE);
		return referrals
			.refer(r.w().gp().actor(),
					new NewReferral(base.person(), base.fromTeam(), base.toTeam(), base.reasonCode(), base.reasonText(),
							base.urgency(), true, base.personView(), base.basis(), EnumSet.of(DataCategory.GENERAL),
							items),
					true)
			.id();
	}

	@Test
	void theReceivingTeamSeesExactlyTheChosenSectionsAndItems() throws Exception {
		Record r = record();
		World w = r.w();
		ReferralId id = send(r, Set.of(new SentItem(ItemKind.ASSESSMENT_SECTION, r.home()),
				new SentItem(ItemKind.PLAN_OBJECTIVE, r.sentObjective())));

		List<SectionState> seen = assessments.episode(w.worker().actor(), w.person(), r.episode()).sections();
		assertThat(seen).filteredOn(s -> s.rowId().equals(r.home())).singleElement().satisfies(s -> {
			assertThat(s.withheld()).isFalse();
		});
		assertThat(seen).filteredOn(s -> s.rowId().equals(r.relationships()))
			.singleElement()
			.satisfies(s -> assertThat(s.withheld()).isTrue());
		var plan = carePlans.plan(w.worker().actor(), w.person()).orElseThrow();
		assertThat(plan.objectives()).extracting(o -> o.id()).containsExactly(r.sentObjective());
		assertThat(plan.withheld()).isNotEmpty();
		// The referrer, in the care team, still sees everything.
		assertThat(carePlans.plan(w.gp().actor(), w.person()).orElseThrow().objectives()).hasSize(2);
		assertThat(referrals.view(w.worker().actor(), id).items()).extracting(SendableItem::id)
			.containsExactlyInAnyOrder(r.home(), r.sentObjective());

		// The same on the page and in the API.
		mvc.perform(get("/people/{id}/care-plan", w.person().id())
			.with(httpBasic(w.worker().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sleeps downstairs safely")))
			.andExpect(content().string(not(containsString("Sees her grandson weekly"))));
		mvc.perform(get("/api/v1/people/{id}/care-plan", w.person().id())
			.with(httpBasic(w.worker().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(r.sentObjective().toString())))
			.andExpect(content().string(not(containsString("Sees her grandson weekly"))));

		// Each item granted is audited by its id.
		assertThat(auditLog.historyOf(w.person(), 200)).extracting(e -> e.action() + " " + e.recordId())
			.contains("grant-assessment-section " + r.home(), "grant-plan-objective " + r.sentObjective());

		// On decline the grant ends: the chosen items are withheld again.
		referrals.decline(w.worker().actor(), id, referrals.view(w.gp().actor(), id).version(),
				DeclineReason.NOT_ELIGIBLE, "Try the community connector");
		assertThatThrownBy(() -> carePlans.plan(w.worker().actor(), w.person())).isInstanceOf(AccessDenied.class);
	}

	@Test
	void anItemTheReferrerCannotNameRefusesTheWholeReferral() throws Exception {
		Record r = record();
		Record other = record();
		World w = r.w();
		// Another person's section, a made-up id: refused on the items field, nothing
		// saved.
		assertThatThrownBy(() -> send(r, Set.of(new SentItem(ItemKind.ASSESSMENT_SECTION, other.home()))))
			.isInstanceOfSatisfying(ReferralRefused.class,
					ex -> assertThat(ex.problems()).extracting(ReferralRefused.Problem::field)
						.containsExactly("items"));
		mvc.perform(post("/people/{id}/referrals", w.person().id())
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
			.param("categories", "GENERAL")
			.param("items", "PLAN_OBJECTIVE:" + r.sentObjective(), "NOT_A_KIND:" + r.home(), "ASSESSMENT_SECTION:x"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "items"))
			.andExpect(content().string(containsString("that you can see yourself")));
		mvc.perform(post("/api/v1/referrals").with(httpBasic(w.gp().username(), Fixtures.PASSWORD))
			.with(csrf())
			.contentType("application/json")
			.content("""
					{"person":"%s","fromTeam":"%s","toTeam":"%s","reasonCode":"%s","reasonText":"Falls",
					 "urgency":"ROUTINE","personInformed":true,"personView":"Agrees","basis":"CONSENT",
					 "items":[{"kind":"PLAN_ACTION","id":"%s"}],"send":true}""".formatted(w.person().id(),
					w.gp().teamId().id(), w.manager().teamId().id(), ReferralWorld.REASON, r.sentObjective())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("items")));
		assertThat(referrals.outgoing(w.gp().actor(), EnumSet.allOf(ReferralStatus.class))).isEmpty();
		// The form offers only what the referrer may see, with the detail for choosing.
		mvc.perform(get("/people/{id}/referrals/new", w.person().id())
			.with(httpBasic(w.gp().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("PLAN_OBJECTIVE:" + r.keptObjective())))
			.andExpect(content().string(containsString("ASSESSMENT_SECTION:" + r.home())));
	}

}
