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
import care.seamless.consent.ItemKind;
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

	@Autowired
	care.seamless.consent.AccessPolicy accessPolicy;

	@Autowired
	care.seamless.Fixtures baseFixtures;

	@Autowired
	PlanSignatures signatures;

	@Autowired
	PlanViews planViews;

	@Autowired
	PlanPartsRepository planParts;

	@Autowired
	CarePlanRepository planRepository;

	@Autowired
	SignatureRepository signatureRepository;

	@Autowired
	CarerViewRepository carerViewRepository;

	@Autowired
	ActionRepository actionRepository;

	@Autowired
	DiscussionRepository discussionRepository;

	@Autowired
	ReviewRepository reviewRepository;

	@Autowired
	tools.jackson.databind.json.JsonMapper json;

	@Autowired
	care.seamless.consent.AccessGrants accessGrants;

	@Autowired
	care.seamless.consent.Overrides overrides;

	@Autowired
	care.seamless.consent.ActingFor actingFor;

	@Test
	void attainmentScoresFollowTheVisibilityOfTheirObjective() {
		Partnership p = fixtures.partnership();
		UUID[] ids = fixtures.planWithTwoObjectives(p);
		// The trust's mental health objective is not shared with the council.
		UUID mood = lowMood(p);
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
			// says so and nothing more.
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

	/**
	 * The worklist's organisation queues start from the viewer's own people
	 * (AccessPolicy.reachablePeople, ADR 77) instead of testing the rule on every action
	 * of the organisation. For every way of reaching a person and of being kept from
	 * their actions, each reader's pages (whole, cut short, and from a place inside the
	 * queue) must hold the same actions in the same order, with the same names and
	 * descriptions, as the organisation-wide form, or an action would go missing from
	 * someone's worklist. An action the viewer owns on a person whose care team they have
	 * left stays withheld from them, as before: the notice says something is withheld,
	 * and their team manager's queue lists it, unnamed, to hand on.
	 */
	@Test
	void theWorklistsQueuesFromTheViewersOwnPeopleAreTheOrganisationWideQueues() {
		care.seamless.Fixtures f = baseFixtures;
		var council = f.organisation(care.seamless.team.OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		var trust = f.organisation(care.seamless.team.OrganisationKind.NHS_COMMUNITY_TRUST);
		f.agreement(Set.of(council, trust), DataCategory.GENERAL, DataCategory.MENTAL_HEALTH);
		var viewer = f.practitioner(council, care.seamless.shared.Profession.SOCIAL_WORKER);
		var manager = f.practitionerIn(council, viewer.teamId(), care.seamless.shared.Profession.SOCIAL_WORKER, true,
				care.seamless.shared.Role.PRACTITIONER, care.seamless.shared.Role.TEAM_MANAGER);
		var owner = f.practitioner(council, care.seamless.shared.Profession.OCCUPATIONAL_THERAPIST);
		var colleague = f.practitioner(council, care.seamless.shared.Profession.SOCIAL_WORKER);
		var nurse = f.practitioner(trust, care.seamless.shared.Profession.DISTRICT_NURSE);

		var led = personWithPlan("Ashdown", owner, viewer);
		var granted = personWithPlan("Bellamy", owner);
		accessGrants.grant(f.admin, granted, viewer.teamId(), Set.of(DataCategory.GENERAL),
				java.time.Instant.now().plusSeconds(3600), "referral");
		var grantExpired = personWithPlan("Carrow", owner);
		accessGrants.grant(f.admin, grantExpired, viewer.teamId(), Set.of(DataCategory.GENERAL),
				java.time.Instant.now().minusSeconds(60), "referral");
		var overridden = personWithPlan("Dunmore", owner);
		overrides.breakGlass(viewer.actor(), overridden, care.seamless.consent.OverrideReason.EMERGENCY_CARE,
				"Worklist test emergency");
		// The trust's record of a person in the viewer's care team, linked with it: the
		// link carries under the agreement.
		var survivor = personWithPlan("Ellery", owner, nurse);
		link(survivor, trust, led, council);
		var objecting = personWithPlan("Fairweather", owner, viewer, nurse);
		choices.record(nurse.actor(), objecting, new NewChoice(ChoiceKind.OBJECTION, council, null, HowGiven.VERBAL,
				LocalDate.now().minusDays(1), null, null));
		var withdrawn = personWithPlan("Galloway", owner, viewer, nurse);
		UUID consent = choices.record(nurse.actor(), withdrawn, new NewChoice(ChoiceKind.CONSENT, council,
				DataCategory.MENTAL_HEALTH, HowGiven.VERBAL, LocalDate.now().minusDays(2), null, null));
		var consenting = personWithPlan("Hartley", owner, viewer, nurse);
		choices.record(nurse.actor(), consenting, new NewChoice(ChoiceKind.CONSENT, council, DataCategory.MENTAL_HEALTH,
				HowGiven.VERBAL, LocalDate.now().minusDays(2), null, null));
		var unseen = personWithPlan("Ingram", owner);
		var left = personWithPlan("Jessop", owner, viewer);
		var door = care.seamless.shared.Actor.personSide(care.seamless.shared.AccountId.random(),
				care.seamless.Fixtures.unique("door"));
		actingFor.begin(door, led, care.seamless.consent.ActingKind.SELF, Set.of(), "test");

		// Overdue actions of the council's and the trust's, and trust actions offered to
		// the council, several due on the same days.
		for (var person : List.of(led, granted, grantExpired, overridden, survivor, objecting, withdrawn, consenting,
				unseen)) {
			action(person, owner, DataCategory.GENERAL, -3, null);
			action(person, owner, DataCategory.MENTAL_HEALTH, -2, null);
			action(person, nurse, DataCategory.GENERAL, -3, council);
			action(person, nurse, DataCategory.MENTAL_HEALTH, -1, council);
			action(person, nurse, DataCategory.GENERAL, 5, null);
		}
		UUID ownedOnLeft = action(left, viewer, DataCategory.GENERAL, -2, null);
		jdbc.sql(
				"update team.care_team_member set period_end = current_date where person_id = :p and practitioner_id = :v")
			.param("p", left.id())
			.param("v", viewer.practitionerId().id())
			.update();
		var change = care.seamless.consent.ChoiceChange.byThePerson(care.seamless.consent.HowAsked.IN_PERSON,
				"Changed her mind");
		choices.withdraw(nurse.actor(), withdrawn, consent, 0, change);

		Map<ActionQueues.Queue, Set<UUID>> seen = new java.util.EnumMap<>(ActionQueues.Queue.class);
		for (var reader : List.of(viewer.actor(), manager.actor(), owner.actor(), colleague.actor(), nurse.actor(),
				door)) {
			for (var queue : List.of(ActionQueues.Queue.OVERDUE, ActionQueues.Queue.OFFERED)) {
				List<QueueItem> whole = queues.page(reader, queue, QueueKey.START, QueueKey.END.dueOn(), 1000, false);
				assertThat(queues.page(reader, queue, QueueKey.START, QueueKey.END.dueOn(), 1000))
					.as("%s %s", reader.username(), queue)
					.containsExactlyElementsOf(whole);
				QueueKey middle = whole.isEmpty() ? QueueKey.START
						: new QueueKey(whole.get(whole.size() / 2).dueOn(), whole.get(whole.size() / 2).actionId());
				for (var after : List.of(QueueKey.START, middle)) {
					for (var dueBefore : List.of(QueueKey.END.dueOn(), LocalDate.now().minusDays(2))) {
						assertThat(queues.page(reader, queue, after, dueBefore, 3))
							.as("%s %s after %s before %s", reader.username(), queue, after, dueBefore)
							.containsExactlyElementsOf(queues.page(reader, queue, after, dueBefore, 3, false));
					}
				}
				if (reader.equals(viewer.actor())) {
					seen.put(queue,
							whole.stream()
								.map(i -> planPerson(i.actionId()))
								.collect(java.util.stream.Collectors.toSet()));
				}
			}
		}
		// What the viewer's queues hold, so the comparison above is not between two empty
		// lists: each way of reaching a person, and none of the ways of being kept from
		// one.
		assertThat(seen.get(ActionQueues.Queue.OVERDUE)).containsExactlyInAnyOrder(led.id(), granted.id(),
				overridden.id(), survivor.id(), objecting.id(), withdrawn.id(), consenting.id());
		assertThat(seen.get(ActionQueues.Queue.OFFERED)).containsExactlyInAnyOrder(led.id(), granted.id(),
				overridden.id(), survivor.id(), withdrawn.id(), consenting.id());
		List<QueueItem> offered = queues.page(viewer.actor(), ActionQueues.Queue.OFFERED, QueueKey.START,
				QueueKey.END.dueOn(), 1000);
		assertThat(offered).filteredOn(i -> i.personId() != null && i.personId().equals(consenting)).hasSize(2);
		assertThat(offered).filteredOn(i -> i.personId() != null && i.personId().equals(withdrawn)).hasSize(1);
		// The action the viewer owns on a person they no longer see: not on their list,
		// a withheld notice over its stretch, and on their manager's list without a name.
		assertThat(queues.page(viewer.actor(), ActionQueues.Queue.OVERDUE, QueueKey.START, QueueKey.END.dueOn(), 1000))
			.extracting(QueueItem::actionId)
			.doesNotContain(ownedOnLeft);
		assertThat(queues.withholds(viewer.actor(), ActionQueues.Queue.OVERDUE, QueueKey.START, QueueKey.END,
				QueueKey.END.dueOn(), seenCount(viewer.actor())))
			.isTrue();
		assertThat(
				queues.page(manager.actor(), ActionQueues.Queue.ESCALATED, QueueKey.START, QueueKey.END.dueOn(), 1000))
			.filteredOn(i -> i.actionId().equals(ownedOnLeft))
			.singleElement()
			.satisfies(i -> {
				assertThat(i.personName()).isNull();
				assertThat(i.description()).isNull();
			});
	}

	private long seenCount(care.seamless.shared.Actor reader) {
		return queues.page(reader, ActionQueues.Queue.OVERDUE, QueueKey.START, QueueKey.END.dueOn(), 1000).size();
	}

	private care.seamless.shared.PersonId personWithPlan(String name, care.seamless.Fixtures.Staff lead,
			care.seamless.Fixtures.Staff... members) {
		var person = baseFixtures.person(care.seamless.Fixtures.unique(name), lead);
		for (var member : members) {
			baseFixtures.addToCareTeam(person, member);
		}
		carePlans.start(lead.actor(), person, null);
		return person;
	}

	private UUID planPerson(UUID action) {
		return jdbc.sql("select person_id from careplan.action where id = :id")
			.param("id", action)
			.query(UUID.class)
			.single();
	}

	/**
	 * An open action owned by {@code owner} (in their organisation and team), due
	 * {@code days} from today, offered to {@code offeredTo} if given: written directly,
	 * as the queues only read these columns.
	 */
	private UUID action(care.seamless.shared.PersonId person, care.seamless.Fixtures.Staff owner, DataCategory category,
			int days, care.seamless.shared.OrganisationId offeredTo) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into careplan.action (id, plan_id, person_id, kind, description, category, owner_organisation_id,
				       owner_practitioner_id, owner_team_id, due_on, status, offered_to_organisation_id, offered_by,
				       offered_at)
				select :id, cp.id, cp.person_id, 'ACTION', :description, :category, :org, :owner, :team,
				       current_date + :days, 'OPEN', cast(:offered as uuid), cast(:offeredBy as text),
				       cast(:offeredAt as timestamptz)
				from careplan.care_plan cp where cp.person_id = :person""")
			.param("id", id)
			.param("description", "Action " + category + " " + days)
			.param("category", category.name())
			.param("org", owner.organisationId().id())
			.param("owner", owner.practitionerId().id())
			.param("team", owner.teamId().id())
			.param("days", days)
			.param("offered", offeredTo == null ? null : offeredTo.id())
			.param("offeredBy", offeredTo == null ? null : "test")
			.param("offeredAt", offeredTo == null ? null : java.sql.Timestamp.from(java.time.Instant.now()))
			.param("person", person.id())
			.update();
		return id;
	}

	private void link(care.seamless.shared.PersonId survivor, care.seamless.shared.OrganisationId survivorHolder,
			care.seamless.shared.PersonId merged, care.seamless.shared.OrganisationId mergedHolder) {
		for (var record : List.of(survivor, merged)) {
			jdbc.sql(
					"insert into consent.identity_link (person_id, group_id, holder_organisation_id) values (:p, :g, :h)")
				.param("p", record.id())
				.param("g", survivor.id())
				.param("h", (record.equals(survivor) ? survivorHolder : mergedHolder).id())
				.update();
		}
	}

	/**
	 * The withheld notice is one read over every part of the plan (ADR 0064). It must
	 * name exactly what each part's own withheld-reason query names, the way the view
	 * used to read them one part at a time, and each reason and organisation once; the
	 * withheld contents stay out, the read is audited once, and someone outside the care
	 * team is still refused, with the refusal audited.
	 */
	@Test
	void theWithheldNoticeNamesWhatEachPartsOwnReadNamesAndTheReadIsAuditedAsBefore() {
		Partnership p = fixtures.partnership();
		fixtures.planWithTwoObjectives(p);
		// Mental health from the trust: outside the council's agreement.
		UUID mood = lowMood(p);
		UUID followUp = actions.add(p.nurse().actor(), p.person(), new NewAction(null, ActionKind.ACTION,
				"Follow up the low mood", DataCategory.MENTAL_HEALTH, p.nurse().practitionerId(), LocalDate.now()));
		// General information from the trust, withheld once the person objects.
		discussions.saveContingency(p.nurse().actor(), p.person(), null, "Call the crisis team first",
				"Crisis line 0300 000 0000");
		reviews.record(p.nurse().actor(), p.person(), Review.Kind.AD_HOC, LocalDate.now(), "Low after her fall",
				Map.of(), Map.of());
		objectsToTrustSharingWithCouncil(p);
		long readsBefore = planReads(p, p.socialWorker(), "PERMITTED");

		CarePlanView view = plan(p, p.socialWorker());

		care.seamless.shared.Actor viewer = p.socialWorker().actor();
		UUID planId = view.id();
		Set<WithheldPart> partByPart = new java.util.LinkedHashSet<>();
		partByPart.addAll(reasons(planId, "careplan.objective obj where obj.plan_id = :planId",
				"obj.source_organisation_id", accessPolicy.withheldReason(viewer, "obj.person_id", "obj.category",
						"obj.source_organisation_id", ItemKind.PLAN_OBJECTIVE, "obj.id")));
		partByPart.addAll(reasons(planId,
				"careplan.carer_view cv join careplan.objective obj on obj.id = cv.objective_id where obj.plan_id = :planId",
				"cv.organisation_id",
				accessPolicy.withheldReason(viewer, "cv.person_id", "cv.category", "cv.organisation_id")));
		partByPart.addAll(reasons(planId, "careplan.action act where act.plan_id = :planId",
				"act.owner_organisation_id", accessPolicy.withheldReason(viewer, "act.person_id", "act.category",
						"act.owner_organisation_id", ItemKind.PLAN_ACTION, "act.id")));
		partByPart.addAll(reasons(planId, "careplan.contingency cnt where cnt.plan_id = :planId",
				"cnt.source_organisation_id",
				accessPolicy.withheldReason(viewer, "cnt.person_id", "cnt.category", "cnt.source_organisation_id")));
		partByPart.addAll(reasons(planId, "careplan.review rv where rv.plan_id = :planId and rv.notes is not null",
				"rv.source_organisation_id",
				accessPolicy.withheldReason(viewer, "rv.person_id", "rv.category", "rv.source_organisation_id")));
		String trust = directory.organisation(p.trust()).name();
		assertThat(partByPart).containsExactlyInAnyOrder(new WithheldPart(WithheldReason.NO_AGREEMENT, trust),
				new WithheldPart(WithheldReason.OBJECTION, trust));
		assertThat(view.withheld()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(partByPart);
		assertThat(view.objectives()).extracting(Objective::id).doesNotContain(mood).hasSize(2);
		assertThat(view.actions()).extracting(Action::id).doesNotContain(followUp);
		assertThat(view.contingency()).isNull();
		assertThat(view.reviews()).singleElement().satisfies((r) -> assertThat(r.notes()).isNull());
		assertThat(planReads(p, p.socialWorker(), "PERMITTED")).isEqualTo(readsBefore + 1);

		// The nurse sees everything, with nothing withheld and the needs in her words.
		CarePlanView nurses = plan(p, p.nurse());
		assertThat(nurses.withheld()).isEmpty();
		assertThat(nurses.objectives()).extracting(Objective::id).contains(mood);
		assertThat(nurses.actions()).extracting(Action::id).contains(followUp);
		assertThat(nurses.actions()).filteredOn((a) -> a.id().equals(followUp))
			.singleElement()
			.satisfies((a) -> assertThat(a.ownerName())
				.isEqualTo(directory.practitioner(p.nurse().practitionerId()).displayName()));

		care.seamless.Fixtures.Staff outsider = baseFixtures.practitioner(p.council(),
				care.seamless.shared.Profession.SOCIAL_WORKER);
		assertThatThrownBy(() -> plan(p, outsider)).isInstanceOf(care.seamless.consent.AccessDenied.class);
		assertThat(planReads(p, outsider, "DENIED")).isEqualTo(1);
	}

	/**
	 * The plan's parts read in one statement give exactly what each part's own read gives
	 * (the reads the view made before, one statement each), for several plans and
	 * readers, with items, notes and a contingency withheld, in the person's words too;
	 * the answer is the same JSON, each read is audited once as before, and someone
	 * outside the care team is still refused with the refusal audited.
	 */
	@Test
	void thePlanReadInOneStatementAnswersAsThePartByPartReadsAndIsAuditedAsBefore() {
		Partnership p = fixtures.partnership();
		UUID[] ids = fixtures.planWithTwoObjectives(p);
		UUID mood = lowMood(p);
		actions.add(p.nurse().actor(), p.person(), new NewAction(mood, ActionKind.ACTION, "Follow up the low mood",
				DataCategory.MENTAL_HEALTH, p.nurse().practitionerId(), LocalDate.now()));
		actions.add(p.socialWorker().actor(), p.person(),
				new NewAction(ids[0], ActionKind.SERVICE, "Shopping trip on Tuesdays", DataCategory.GENERAL,
						p.socialWorker().practitionerId(), LocalDate.now().plusDays(7)));
		discussions.saveContingency(p.nurse().actor(), p.person(), null, "Call the crisis team first",
				"Crisis line 0300 000 0000");
		discussions.addRisk(p.socialWorker().actor(), p.person(), "Goes out alone", "She wants to", "A pendant alarm",
				DataCategory.GENERAL);
		UUID decision = discussions.addDecision(p.socialWorker().actor(), p.person(),
				"How should washing be supported?", List.of("Carers each morning", "Adaptations"),
				List.of("Safer", "Independent"), DataCategory.GENERAL);
		Decision put = plan(p, p.nurse()).decisions().get(0);
		discussions.addView(p.nurse().actor(), p.person(), put.options().get(1).id(), "Not until the ulcer heals");
		discussions.recordChoice(p.socialWorker().actor(), p.person(), decision, put.version(),
				put.options().get(1).id(), "I want to manage on my own");
		reviews.record(p.nurse().actor(), p.person(), Review.Kind.AD_HOC, LocalDate.now(), "Low after her fall",
				Map.of(ids[0], 1, mood, -1), Map.of(ids[1], 0, mood, -2));
		signatures.signUp(p.socialWorker().actor(), p.person(), ids[0]);
		signatures.recordPersonsView(p.nurse().actor(), p.person(), ids[1], PersonsView.View.DISAGREES, null,
				"It still hurts");
		Partnership second = fixtures.partnership();
		fixtures.planWithTwoObjectives(second);

		assertSameAsPartByPart(p, p.nurse(), null);
		assertSameAsPartByPart(p, p.socialWorker(), null);
		assertSameAsPartByPart(second, second.supportWorker(), null);
		objectsToTrustSharingWithCouncil(p);
		CarePlanView withheld = assertSameAsPartByPart(p, p.socialWorker(), null);
		assertThat(withheld.withheld()).isNotEmpty();
		assertThat(withheld.contingency()).isNull();
		assertThat(withheld.objectives()).extracting(Objective::id).doesNotContain(mood);
		assertThat(withheld.reviews()).singleElement().satisfies((r) -> {
			assertThat(r.notes()).isNull();
			assertThat(r.scores()).extracting(Review.Score::objectiveId).doesNotContain(mood);
		});
		assertSameAsPartByPart(p, p.socialWorker(), care.seamless.terminology.Audience.PERSON);
		assertSameAsPartByPart(p, p.nurse(), null);

		care.seamless.Fixtures.Staff outsider = baseFixtures.practitioner(p.council(),
				care.seamless.shared.Profession.SOCIAL_WORKER);
		assertThatThrownBy(() -> plan(p, outsider)).isInstanceOf(care.seamless.consent.AccessDenied.class);
		assertThat(planReads(p, outsider, "DENIED")).isEqualTo(1);
		assertThat(planReads(p, outsider, "PERMITTED")).isZero();
	}

	/**
	 * The conditions decided once per person, category and holder (ADR 89, addendum)
	 * answer as each part's own condition per row did: the same parts, view and JSON for
	 * a reader who sees everything and one from whom objectives, an action, the
	 * contingency and review notes are withheld; a refusal for one outside the care team;
	 * every read's audit entry is what {@code AccessPolicy.decide} says for opening the
	 * record.
	 */
	@Test
	void thePartsDecidedOnceAKeyAnswerAsEachPartDecidedPerRowAndAreAuditedAsDecided() {
		Partnership p = fixtures.partnership();
		UUID[] ids = fixtures.planWithTwoObjectives(p);
		UUID mood = lowMood(p);
		UUID followUp = actions.add(p.nurse().actor(), p.person(), new NewAction(mood, ActionKind.ACTION,
				"Follow up the low mood", DataCategory.MENTAL_HEALTH, p.nurse().practitionerId(), LocalDate.now()));
		discussions.saveContingency(p.nurse().actor(), p.person(), null, "Call the crisis team first",
				"Crisis line 0300 000 0000");
		reviews.record(p.nurse().actor(), p.person(), Review.Kind.AD_HOC, LocalDate.now(), "Low after her fall",
				Map.of(ids[0], 1, mood, -1), Map.of());
		objectsToTrustSharingWithCouncil(p);

		// The rule is evaluated inside its withheld reason (ADR 94), and the statement
		// carries it once for the keys and both kinds of item (ADR 112): the reason over
		// the kind and item columns once, neither the reasons nor the rules of one kind
		// of
		// item, and the policy's override look-up (one in every copy of the rule) once.
		String statement = planParts.statement(planViews.conditions(p.nurse().actor()), Map.of()).sql();
		String decided = positional(accessPolicy
			.withheldItemReason(p.nurse().actor(), "k.person_id", "k.category", "k.holder", "k.kind", "k.id")
			.sql());
		assertThat(statement.split(java.util.regex.Pattern.quote(decided), -1)).hasSize(2);
		assertThat(statement.split("from consent\\.override pdp_o ", -1)).hasSize(2);
		for (String[] item : new String[][] { { "obj", "source_organisation_id", "PLAN_OBJECTIVE" },
				{ "act", "owner_organisation_id", "PLAN_ACTION" } }) {
			ItemKind kind = ItemKind.valueOf(item[2]);
			String at = item[0] + ".";
			String reason = positional(accessPolicy
				.withheldReason(p.nurse().actor(), at + "person_id", at + "category", at + item[1], kind, at + "id")
				.sql());
			String rule = positional(accessPolicy
				.visibleItems(p.nurse().actor(), at + "person_id", at + "category", at + item[1], kind, at + "id")
				.sql());
			assertThat(statement).doesNotContain(reason).doesNotContain(rule);
		}
		CarePlanView full = assertSameAsPartByPart(p, p.nurse(), null);
		assertAuditedAsDecided(p, p.nurse());
		assertThat(full.withheld()).isEmpty();
		assertThat(full.objectives()).extracting(Objective::id).contains(mood);
		assertThat(full.contingency()).isNotNull();
		assertThat(full.reviews()).singleElement().satisfies((r) -> assertThat(r.notes()).isNotNull());
		CarePlanView partial = assertSameAsPartByPart(p, p.socialWorker(), null);
		assertAuditedAsDecided(p, p.socialWorker());
		assertThat(partial.withheld()).isNotEmpty();
		assertThat(partial.objectives()).extracting(Objective::id).doesNotContain(mood).hasSize(2);
		assertThat(partial.actions()).extracting(Action::id).doesNotContain(followUp);
		assertThat(partial.contingency()).isNull();
		assertThat(partial.reviews()).singleElement().satisfies((r) -> assertThat(r.notes()).isNull());

		care.seamless.Fixtures.Staff outsider = baseFixtures.practitioner(p.council(),
				care.seamless.shared.Profession.SOCIAL_WORKER);
		assertThatThrownBy(() -> plan(p, outsider)).isInstanceOf(care.seamless.consent.AccessDenied.class);
		assertThat(planReads(p, outsider, "DENIED")).isEqualTo(1);
		assertAuditedAsDecided(p, outsider);
		// Read directly, the outsider's decided parts withhold what their per-row form
		// does.
		UUID planId = planRepository.planFor(p.person()).orElseThrow().id();
		assertThat(planParts.read(planId, planViews.conditions(outsider.actor())))
			.isEqualTo(partByPart(planId, planViews.conditionsPerPart(outsider.actor())));
	}

	/**
	 * ADR 124: an objective or action that no grant names takes its person, category and
	 * holder's reason, so the rule runs once per key, not once more per item: the rows of
	 * {@code pdp_k}, each of which evaluates the rule, are the plan's keys, where they
	 * were the keys and every objective and action besides. The reads still answer as
	 * each part's own condition per row does.
	 */
	@Test
	void itemsNoGrantNamesAreDecidedByTheirKeyAndTheRuleRunsOncePerKey() {
		Partnership p = fixtures.partnership();
		UUID[] ids = fixtures.planWithTwoObjectives(p);
		actions.add(p.socialWorker().actor(), p.person(), new NewAction(ids[0], ActionKind.SERVICE,
				"Shopping trip on Tuesdays", DataCategory.GENERAL, p.socialWorker().practitionerId(), LocalDate.now()));
		actions.add(p.socialWorker().actor(), p.person(), new NewAction(ids[1], ActionKind.ACTION,
				"Dressings twice a week", DataCategory.GENERAL, p.socialWorker().practitionerId(), LocalDate.now()));
		UUID planId = planRepository.planFor(p.person()).orElseThrow().id();
		int keys = jdbc.sql("""
				select count(*) from (select person_id, category, source_organisation_id from careplan.objective
				  where plan_id = :plan
				 union select person_id, category, owner_organisation_id from careplan.action where plan_id = :plan) k
				""").param("plan", planId).query(Integer.class).single();
		PlanPartsRepository.Conditions conditions = planViews.conditions(p.nurse().actor());
		String plan = jdbc.sql("explain (analyze, format json) " + PlanPartsRepository.sql(conditions))
			.params(PlanPartsRepository.params(planId, conditions))
			.query(String.class)
			.single();
		java.util.regex.Matcher decided = java.util.regex.Pattern
			.compile("\"Subplan Name\": \"CTE pdp_k\"[^{}]*?\"Actual Rows\": (\\d+)")
			.matcher(plan);
		assertThat(decided.find()).isTrue();
		assertThat(keys).isBetween(1, 3);
		assertThat(Integer.parseInt(decided.group(1))).isEqualTo(keys);
		CarePlanView full = assertSameAsPartByPart(p, p.nurse(), null);
		assertThat(full.objectives()).hasSize(2);
		assertThat(full.actions()).hasSize(2);
		assertAuditedAsDecided(p, p.nurse());
		assertSameAsPartByPart(p, p.socialWorker(), null);
		assertAuditedAsDecided(p, p.socialWorker());
	}

	/**
	 * The reader's latest plan read is audited as the policy decides opening the record.
	 */
	private void assertAuditedAsDecided(Partnership p, care.seamless.Fixtures.Staff reader) {
		care.seamless.consent.AccessDecision decision = accessPolicy.decide(reader.actor(),
				care.seamless.consent.AccessRequest.toOpen(p.person(), "read", "CarePlan"));
		care.seamless.audit.AuditEntry entry = auditLog.historyOf(p.person(), 500)
			.stream()
			.filter((e) -> e.account().equals(reader.username()) && e.action().equals("read")
					&& e.recordType().equals("CarePlan"))
			.max(java.util.Comparator.comparingLong(care.seamless.audit.AuditEntry::id))
			.orElseThrow();
		assertThat(entry.outcome()).isEqualTo(decision.permitted() ? "PERMITTED" : "DENIED");
		assertThat(entry.reason()).isEqualTo(decision.policy() + ": " + decision.reason());
		assertThat(entry.recordId()).isEqualTo(p.person().id().toString());
		assertThat(entry.personId()).isEqualTo(p.person().id());
		assertThat(entry.override()).isEqualTo(decision.override());
	}

	/**
	 * The plan as the viewer reads it now (audited once), against the same plan put
	 * together from each part's own read with the same conditions; returns the view.
	 */
	private CarePlanView assertSameAsPartByPart(Partnership p, care.seamless.Fixtures.Staff viewer,
			care.seamless.terminology.@org.jspecify.annotations.Nullable Audience audience) {
		// The person's copy is audited as what it is, a print.
		String action = (audience == null) ? "read" : "print-persons-copy";
		long readsBefore = planAudits(p, viewer, action, "PERMITTED");
		CarePlanView read = (audience == null) ? plan(p, viewer)
				: carePlans.personsCopy(viewer.actor(), p.person()).plan();
		assertThat(planAudits(p, viewer, action, "PERMITTED")).isEqualTo(readsBefore + 1);

		CarePlanRepository.PlanRow row = planRepository.planFor(p.person()).orElseThrow();
		PlanPartsRepository.Conditions conditions = planViews.conditions(viewer.actor());
		PlanPartsRepository.Conditions perPart = planViews.conditionsPerPart(viewer.actor());
		PlanPartsRepository.Parts oneStatement = planParts.read(row.id(), conditions);
		PlanPartsRepository.Parts partByPart = partByPart(row.id(), perPart);
		assertThat(oneStatement).isEqualTo(partByPart).isEqualTo(planParts.read(row.id(), perPart));
		// The kept statement (ADR 78) answers as the one built afresh, and is kept: the
		// next read of this viewer's shape sends the very same text.
		assertThat(oneStatement).isEqualTo(planParts.readBuiltAfresh(row.id(), conditions));
		assertThat(planParts.statement(planViews.conditions(viewer.actor()), Map.of()))
			.isSameAs(planParts.statement(conditions, Map.of()))
			.isNotNull();
		assertThat(planParts.statement(conditions, Map.of("planIds", List.of(row.id())))).isNull();
		CarePlanView before = planViews.view(viewer.actor(), row, audience, partByPart);
		assertThat(read).isEqualTo(before);
		assertThat(json.writeValueAsString(read)).isEqualTo(json.writeValueAsString(before));
		return read;
	}

	/** Every part read on its own, as the plan's view read them before. */
	private PlanPartsRepository.Parts partByPart(UUID planId, PlanPartsRepository.Conditions c) {
		return new PlanPartsRepository.Parts(signatureRepository.partners(planId),
				carerViewRepository.visible(planId, c.carers()), planRepository.objectives(planId, c.objectives()),
				actionRepository.visible(planId, c.actions()), discussionRepository.options(planId),
				planRepository.withheld(planId, c.withheld()), signatureRepository.views(planId),
				planRepository.outcomes(planId), discussionRepository.contingency(planId, c.contingency()).orElse(null),
				discussionRepository.risks(planId, c.risks()), discussionRepository.decisions(planId, c.decisions()),
				reviewRepository.reviews(planId, c.reviewNotes(), c.reviewObjectives()),
				signatureRepository.agreed(planId));
	}

	/** One part's withheld reasons, read on their own as the view read them before. */
	private List<WithheldPart> reasons(UUID planId, String from, String source,
			care.seamless.consent.SqlCondition reason) {
		return jdbc
			.sql("select distinct " + reason.sql() + " as reason, " + source + " as source from " + from + " and "
					+ reason.sql() + " is not null")
			.params(reason.params())
			.param("planId", planId)
			.query((rs, n) -> new WithheldPart(WithheldReason.valueOf(rs.getString("reason")),
					directory.organisation(new care.seamless.shared.OrganisationId(rs.getObject("source", UUID.class)))
						.name()))
			.list();
	}

	private long planReads(Partnership p, care.seamless.Fixtures.Staff viewer, String outcome) {
		return planAudits(p, viewer, "read", outcome);
	}

	private long planAudits(Partnership p, care.seamless.Fixtures.Staff viewer, String action, String outcome) {
		return auditLog.historyOf(p.person(), 500)
			.stream()
			.filter(e -> e.account().equals(viewer.username()) && e.action().equals(action)
					&& e.recordType().equals("CarePlan") && e.outcome().equals(outcome))
			.count();
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

	/**
	 * A condition's text as it stands in a kept statement, its parameters as {@code ?}.
	 */
	private static String positional(String sql) {
		return org.springframework.jdbc.core.namedparam.NamedParameterUtils.substituteNamedParameters(
				org.springframework.jdbc.core.namedparam.NamedParameterUtils.parseSqlStatement(sql), null);
	}

	/**
	 * An objective about mental health recorded by the trust, outside the council's
	 * agreement: withheld from the council's social worker.
	 */
	private UUID lowMood(Partnership p) {
		return carePlans.addObjective(p.nurse().actor(), p.person(),
				new NewObjective(null, Section.HEALTH, "Feel less low", "Enjoys a day out each week",
						"The person's own rating", LocalDate.now().plusMonths(3), List.of("d450"), Set.of(p.trust()),
						DataCategory.MENTAL_HEALTH));
	}

	private void objectsToTrustSharingWithCouncil(Partnership p) {
		choices.record(p.socialWorker().actor(), p.person(), new NewChoice(ChoiceKind.OBJECTION, p.council(),
				DataCategory.GENERAL, HowGiven.VERBAL, LocalDate.now(), null, null));
	}

	private CarePlanView plan(Partnership p, care.seamless.Fixtures.Staff viewer) {
		return carePlans.plan(viewer.actor(), p.person()).orElseThrow();
	}

}
