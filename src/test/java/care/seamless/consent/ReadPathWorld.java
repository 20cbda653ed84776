package care.seamless.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import care.seamless.Fixtures;
import care.seamless.assessment.AnswerSource;
import care.seamless.assessment.Assessments;
import care.seamless.assessment.EpisodeId;
import care.seamless.assessment.instrument.Stage;
import care.seamless.careplan.ActionKind;
import care.seamless.careplan.ActionQueues;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.NewAction;
import care.seamless.careplan.NewObjective;
import care.seamless.careplan.PlanActions;
import care.seamless.careplan.Section;
import care.seamless.eligibility.Eligibility;
import care.seamless.eligibility.EligibilityFixtures;
import care.seamless.eligibility.NewDetermination;
import care.seamless.partnership.AgreementStatus;
import care.seamless.partnership.Agreements;
import care.seamless.partnership.NewAgreement;
import care.seamless.person.People;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Purpose;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Random partnerships for the read-path properties, first as plain data (so jqwik can
 * shrink and a seed reproduces them) and then built through the modules' public APIs.
 * Every item that carries personal information gets a unique token in its text, so a
 * property can look for it in any response (JSON, HTML, PDF text) without knowing the
 * layout, and every item records the category and organisation the access policy decides
 * on.
 */
final class ReadPathWorld {

	private static final AtomicInteger TOKENS = new AtomicInteger(100_000);

	private ReadPathWorld() {
	}

	/** Which read path an item appears on and how it was recorded. */
	enum Kind {

		ENTRY, OBJECTIVE, ACTION, DETERMINATION, ANSWER, CAPACITY, BEST_INTERESTS

	}

	/** One recorded item: the policy's inputs and the token that betrays it. */
	record Item(Kind kind, PersonId person, String token, DataCategory category, OrganisationId source,
			@Nullable UUID id, @Nullable String section) {
	}

	record Reader(Fixtures.Staff staff, Actor actor, boolean manager) {

		@java.lang.Override
		public String toString() {
			return actor.username() + "@" + actor.organisationCode() + "/" + actor.purpose()
					+ (manager ? "/manager" : "");
		}

	}

	record BuiltPerson(PersonId id, String familyName, List<Item> items, @Nullable UUID episode) {
	}

	/** The people, readers, items and linked groups of one try. */
	record World(String surname, List<Reader> readers, List<BuiltPerson> people, List<List<PersonId>> linked) {

		List<Item> items() {
			return people.stream().flatMap(p -> p.items().stream()).toList();
		}

		List<Item> items(Kind kind) {
			return items().stream().filter(i -> i.kind() == kind).toList();
		}

	}

	// ---- plans: plain data ----

	record ChoicePlan(ChoiceKind kind, @Nullable Integer organisation, @Nullable DataCategory category, int fromDays,
			boolean withdrawn) {
	}

	record ItemPlan(int author, DataCategory category) {
	}

	record ActionPlan(int author, int owner, DataCategory category, boolean overdue) {
	}

	record CapacityPlan(int assessor, boolean bestInterests) {
	}

	record Relations(int lead, List<Integer> members, List<ChoicePlan> choices, List<Integer> grants,
			List<Integer> overrides) {
	}

	record Content(List<ItemPlan> entries, List<ItemPlan> objectives, List<ActionPlan> actions,
			List<Integer> determination, List<ItemPlan> answers, List<CapacityPlan> capacity) {
	}

	record PersonPlan(Relations relations, Content content) {
	}

	record AgreementPlan(Set<Integer> parties, Set<Purpose> purposes, Set<DataCategory> categories,
			AgreementStatus status) {
	}

	record StaffPlan(int organisation, boolean manager, Purpose purpose) {
	}

	record Plan(int organisations, List<StaffPlan> staff, List<AgreementPlan> agreements, List<PersonPlan> people,
			boolean link) {
	}

	/**
	 * The categories an assessment answer can carry here, each with a section of the
	 * contact assessment that any profession may complete.
	 */
	static final Map<DataCategory, String[]> ANSWER_SECTIONS = Map.of(DataCategory.GENERAL,
			new String[] { "presenting-problem", "presenting-problem" }, DataCategory.MENTAL_HEALTH,
			new String[] { "screen-mind", "low-mood" }, DataCategory.SAFEGUARDING,
			new String[] { "screen-safety", "feels-safe" });

	/** How many answers the section saved for a category holds. */
	static int answersIn(DataCategory category) {
		return category == DataCategory.GENERAL ? 1 : 2;
	}

	static Arbitrary<Plan> plans() {
		Arbitrary<Integer> index = Arbitraries.integers().between(0, 7);
		Arbitrary<DataCategory> category = Arbitraries.frequency(Tuple.of(4, DataCategory.GENERAL),
				Tuple.of(2, DataCategory.MENTAL_HEALTH), Tuple.of(1, DataCategory.SEXUAL_HEALTH),
				Tuple.of(1, DataCategory.SAFEGUARDING), Tuple.of(1, DataCategory.FINANCES),
				Tuple.of(1, DataCategory.THIRD_PARTY));
		Arbitrary<ChoicePlan> choice = Combinators
			.combine(Arbitraries.of(ChoiceKind.class), index.injectNull(0.4), category.injectNull(0.4),
					Arbitraries.integers().between(-20, 0), Arbitraries.of(true, false, false, false, false))
			.as(ChoicePlan::new);
		Arbitrary<Relations> relations = Combinators
			.combine(index, index.list().ofMinSize(1).ofMaxSize(3), choice.list().ofMaxSize(3),
					index.list().ofMaxSize(1),
					index.injectNull(0.85).map(i -> i == null ? List.<Integer>of() : List.of(i)))
			.as(Relations::new);
		Arbitrary<ItemPlan> item = Combinators.combine(index, category).as(ItemPlan::new);
		Arbitrary<ItemPlan> answer = Combinators
			.combine(index, Arbitraries.of(DataCategory.GENERAL, DataCategory.MENTAL_HEALTH, DataCategory.SAFEGUARDING))
			.as(ItemPlan::new);
		Arbitrary<ActionPlan> action = Combinators.combine(index, index, category, Arbitraries.of(true, false))
			.as(ActionPlan::new);
		Arbitrary<CapacityPlan> capacity = Combinators.combine(index, Arbitraries.of(true, false))
			.as(CapacityPlan::new);
		Arbitrary<Content> content = Combinators
			.combine(item.list().ofMaxSize(6), item.list().ofMaxSize(3), action.list().ofMaxSize(3),
					index.list().ofMaxSize(1), answer.list().uniqueElements(ItemPlan::category).ofMaxSize(3),
					capacity.list().ofMaxSize(1))
			.as(Content::new);
		Arbitrary<PersonPlan> person = Combinators.combine(relations, content).as(PersonPlan::new);
		Arbitrary<Purpose> purpose = Arbitraries.frequency(Tuple.of(6, Purpose.DIRECT_CARE),
				Tuple.of(1, Purpose.SAFEGUARDING), Tuple.of(1, Purpose.SERVICE_PLANNING));
		Arbitrary<StaffPlan> staff = Combinators.combine(index, Arbitraries.of(false, false, false, true), purpose)
			.as(StaffPlan::new);
		Arbitrary<AgreementPlan> agreement = Combinators
			.combine(index.set().ofMinSize(2).ofMaxSize(3),
					Arbitraries.oneOf(Arbitraries.just(Set.of(Purpose.DIRECT_CARE)),
							Arbitraries.of(Purpose.class).set().ofMinSize(1)),
					Arbitraries.oneOf(Arbitraries.just(EnumSet.allOf(DataCategory.class)),
							Arbitraries.just(EnumSet.of(DataCategory.GENERAL)), category.set().ofMinSize(1)),
					Arbitraries.frequency(Tuple.of(4, AgreementStatus.ACTIVE), Tuple.of(1, AgreementStatus.DRAFT)))
			.as(AgreementPlan::new);
		return Combinators
			.combine(Arbitraries.integers().between(2, 3), staff.list().ofMinSize(3).ofMaxSize(4),
					agreement.list().ofMinSize(1).ofMaxSize(2), person.list().ofMinSize(1).ofMaxSize(3),
					Arbitraries.of(true, false))
			.as(Plan::new);
	}

	// ---- building ----

	static World build(ApplicationContext context, Plan plan) {
		return new Builder(context).build(plan);
	}

	static String token() {
		return "Qz" + TOKENS.incrementAndGet() + "k";
	}

	private static final class Builder {

		private final ApplicationContext context;

		private final Fixtures fixtures;

		private final LocalDate today;

		Builder(ApplicationContext context) {
			this.context = context;
			this.fixtures = context.getBean(Fixtures.class);
			this.today = context.getBean(JdbcClient.class).sql("select current_date").query(LocalDate.class).single();
		}

		World build(Plan plan) {
			List<OrganisationId> orgs = new ArrayList<>();
			for (int i = 0; i < plan.organisations(); i++) {
				orgs.add(fixtures.organisation(i % 2 == 0 ? OrganisationKind.NHS_COMMUNITY_TRUST
						: OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE));
			}
			List<Reader> readers = staff(plan, orgs);
			agreements(plan, orgs);
			String surname = Fixtures.unique("Readpath") + "x";
			List<BuiltPerson> people = new ArrayList<>();
			for (PersonPlan p : plan.people()) {
				people.add(person(surname, p, readers, orgs));
			}
			List<List<PersonId>> linked = new ArrayList<>();
			if (plan.link() && people.size() >= 2) {
				PersonId survivor = people.get(0).id();
				PersonId merged = people.get(1).id();
				new TransactionTemplate(
						context.getBean(org.springframework.transaction.PlatformTransactionManager.class))
					.executeWithoutResult(
							tx -> context.getBean(IdentityLinkRepository.class).join(survivor, null, merged, null));
				linked.add(List.of(survivor, merged));
			}
			return new World(surname, readers, people, linked);
		}

		private List<Reader> staff(Plan plan, List<OrganisationId> orgs) {
			List<Reader> readers = new ArrayList<>();
			for (StaffPlan s : plan.staff()) {
				OrganisationId org = orgs.get(s.organisation() % orgs.size());
				Reader colleague = readers.stream()
					.filter(r -> r.staff().organisationId().equals(org))
					.findFirst()
					.orElse(null);
				Fixtures.Staff staff = s.manager() && colleague != null
						? fixtures.practitionerIn(org, colleague.staff().teamId(), Profession.SOCIAL_WORKER, true,
								Role.PRACTITIONER, Role.TEAM_MANAGER)
						: fixtures.practitioner(org, Profession.SOCIAL_WORKER);
				readers.add(new Reader(staff, staff.actor().forPurpose(s.purpose()), s.manager() && colleague != null));
			}
			return readers;
		}

		private void agreements(Plan plan, List<OrganisationId> orgs) {
			for (AgreementPlan a : plan.agreements()) {
				Set<OrganisationId> parties = new LinkedHashSet<>();
				a.parties().forEach(p -> parties.add(orgs.get(p % orgs.size())));
				if (parties.size() < 2) {
					continue;
				}
				context.getBean(Agreements.class)
					.create(fixtures.admin, new NewAgreement(Fixtures.unique("Agreement "), "UK GDPR 6(1)(e)", parties,
							a.purposes(), a.categories(), today.minusDays(5), today.plusYears(1), a.status()));
			}
		}

		private BuiltPerson person(String surname, PersonPlan plan, List<Reader> readers, List<OrganisationId> orgs) {
			Relations r = plan.relations();
			Fixtures.Staff lead = readers.get(r.lead() % readers.size()).staff();
			String familyName = surname + token();
			PersonId person = fixtures.person(familyName, lead);
			List<Fixtures.Staff> team = new ArrayList<>(List.of(lead));
			for (int m : r.members()) {
				Fixtures.Staff member = readers.get(m % readers.size()).staff();
				if (!team.contains(member)) {
					fixtures.addToCareTeam(person, member);
					team.add(member);
				}
			}
			Choices choices = context.getBean(Choices.class);
			for (ChoicePlan c : r.choices()) {
				// The organisation a choice is against may not record or lift what
				// outweighs it; the world keeps whatever the rules let through, and the
				// oracle decides from what was kept.
				UUID id;
				try {
					id = choices.record(lead.actor(), person,
							new NewChoice(c.kind(),
									c.organisation() == null ? null : orgs.get(c.organisation() % orgs.size()),
									c.category(), HowGiven.WRITTEN, today.plusDays(c.fromDays()), null, null));
					if (c.withdrawn()) {
						choices.withdraw(lead.actor(), person, id, 0,
								ChoiceChange.byThePerson(HowAsked.IN_WRITING, "The person changed their mind"));
					}
				}
				catch (ObjectionAgainstOwnOrganisation refused) {
					// kept out of the world, as the product keeps it out of the record
				}
			}
			for (int g : r.grants()) {
				context.getBean(AccessGrants.class)
					.grant(fixtures.admin, person, readers.get(g % readers.size()).staff().teamId(),
							Set.of(DataCategory.GENERAL), Instant.now().plus(1, ChronoUnit.HOURS), "referral");
			}
			for (int o : r.overrides()) {
				context.getBean(Overrides.class)
					.breakGlass(readers.get(o % readers.size()).staff().actor(), person, OverrideReason.EMERGENCY_CARE,
							"Property test emergency access");
			}
			List<Item> items = new ArrayList<>();
			Content content = plan.content();
			entries(person, content, team, items);
			carePlan(person, content, lead, team, items);
			determination(person, content, team, items);
			UUID episode = answers(person, content, lead, team, items);
			capacity(person, content, team, items);
			return new BuiltPerson(person, familyName, items, episode);
		}

		private void entries(PersonId person, Content content, List<Fixtures.Staff> team, List<Item> items) {
			for (ItemPlan e : content.entries()) {
				Fixtures.Staff author = team.get(e.author() % team.size());
				String token = token();
				UUID id = context.getBean(People.class)
					.addEntry(author.actor(), person, e.category(), "Entry " + token, "Body of " + token);
				items.add(new Item(Kind.ENTRY, person, token, e.category(), author.organisationId(), id, null));
			}
		}

		private void carePlan(PersonId person, Content content, Fixtures.Staff lead, List<Fixtures.Staff> team,
				List<Item> items) {
			if (content.objectives().isEmpty()) {
				return;
			}
			CarePlans plans = context.getBean(CarePlans.class);
			plans.start(lead.actor(), person, null);
			List<UUID> objectives = new ArrayList<>();
			for (ItemPlan o : content.objectives()) {
				Fixtures.Staff author = team.get(o.author() % team.size());
				String token = token();
				UUID id = plans.addObjective(author.actor(), person,
						new NewObjective(null, Section.SOCIAL_CARE, "Objective " + token, "Target " + token,
								"Measured by " + token, today.plusMonths(3), List.of("d450"),
								Set.of(author.organisationId()), o.category()));
				objectives.add(id);
				items.add(new Item(Kind.OBJECTIVE, person, token, o.category(), author.organisationId(), id, null));
			}
			for (ActionPlan a : content.actions()) {
				Fixtures.Staff author = team.get(a.author() % team.size());
				Fixtures.Staff owner = team.get(a.owner() % team.size());
				String token = token();
				UUID id = context.getBean(PlanActions.class)
					.add(author.actor(), person,
							new NewAction(objectives.get(a.author() % objectives.size()), ActionKind.ACTION,
									"Action " + token, a.category(), owner.practitionerId(), today.plusDays(7)));
				if (a.overdue()) {
					// Only time makes an action overdue; the queue tests do the same.
					context.getBean(JdbcClient.class)
						.sql("update careplan.action set due_on = current_date - 3 where id = :id")
						.param("id", id)
						.update();
				}
				// An owner in another organisation is offered the action: until they
				// accept, it stays with the author's organisation.
				OrganisationId holder = owner.organisationId().equals(author.organisationId()) ? owner.organisationId()
						: author.organisationId();
				items.add(new Item(Kind.ACTION, person, token, a.category(), holder, id, null));
			}
			context.getBean(ActionQueues.class).escalateOverdue();
		}

		private void determination(PersonId person, Content content, List<Fixtures.Staff> team, List<Item> items) {
			for (int d : content.determination()) {
				Fixtures.Staff recorder = team.get(d % team.size());
				String token = token();
				UUID id = context.getBean(Eligibility.class)
					.record(recorder.actor(), person, new NewDetermination(EligibilityFixtures.eligibleAdult(),
							"Rationale " + token, "In my words " + token, null, null, 0));
				items.add(new Item(Kind.DETERMINATION, person, token, DataCategory.GENERAL, recorder.organisationId(),
						id, null));
			}
		}

		private @Nullable UUID answers(PersonId person, Content content, Fixtures.Staff lead, List<Fixtures.Staff> team,
				List<Item> items) {
			if (content.answers().isEmpty()) {
				return null;
			}
			Assessments assessments = context.getBean(Assessments.class);
			EpisodeId episode = assessments.open(lead.actor(), person, Stage.CONTACT);
			for (ItemPlan a : content.answers()) {
				Fixtures.Staff author = team.get(a.author() % team.size());
				String[] section = ANSWER_SECTIONS.get(a.category());
				long version = assessments.episode(lead.actor(), person, episode)
					.sections()
					.stream()
					.filter(s -> s.section().id().equals(section[0]))
					.findFirst()
					.orElseThrow()
					.version();
				String token = a.category() == DataCategory.GENERAL ? token() : section[1];
				Map<String, String> answers = switch (a.category()) {
					case MENTAL_HEALTH -> Map.of("memory-concern", "yes", "low-mood", "yes");
					case SAFEGUARDING -> Map.of("safeguarding-concern", "no", "feels-safe", "yes");
					default -> Map.of("presenting-problem", token);
				};
				assessments.saveSection(author.actor(), person, episode, "sap-contact", section[0], version,
						AnswerSource.PERSON, answers);
				items
					.add(new Item(Kind.ANSWER, person, token, a.category(), author.organisationId(), null, section[0]));
			}
			return episode.id();
		}

		private void capacity(PersonId person, Content content, List<Fixtures.Staff> team, List<Item> items) {
			Choices choices = context.getBean(Choices.class);
			for (CapacityPlan c : content.capacity()) {
				Fixtures.Staff assessor = team.get(c.assessor() % team.size());
				String token = token();
				UUID id = choices.assessCapacity(assessor.actor(), person, true, false, false, false, true,
						"Capacity notes " + token);
				// The page shows who assessed (their username) and the outcome, not the
				// notes: the row itself is the item.
				// Capacity assessments and best-interests decisions are mental-health
				// information held by the assessor's organisation (migration V40).
				items.add(new Item(Kind.CAPACITY, person, token, DataCategory.MENTAL_HEALTH, assessor.organisationId(),
						id, null));
				if (c.bestInterests()) {
					String decision = token();
					try {
						UUID best = choices.decideBestInterests(assessor.actor(), person, id, ChoiceKind.CONSENT, null,
								DataCategory.GENERAL, "Best interests " + decision, "Daughter " + decision, null, null);
						items.add(new Item(Kind.BEST_INTERESTS, person, decision, DataCategory.MENTAL_HEALTH,
								assessor.organisationId(), best, null));
					}
					catch (ObjectionAgainstOwnOrganisation refused) {
						// a consent in the person's best interests may not outweigh an
						// objection against the decider's own organisation
					}
				}
			}
		}

	}

}
