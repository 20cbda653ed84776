package care.seamless.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.partnership.AgreementStatus;
import care.seamless.partnership.Agreements;
import care.seamless.partnership.NewAgreement;
import care.seamless.person.Entry;
import care.seamless.person.EntryPage;
import care.seamless.person.People;
import care.seamless.person.PersonRecord;
import care.seamless.person.PersonSummary;
import care.seamless.person.Caseload;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Purpose;
import care.seamless.team.OrganisationKind;
import care.seamless.shared.Profession;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Property: whatever the partnership, agreements, choices, grants, overrides and entries,
 * no query path returns a withheld item or betrays its existence through a total.
 * <p>
 * <b>How this gets Spring beans.</b> jqwik is its own JUnit Platform engine, so Jupiter's
 * {@code SpringExtension} never runs for {@code @Property} methods and {@code @Autowired}
 * fields stay empty. Instead {@link #springContext()} drives Spring's TestContext
 * framework by hand: a {@link TestContextManager} for a holder class carrying the same
 * {@link SeamlessTest} configuration as every Jupiter test resolves the context through
 * Spring's static context cache. In one Surefire JVM this is the very same context (and
 * embedded PostgreSQL) the Jupiter tests use, so no second database is started; run alone
 * it starts the context once and the cache closes it at JVM exit. Surefire runs the jqwik
 * engine alongside Jupiter (see
 * {@code target/surefire-reports/TEST-care.seamless.consent.AccessPropertyTests.xml}).
 * <p>
 * Tries are generated as plain data from a fixed seed (so a failure reproduces exactly)
 * and only then built in the shared database with unique names; every try builds new
 * organisations and practitioners, so earlier tries cannot affect it.
 */
class AccessPropertyTests {

	@SeamlessTest
	static class SpringContext {

	}

	static ApplicationContext context;

	@BeforeContainer
	static void springContext() {
		context = new TestContextManager(SpringContext.class).getTestContext().getApplicationContext();
	}

	record ChoicePlan(ChoiceKind kind, @Nullable Integer organisation, @Nullable DataCategory category, int fromDays,
			@Nullable Integer validDays, boolean withdrawn) {
	}

	record EntryPlan(int author, DataCategory category) {
	}

	record GrantPlan(int staff, DataCategory category, boolean expired) {
	}

	record PersonPlan(int lead, List<Integer> members, List<ChoicePlan> choices, List<EntryPlan> entries,
			List<GrantPlan> grants, List<Integer> overrides, List<Integer> expiredOverrides) {
	}

	record AgreementPlan(Set<Integer> parties, Set<Purpose> purposes, Set<DataCategory> categories,
			AgreementStatus status, int startDays) {
	}

	record Plan(int organisations, List<Integer> staff, List<Purpose> purposes, List<AgreementPlan> agreements,
			List<PersonPlan> people) {
	}

	@Provide
	Arbitrary<Plan> partnerships() {
		Arbitrary<Integer> index = Arbitraries.integers().between(0, 5);
		Arbitrary<DataCategory> category = Arbitraries.of(DataCategory.class);
		Arbitrary<ChoicePlan> choice = Combinators
			.combine(Arbitraries.of(ChoiceKind.class), index.injectNull(0.5), category.injectNull(0.5),
					Arbitraries.integers().between(-20, 3), Arbitraries.integers().between(1, 30).injectNull(0.6),
					Arbitraries.of(true, false, false, false))
			.as(ChoicePlan::new);
		Arbitrary<EntryPlan> entry = Combinators.combine(index, category).as(EntryPlan::new);
		Arbitrary<GrantPlan> grant = Combinators.combine(index, category, Arbitraries.of(true, false))
			.as(GrantPlan::new);
		Arbitrary<PersonPlan> person = Combinators
			.combine(index, index.list().ofMaxSize(3), choice.list().ofMaxSize(5), entry.list().ofMaxSize(24),
					grant.list().ofMaxSize(2), rarely(index), rarely(index))
			.as(PersonPlan::new);
		Arbitrary<AgreementPlan> agreement = Combinators
			.combine(index.set().ofMinSize(2).ofMaxSize(4),
					Arbitraries.oneOf(Arbitraries.just(Set.of(Purpose.DIRECT_CARE)),
							Arbitraries.of(Purpose.class).set().ofMinSize(1)),
					Arbitraries.oneOf(Arbitraries.just(EnumSet.allOf(DataCategory.class)), category.set().ofMinSize(1)),
					Arbitraries.frequency(net.jqwik.api.Tuple.of(4, AgreementStatus.ACTIVE),
							net.jqwik.api.Tuple.of(1, AgreementStatus.SUSPENDED),
							net.jqwik.api.Tuple.of(1, AgreementStatus.DRAFT),
							net.jqwik.api.Tuple.of(1, AgreementStatus.ENDED)),
					Arbitraries.integers().between(-10, 2))
			.as(AgreementPlan::new);
		Arbitrary<Purpose> purpose = Arbitraries.frequency(net.jqwik.api.Tuple.of(4, Purpose.DIRECT_CARE),
				net.jqwik.api.Tuple.of(1, Purpose.SAFEGUARDING), net.jqwik.api.Tuple.of(1, Purpose.SERVICE_PLANNING));
		return Combinators
			.combine(Arbitraries.integers().between(2, 4), index.list().ofMinSize(2).ofMaxSize(5),
					purpose.list().ofSize(5), agreement.list().ofMinSize(1).ofMaxSize(3),
					person.list().ofMinSize(1).ofMaxSize(3))
			.as(Plan::new);
	}

	/** An empty list mostly; one element about one time in six. */
	private static Arbitrary<List<Integer>> rarely(Arbitrary<Integer> index) {
		return index.injectNull(0.85).map(i -> i == null ? List.of() : List.of(i));
	}

	@Property(tries = 25, seed = "20261123")
	void noQueryPathRevealsAWithheldItem(@ForAll("partnerships") Plan plan) {
		World world = build(plan);
		boolean secondPage = false;
		boolean withheldInOpenRecord = false;
		for (Actor viewer : world.viewers) {
			Set<PersonId> recordsVisible = new HashSet<>();
			for (BuiltPerson person : world.people) {
				Set<UUID> expected = new HashSet<>();
				List<AccessDecision> decisions = new ArrayList<>();
				for (BuiltEntry e : person.entries) {
					AccessDecision decision = policy().decide(viewer, person.id, e.category, e.source);
					decisions.add(decision);
					if (decision.permitted()) {
						expected.add(e.id);
					}
				}
				if (!policy().decideRecord(viewer, person.id).permitted()) {
					// The item decision is never more generous than the record
					// decision; and no path opens.
					assertThat(expected).as("items permitted without a record relationship").isEmpty();
					assertThatThrownBy(() -> people().entries(viewer, person.id, 1)).isInstanceOf(AccessDenied.class);
					assertThatThrownBy(() -> people().record(viewer, person.id)).isInstanceOf(AccessDenied.class);
					continue;
				}
				recordsVisible.add(person.id);
				decisions.forEach(d -> Statistics.label("item outcome in an open record")
					.collect(d.override() ? "OVERRIDE" : d.permitted() ? "PERMIT" : d.withheld().name()));
				secondPage |= expected.size() > People.ENTRY_PAGE_SIZE;
				withheldInOpenRecord |= expected.size() < person.entries.size();
				// (a) all pages together are exactly the permitted set; the total is its
				// size
				List<UUID> listed = new ArrayList<>();
				EntryPage first = people().entries(viewer, person.id, 1);
				assertThat(first.total()).as("total").isEqualTo(expected.size());
				for (int page = 1; page <= first.pages() + 1; page++) {
					EntryPage p = people().entries(viewer, person.id, page);
					assertThat(p.total()).isEqualTo(expected.size());
					assertThat(p.entries()).hasSizeLessThanOrEqualTo(People.ENTRY_PAGE_SIZE);
					p.entries().forEach(e -> listed.add(e.id()));
					// (b) no page (page 2 included) holds a withheld item
					assertThat(p.entries()).extracting(Entry::id).allMatch(expected::contains);
				}
				assertThat(listed).as("entries over all pages").doesNotHaveDuplicates();
				assertThat(new HashSet<>(listed)).isEqualTo(expected);
				// (c) the record shows page 1 of the same
				PersonRecord record = people().record(viewer, person.id);
				assertThat(record.entries().entries()).extracting(Entry::id)
					.containsExactlyElementsOf(first.entries().stream().map(Entry::id).toList());
				assertThat(record.entries().total()).isEqualTo(expected.size());
				// (d) GET /api/v1/people/{id}/entries and every other read path over
				// HTTP: ReadPathPropertyTests.
			}
			// (e) the caseload lists and counts exactly the records the viewer may open
			Caseload caseload = people().caseload(viewer, 1);
			assertThat(caseload.total()).as("caseload total").isEqualTo(recordsVisible.size());
			assertThat(caseload.people()).extracting(PersonSummary::id)
				.containsExactlyInAnyOrderElementsOf(recordsVisible);
		}
		// Guard against generators drifting into trivial worlds: the interesting cases
		// must keep occurring.
		Statistics.label("some viewer has a second page")
			.collect(secondPage)
			.coverage(c -> c.check(true).count(n -> n >= 2));
		Statistics.label("item outcome in an open record").coverage(c -> {
			// In an open record without the relationship the record is open through a
			// grant of part of it, so a missing relationship is PARTIAL_ACCESS there.
			for (String outcome : List.of("PERMIT", "OVERRIDE", "PARTIAL_ACCESS", "NO_AGREEMENT", "OBJECTION",
					"NO_CONSENT")) {
				c.check(outcome).count(n -> n > 0);
			}
		});
		Statistics.label("an open record withholds something")
			.collect(withheldInOpenRecord)
			.coverage(c -> c.check(true).count(n -> n >= 5));
	}

	record BuiltEntry(UUID id, DataCategory category, OrganisationId source) {
	}

	record BuiltPerson(PersonId id, List<BuiltEntry> entries) {
	}

	record World(List<Actor> viewers, List<BuiltPerson> people) {
	}

	private World build(Plan plan) {
		Fixtures fixtures = context.getBean(Fixtures.class);
		LocalDate today = context.getBean(JdbcClient.class).sql("select current_date").query(LocalDate.class).single();
		List<OrganisationId> orgs = new ArrayList<>();
		for (int i = 0; i < plan.organisations(); i++) {
			orgs.add(fixtures.organisation(i % 2 == 0 ? OrganisationKind.NHS_COMMUNITY_TRUST
					: OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE));
		}
		List<Fixtures.Staff> staff = new ArrayList<>();
		List<Actor> viewers = new ArrayList<>();
		for (int i = 0; i < plan.staff().size(); i++) {
			Fixtures.Staff s = fixtures.practitioner(orgs.get(plan.staff().get(i) % orgs.size()),
					Profession.DISTRICT_NURSE);
			staff.add(s);
			viewers.add(s.actor().forPurpose(plan.purposes().get(i)));
		}
		for (AgreementPlan a : plan.agreements()) {
			Set<OrganisationId> parties = new LinkedHashSet<>();
			a.parties().forEach(p -> parties.add(orgs.get(p % orgs.size())));
			if (parties.size() < 2) {
				continue;
			}
			LocalDate start = today.plusDays(a.startDays());
			context.getBean(Agreements.class)
				.create(fixtures.admin, new NewAgreement(Fixtures.unique("Agreement "), "UK GDPR 6(1)(e)", parties,
						a.purposes(), a.categories(), start, start.plusYears(1), a.status()));
		}
		Choices choices = context.getBean(Choices.class);
		List<BuiltPerson> built = new ArrayList<>();
		for (PersonPlan p : plan.people()) {
			Fixtures.Staff lead = staff.get(p.lead() % staff.size());
			PersonId person = fixtures.person(Fixtures.unique("Property"), lead);
			List<Fixtures.Staff> team = new ArrayList<>(List.of(lead));
			for (int m : p.members()) {
				Fixtures.Staff member = staff.get(m % staff.size());
				if (!team.contains(member)) {
					fixtures.addToCareTeam(person, member);
					team.add(member);
				}
			}
			// The person's choices are recorded by someone from an organisation outside
			// the world, so the rule that an organisation cannot lift an objection
			// against itself never gets in the way of a generated plan.
			Fixtures.Staff recorder = fixtures.practitioner(
					fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE),
					Profession.SOCIAL_WORKER);
			fixtures.addToCareTeam(person, recorder);
			for (ChoicePlan c : p.choices()) {
				LocalDate from = today.plusDays(c.fromDays());
				UUID id = choices.record(recorder.actor(), person, new NewChoice(c.kind(),
						c.organisation() == null ? null : orgs.get(c.organisation() % orgs.size()), c.category(),
						HowGiven.WRITTEN, from, c.validDays() == null ? null : from.plusDays(c.validDays()), null));
				if (c.withdrawn()) {
					choices.withdraw(recorder.actor(), person, id, 0, ChoiceChange.byThePerson(HowAsked.IN_PERSON,
							"Property test: the person changed their mind"));
				}
			}
			for (GrantPlan g : p.grants()) {
				context.getBean(AccessGrants.class)
					.grant(fixtures.admin, person, staff.get(g.staff() % staff.size()).teamId(), Set.of(g.category()),
							Instant.now().plus(g.expired() ? -1 : 1, ChronoUnit.HOURS), "referral");
			}
			Overrides overrides = context.getBean(Overrides.class);
			for (int o : p.overrides()) {
				overrides.breakGlass(staff.get(o % staff.size()).actor(), person, OverrideReason.EMERGENCY_CARE,
						"Property test emergency access");
			}
			for (int o : p.expiredOverrides()) {
				UUID id = overrides.breakGlass(staff.get(o % staff.size()).actor(), person,
						OverrideReason.SAFEGUARDING_ADULT, "Property test expired emergency access");
				context.getBean(JdbcClient.class)
					.sql("update consent.override set expires_at = now() - interval '1 minute' where id = :id")
					.param("id", id)
					.update();
			}
			List<BuiltEntry> entries = new ArrayList<>();
			for (EntryPlan e : p.entries()) {
				Fixtures.Staff author = team.get(e.author() % team.size());
				UUID id = people().addEntry(author.actor(), person, e.category(), "Entry " + e.category(), "Body");
				entries.add(new BuiltEntry(id, e.category(), author.organisationId()));
			}
			built.add(new BuiltPerson(person, entries));
		}
		return new World(viewers, built);
	}

	private static AccessPolicy policy() {
		return context.getBean(AccessPolicy.class);
	}

	private static People people() {
		return context.getBean(People.class);
	}

}
