package care.seamless.partnership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The partnership register and the Partnership Assessment Tool on the real database and
 * through the pages: a commissioner records a pooled fund; a bad form names every problem
 * at once and saves nothing; stale edits are conflicts; ratings by partners give exact
 * means with disagreements first; low scores become actions with one owner; and a
 * commissioner or board member reaches no person's record.
 */
@SeamlessTest
class PartnershipRegisterTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Partnerships partnerships;

	@Autowired
	WorkingTogether workingTogether;

	@Autowired
	JdbcClient jdbc;

	record World(OrganisationId council, OrganisationId trust, OrganisationId outsider, Staff commissioner, Staff board,
			Staff socialWorker, Staff nurse, Staff outsiderStaff) {
	}

	World world() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		OrganisationId outsider = fixtures.organisation(OrganisationKind.VOLUNTARY_SECTOR);
		return new World(council, trust, outsider,
				fixtures.practitioner(council, Profession.SOCIAL_WORKER, Role.COMMISSIONER),
				fixtures.practitioner(trust, Profession.DISTRICT_NURSE, Role.BOARD_MEMBER),
				fixtures.practitioner(council, Profession.SOCIAL_WORKER, Role.PRACTITIONER),
				fixtures.practitioner(trust, Profession.DISTRICT_NURSE, Role.PRACTITIONER),
				fixtures.practitioner(outsider, Profession.SOCIAL_WORKER, Role.PRACTITIONER));
	}

	UUID pooledFund(World w) {
		return partnerships
			.create(w.commissioner().actor(), new NewPartnership(Fixtures.unique("Better Care Fund "),
					PartnershipKind.POOLED_FUND, PartnershipDirection.VERTICAL, "Fewer avoidable admissions",
					"Reablement, community equipment", "", "Joint board, monthly", w.council(),
					"Head of integrated care", LocalDate.of(2026, 4, 1), null, LocalDate.of(2027, 3, 31),
					"Six months' notice", PartnershipStatus.ACTIVE,
					List.of(new NewPartnership.Partner(w.council(), "£2.1m and the reablement team", "By agreement"),
							new NewPartnership.Partner(w.trust(), "£3.4m and community nursing", "")),
					java.util.Set.of()));
	}

	@Test
	void aCommissionerRecordsAPooledFundThroughThePage() throws Exception {
		World w = world();
		String redirect = mvc
			.perform(post("/partnerships").with(httpBasic(w.commissioner().username(), Fixtures.PASSWORD))
				.with(csrf())
				.param("name", "Łódź Road integrated team")
				.param("kind", "POOLED_FUND")
				.param("direction", "HORIZONTAL")
				.param("aims", "People leave hospital sooner")
				.param("functions", "Discharge to assess")
				.param("partners", w.council().id().toString(), w.trust().id().toString())
				.param("contribution-" + w.council().id(), "Social workers")
				.param("contribution-" + w.trust().id(), "Therapists")
				.param("host", w.trust().id().toString())
				.param("poolManager", "Deputy director of finance")
				.param("startDate", "2026-04-01")
				.param("reviewDate", "2027-04-01")
				.param("status", "ACTIVE"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		UUID id = UUID.fromString(redirect.substring(redirect.lastIndexOf('/') + 1));
		Partnership saved = partnerships.find(id);
		assertThat(saved.name()).isEqualTo("Łódź Road integrated team");
		assertThat(saved.host()).isEqualTo(w.trust());
		assertThat(saved.partners()).extracting(Partnership.Partner::contribution)
			.containsExactlyInAnyOrder("Social workers", "Therapists");
		String page = mvc.perform(get("/partnerships/" + id).with(httpBasic(w.nurse().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Łódź Road integrated team", "Deputy director of finance",
				"Pooled fund (section 75)");
		// Each page links only where its reader may go: a partner's practitioner to the
		// results but not the outcome returns, the commissioner to both, a manager of an
		// organisation outside the partnership (who reads other partnerships' outcomes)
		// to neither.
		assertThat(page).contains("id=\"results-over-time\"").doesNotContain("/partnerships/" + id + "/outcomes");
		assertThat(
				mvc.perform(get("/partnerships/" + id).with(httpBasic(w.commissioner().username(), Fixtures.PASSWORD)))
					.andReturn()
					.getResponse()
					.getContentAsString())
			.contains("id=\"outcomes-link\"", "/partnerships/" + id + "/outcomes", "id=\"results-over-time\"");
		Fixtures.Staff outside = fixtures.practitioner(
				fixtures.organisation(care.seamless.team.OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE),
				care.seamless.shared.Profession.SOCIAL_WORKER, care.seamless.shared.Role.PRACTITIONER,
				care.seamless.shared.Role.TEAM_MANAGER);
		assertThat(mvc.perform(get("/partnerships/" + id).with(httpBasic(outside.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("results-over-time", "/partnerships/" + id + "/outcomes");
		mvc.perform(get("/partnerships/" + id + "/results").with(httpBasic(outside.username(), Fixtures.PASSWORD)))
			.andExpect(status().isForbidden());
		// A practitioner reads the register but does not keep it.
		mvc.perform(post("/partnerships").with(httpBasic(w.nurse().username(), Fixtures.PASSWORD))
			.with(csrf())
			.param("name", "Mine")
			.param("kind", "INFORMAL")).andExpect(status().isForbidden());
	}

	@Test
	void aBadFormNamesEveryProblemAtOnceAndSavesNothing() throws Exception {
		World w = world();
		long before = count();
		String page = mvc
			.perform(post("/partnerships").with(httpBasic(w.commissioner().username(), Fixtures.PASSWORD))
				.with(csrf())
				.param("name", "")
				.param("kind", "POOLED_FUND")
				.param("direction", "SIDEWAYS")
				.param("aims", "x".repeat(5000))
				.param("functions", "Reablement")
				.param("partners", w.council().id().toString(), "not-an-organisation")
				.param("contribution-" + w.council().id(), "Money")
				.param("host", w.outsider().id().toString())
				.param("startDate", "2027-02-31")
				.param("reviewDate", "2026-01-01")
				.param("status", "ACTIVE"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("There is a problem", "Choose horizontal or vertical",
				"Choose partners from the list", "Enter a real date");
		care.seamless.web.ErrorSummaryLinks.assertEveryLinkLands(page);
		assertThat(count()).isEqualTo(before);
		// Readable values but broken rules: every rule named in one answer.
		page = mvc
			.perform(post("/partnerships").with(httpBasic(w.commissioner().username(), Fixtures.PASSWORD))
				.with(csrf())
				.param("name", "")
				.param("kind", "POOLED_FUND")
				.param("direction", "VERTICAL")
				.param("aims", "x".repeat(5000))
				.param("functions", "Reablement")
				.param("partners", w.council().id().toString())
				.param("contribution-" + w.council().id(), "Money")
				.param("host", w.outsider().id().toString())
				.param("startDate", "2027-02-01")
				.param("reviewDate", "2026-01-01")
				.param("status", "ACTIVE"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Enter the partnership&#39;s name", "4000 characters or fewer",
				"at least two partners", "The host must be one of the partners", "A pooled fund needs a pool manager",
				"The review date must be after the start date");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aStaleEditIsAConflictAndTheReadinessChecklistIsKept() {
		World w = world();
		UUID id = pooledFund(w);
		Partnership first = partnerships.find(id);
		NewPartnership renamed = new NewPartnership("Renamed", first.kind(), first.direction(), first.aims(),
				first.functions(), "", "", first.host(), first.poolManager(), first.startDate(), null,
				first.reviewDate(), "", PartnershipStatus.ACTIVE,
				first.partners()
					.stream()
					.map((p) -> new NewPartnership.Partner(p.organisation(), p.contribution(), p.variation()))
					.toList(),
				java.util.Set.of());
		partnerships.update(w.commissioner().actor(), id, first.version(), renamed);
		assertThatThrownBy(() -> partnerships.update(w.commissioner().actor(), id, first.version(), renamed))
			.isInstanceOf(ConcurrentEditException.class);
		partnerships.recordReadiness(w.commissioner().actor(), id, ReadinessItem.GOVERNANCE,
				ReadinessItem.State.IN_PLACE, "Board terms agreed", -1);
		assertThat(partnerships.find(id).readinessOf(ReadinessItem.GOVERNANCE).state())
			.isEqualTo(ReadinessItem.State.IN_PLACE);
		// A second tab that still shows "not started" cannot overwrite it.
		assertThatThrownBy(() -> partnerships.recordReadiness(w.commissioner().actor(), id, ReadinessItem.GOVERNANCE,
				ReadinessItem.State.NOT_STARTED, "", -1))
			.isInstanceOf(ConcurrentEditException.class);
		assertThatThrownBy(() -> partnerships.recordReadiness(w.nurse().actor(), id, ReadinessItem.HISTORY,
				ReadinessItem.State.IN_PLACE, "", -1))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void partnersRateAndDisagreementsComeFirstWithExactMeans() {
		World w = world();
		UUID id = pooledFund(w);
		UUID round = workingTogether.openRound(w.board().actor(), id, "Quarter 3");
		// The council rates trust 4 and 4, the trust rates it 1: a spread of 3.00.
		Staff secondSocialWorker = fixtures.practitioner(w.council(), Profession.SOCIAL_WORKER, Role.PRACTITIONER);
		workingTogether.rate(w.socialWorker().actor(), round, Map.of("TRUST.1", "4", "LEARN.1", "2"));
		workingTogether.rate(secondSocialWorker.actor(), round, Map.of("TRUST.1", "4", "LEARN.1", "3"));
		workingTogether.rate(w.nurse().actor(), round, Map.of("TRUST.1", "1", "LEARN.1", "2"));
		// Changing one's mind replaces the rating rather than adding one.
		workingTogether.rate(w.nurse().actor(), round, Map.of("LEARN.1", "1"));
		List<PrincipleResult> results = workingTogether.results(w.board().actor(), round);
		assertThat(results).extracting(PrincipleResult::principle).containsExactly(Principle.TRUST, Principle.LEARN);
		PrincipleResult trust = results.get(0);
		assertThat(trust.mean()).isEqualByComparingTo("3.00");
		assertThat(trust.spread()).isEqualByComparingTo("3.00");
		PrincipleResult learn = results.get(1);
		assertThat(learn.mean()).isEqualByComparingTo(new BigDecimal("2.00"));
		assertThat(learn.spread()).isEqualByComparingTo("1.50");
		assertThat(learn.low()).isTrue();
		// Only staff of a partner rate; a score off the scale is named on its statement.
		assertThatThrownBy(() -> workingTogether.rate(w.outsiderStaff().actor(), round, Map.of("TRUST.1", "4")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> workingTogether.rate(w.nurse().actor(), round, Map.of("TRUST.2", "5", "NOPE.1", "3")))
			.isInstanceOfSatisfying(PartnershipRule.class,
					(ex) -> assertThat(ex.violations()).extracting(care.seamless.shared.Violation::field)
						.contains("TRUST.2", "round"));
		assertThatThrownBy(() -> workingTogether.results(w.outsiderStaff().actor(), round))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aLowScoreBecomesAnActionWithOneOwnerAndAClosedRoundTakesNoRatings() throws Exception {
		World w = world();
		UUID id = pooledFund(w);
		UUID round = workingTogether.openRound(w.board().actor(), id, "Quarter 4");
		workingTogether.rate(w.nurse().actor(), round, Map.of("LEARN.2", "1"));
		assertThatThrownBy(
				() -> workingTogether.addAction(w.board().actor(), round, "LEARN", "", "nobody", "2020-01-01"))
			.isInstanceOfSatisfying(PartnershipRule.class,
					(ex) -> assertThat(ex.violations()).extracting(care.seamless.shared.Violation::field)
						.containsExactlyInAnyOrder("description", "owner", "dueDate"));
		UUID action = workingTogether.addAction(w.board().actor(), round, "LEARN",
				"Ask people who use services each quarter", w.socialWorker().actor().accountId().id().toString(),
				LocalDate.now().plusMonths(2).toString());
		assertThat(workingTogether.openActionsOwnedBy(w.socialWorker().actor())).extracting(AssessmentAction::id)
			.containsExactly(action);
		assertThat(mvc.perform(get("/worklist").with(httpBasic(w.socialWorker().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Partnership action you own", "Ask people who use services each quarter");
		assertThatThrownBy(() -> workingTogether.completeAction(w.nurse().actor(), action, 0))
			.isInstanceOf(AccessDeniedException.class);
		workingTogether.completeAction(w.socialWorker().actor(), action, 0);
		assertThatThrownBy(() -> workingTogether.completeAction(w.socialWorker().actor(), action, 0))
			.isInstanceOf(ConcurrentEditException.class);
		assertThat(workingTogether.openActionsOwnedBy(w.socialWorker().actor())).isEmpty();
		workingTogether.closeRound(w.commissioner().actor(), round, 0);
		assertThatThrownBy(() -> workingTogether.rate(w.nurse().actor(), round, Map.of("LEARN.2", "2")))
			.isInstanceOf(PartnershipRule.class);
	}

	@Test
	void commissionersAndBoardMembersReachNoPersonsRecord() throws Exception {
		World w = world();
		PersonId person = fixtures.person(Fixtures.unique("Ó Súilleabháin"), w.socialWorker());
		mvc.perform(
				get("/api/v1/people/" + person.id()).with(httpBasic(w.socialWorker().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk());
		for (Staff staff : List.of(w.commissioner(), w.board())) {
			int answer = mvc
				.perform(get("/api/v1/people/" + person.id()).with(httpBasic(staff.username(), Fixtures.PASSWORD)))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(answer).as(staff.username()).isIn(403, 404);
			mvc.perform(get("/partnerships").with(httpBasic(staff.username(), Fixtures.PASSWORD)))
				.andExpect(status().isOk());
		}
	}

	private long count() {
		return jdbc.sql("select count(*) from partnership.partnership").query(Long.class).single();
	}

}
