package care.seamless.careplan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.seamless.SeamlessTest;
import care.seamless.careplan.CarePlanFixtures.Partnership;
import care.seamless.consent.ChoiceKind;
import care.seamless.consent.Choices;
import care.seamless.consent.HowGiven;
import care.seamless.consent.NewChoice;
import care.seamless.consent.WithheldReason;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.team.Directory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The contingency section, review notes and attainment scores follow the item-level
 * policy, decided in the query like objectives and actions.
 */
@SeamlessTest
class PlanItemVisibilityTests {

	@Autowired
	CarePlanFixtures fixtures;

	@Autowired
	CarePlans carePlans;

	@Autowired
	PlanReviews reviews;

	@Autowired
	PlanDiscussions discussions;

	@Autowired
	Choices choices;

	@Autowired
	PlanActions actions;

	@Autowired
	ActionQueues queues;

	@Autowired
	Directory directory;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	care.seamless.audit.AuditLog auditLog;

	@Test
	void attainmentScoresFollowTheVisibilityOfTheirObjective() {
		Partnership p = fixtures.partnership();
		UUID[] ids = fixtures.planWithTwoObjectives(p);
		// The trust's mental health objective is not shared with the council.
		UUID mood = carePlans.addObjective(p.nurse().actor(), p.person(),
				new NewObjective(null, Section.HEALTH, "Feel less low", "Enjoys a day out each week",
						"The person's own rating", LocalDate.now().plusMonths(3), List.of("d450"), Set.of(p.trust()),
						DataCategory.MENTAL_HEALTH));
		reviews.record(p.nurse().actor(), p.person(), Review.Kind.SCHEDULED, LocalDate.now(), null,
				Map.of(ids[0], 1, mood, -1), Map.of(ids[1], 0, mood, -2));

		Review seenByNurse = plan(p, p.nurse()).reviews().get(0);
		assertThat(seenByNurse.scores()).extracting(Review.Score::objectiveId).contains(mood);

		CarePlanView seenBySocialWorker = plan(p, p.socialWorker());
		assertThat(seenBySocialWorker.objectives()).extracting(Objective::id).doesNotContain(mood);
		Review review = seenBySocialWorker.reviews().get(0);
		assertThat(review.scores()).extracting(Review.Score::objectiveId)
			.containsExactlyInAnyOrder(ids[0], ids[1])
			.doesNotContain(mood);
	}

	@Test
	void reviewNotesAreWithheldWhereThePolicySaysAndTheNoticeSaysWhoHoldsThem() {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);
		reviews.record(p.nurse().actor(), p.person(), Review.Kind.AD_HOC, LocalDate.now(), "Low after her fall",
				Map.of(), Map.of());
		assertThat(plan(p, p.socialWorker()).reviews().get(0).notes()).isEqualTo("Low after her fall");

		objectsToTrustSharingWithCouncil(p);

		CarePlanView view = plan(p, p.socialWorker());
		assertThat(view.reviews()).singleElement().satisfies((r) -> {
			assertThat(r.notes()).isNull();
			assertThat(r.heldOn()).isEqualTo(LocalDate.now());
		});
		assertThat(view.withheld()).extracting(WithheldPart::reason).contains(WithheldReason.OBJECTION);
		assertThat(plan(p, p.nurse()).reviews().get(0).notes()).isEqualTo("Low after her fall");
	}

	@Test
	void theContingencySectionIsWithheldAndCannotBeOverwrittenBySomeoneWhoCannotSeeIt() {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);
		discussions.saveContingency(p.nurse().actor(), p.person(), null, "Call the crisis team first",
				"Crisis line 0300 000 0000");
		objectsToTrustSharingWithCouncil(p);

		CarePlanView view = plan(p, p.socialWorker());
		assertThat(view.contingency()).isNull();
		assertThat(view.withheld()).extracting(WithheldPart::reason).contains(WithheldReason.OBJECTION);

		// As far as the social worker can tell there is no section yet; saving one does
		// not replace the trust's.
		assertThatThrownBy(() -> discussions.saveContingency(p.socialWorker().actor(), p.person(), null,
				"Call her daughter", "Out of hours social care"))
			.isInstanceOf(ConcurrentEditException.class);
		assertThatThrownBy(() -> discussions.saveContingency(p.socialWorker().actor(), p.person(), 0L,
				"Call her daughter", "Out of hours social care"))
			.isInstanceOf(ConcurrentEditException.class);
		assertThat(plan(p, p.nurse()).contingency().inACrisis()).isEqualTo("Call the crisis team first");
	}

	@Test
	void aQueueReturnsOnlyTheActionsTheViewerMaySeeAndNamesWhoHoldsTheRest() {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);
		UUID general = actions.add(p.nurse().actor(), p.person(), new NewAction(null, ActionKind.ACTION,
				"Check the dressing supplies", DataCategory.GENERAL, p.nurse().practitionerId(), LocalDate.now()));
		UUID mental = actions.add(p.nurse().actor(), p.person(), new NewAction(null, ActionKind.ACTION,
				"Follow up the low mood", DataCategory.MENTAL_HEALTH, p.nurse().practitionerId(), LocalDate.now()));
		for (Action action : plan(p, p.nurse()).actions()) {
			actions.offer(p.nurse().actor(), p.person(), action.id(), action.version(), p.council());
		}

		WorkQueues council = queues.queues(p.socialWorker().actor());
		assertThat(council.offeredIn()).extracting(QueueItem::actionId).containsExactly(general);
		assertThat(council.offeredIn()).allSatisfy((i) -> assertThat(i.description()).isNotBlank());
		assertThat(council.withheld()).singleElement().satisfies((w) -> {
			assertThat(w.reason()).isEqualTo(WithheldReason.NO_AGREEMENT);
			assertThat(w.organisationName()).isEqualTo(directory.organisation(p.trust()).name());
		});
		assertThat(queues.queues(p.nurse().actor()).overdue()).extracting(QueueItem::actionId).doesNotContain(mental);
	}

	/**
	 * The worklist pages the offered-in queue in SQL (ADR 0058): walked by its "next
	 * page" links through more actions than one page holds, with actions the council may
	 * not see due on the same days, it lists every visible action once, in order, never a
	 * withheld one, names the withheld ones only by reason and owner, and lists exactly
	 * what the whole-queue read (the queue page's) lists. Each page is audited.
	 */
	@Test
	void theWorklistPagesThroughTheQueueWithoutSkippingRepeatingOrShowingWithheldActions() throws Exception {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);
		UUID general = actions.add(p.nurse().actor(), p.person(), new NewAction(null, ActionKind.ACTION,
				"Check the dressing supplies", DataCategory.GENERAL, p.nurse().practitionerId(), LocalDate.now()));
		UUID mental = actions.add(p.nurse().actor(), p.person(), new NewAction(null, ActionKind.ACTION,
				"Follow up the low mood", DataCategory.MENTAL_HEALTH, p.nurse().practitionerId(), LocalDate.now()));
		for (Action action : plan(p, p.nurse()).actions()) {
			actions.offer(p.nurse().actor(), p.person(), action.id(), action.version(), p.council());
		}
		// Copies due over the next few days, many on each day, so pages end inside a day;
		// the mental health ones (withheld from the council) fall between them.
		copies(general, 260);
		copies(mental, 90);
		List<UUID> visible = jdbc.sql("""
				select id from careplan.action where offered_to_organisation_id = :org and category = 'GENERAL'
				order by due_on, id""").param("org", p.council().id()).query(UUID.class).list();
		Set<UUID> hidden = Set.copyOf(jdbc.sql("""
				select id from careplan.action where offered_to_organisation_id = :org and category = 'MENTAL_HEALTH'
				""").param("org", p.council().id()).query(UUID.class).list());
		assertThat(visible).hasSize(261);
		long auditedBefore = worklistReads(p.socialWorker().username());

		List<UUID> listed = new java.util.ArrayList<>();
		String next = "/worklist/items?show=actions";
		int pages = 0;
		while (next != null) {
			String body = mvc
				.perform(get(java.net.URI.create(next))
					.with(httpBasic(p.socialWorker().username(), care.seamless.Fixtures.PASSWORD)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			List<UUID> onPage = java.util.regex.Pattern.compile("#action-([0-9a-f-]{36})")
				.matcher(body)
				.results()
				.map(m -> UUID.fromString(m.group(1)))
				.toList();
			assertThat(onPage).hasSizeLessThanOrEqualTo(200);
			assertThat(body).contains(onPage.size() + " items");
			listed.addAll(onPage);
			// Every page has withheld actions in its stretch of the queue; the notice
			// says
			// so and nothing more.
			assertThat(body).contains("id=\"worklist-withheld\"").doesNotContain("Outside the sharing agreement");
			assertThat(body).doesNotContain("Follow up the low mood");
			java.util.regex.Matcher link = java.util.regex.Pattern
				.compile("id=\"worklist-next\" rel=\"next\" href=\"([^\"]+)\"")
				.matcher(body);
			next = link.find() ? link.group(1).replace("&amp;", "&").replace("/worklist?", "/worklist/items?") : null;
			pages++;
		}
		assertThat(pages).isEqualTo(2);
		assertThat(listed).doesNotHaveDuplicates().doesNotContainAnyElementsOf(hidden).isEqualTo(visible);
		assertThat(listed).containsExactlyInAnyOrderElementsOf(
				queues.queues(p.socialWorker().actor()).offeredIn().stream().map(QueueItem::actionId).toList());
		// The nurse's organisation withholds nothing from her: no notice.
		assertThat(mvc
			.perform(get("/worklist/items").with(httpBasic(p.nurse().username(), care.seamless.Fixtures.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("worklist-withheld");
		assertThat(worklistReads(p.socialWorker().username())).isEqualTo(auditedBefore + pages);
		// A place made up by hand is refused plainly.
		mvc.perform(get("/worklist/items").param("after", "yesterday")
			.with(httpBasic(p.socialWorker().username(), care.seamless.Fixtures.PASSWORD)))
			.andExpect(status().isBadRequest());
	}

	private void copies(UUID action, int count) {
		jdbc.sql("""
				insert into careplan.action (id, plan_id, person_id, objective_id, kind, description, category,
				       owner_organisation_id, owner_practitioner_id, owner_team_id, due_on, status,
				       offered_to_organisation_id, offered_by, offered_at)
				select gen_random_uuid(), plan_id, person_id, objective_id, kind, description, category,
				       owner_organisation_id, owner_practitioner_id, owner_team_id, due_on + (g %% 4), status,
				       offered_to_organisation_id, offered_by, offered_at
				from careplan.action, generate_series(1, %d) g where id = :id""".formatted(count))
			.param("id", action)
			.update();
	}

	private long worklistReads(String username) {
		return auditLog.recent(5000, false)
			.stream()
			.filter(e -> e.account().equals(username) && e.action().equals("read-worklist"))
			.count();
	}

	private void objectsToTrustSharingWithCouncil(Partnership p) {
		choices.record(p.socialWorker().actor(), p.person(), new NewChoice(ChoiceKind.OBJECTION, p.council(),
				DataCategory.GENERAL, HowGiven.VERBAL, LocalDate.now(), null, null));
	}

	private CarePlanView plan(Partnership p, care.seamless.Fixtures.Staff viewer) {
		return carePlans.plan(viewer.actor(), p.person()).orElseThrow();
	}

}
