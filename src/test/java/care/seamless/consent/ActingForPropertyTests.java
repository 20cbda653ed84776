package care.seamless.consent;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.AccountId;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: whatever happens after people are given a way in at the door (capacity found
 * lacking and regained, the person changing what their carer sees, a standing ended),
 * each person-side account's single decisions and list rule, run as SQL, agree with the
 * table in docs/people-and-carers.md, and no account ever sees a stranger. The table
 * itself is {@link ActingForDecisionTableTests#expected}; the Spring context is reached
 * as in {@link AccessPropertyTests}.
 */
class ActingForPropertyTests {

	@SeamlessTest
	static class SpringContext {

	}

	static ApplicationContext context;

	@BeforeContainer
	static void springContext() {
		context = new TestContextManager(SpringContext.class).getTestContext().getApplicationContext();
	}

	/**
	 * One thing that happens: a capacity finding, the person's new share for a carer, or
	 * an end.
	 */
	record Step(int kind, boolean lacks, Set<DataCategory> share, int account) {
	}

	record Plan(List<ActingKind> others, Set<DataCategory> firstShare, List<Step> steps) {
	}

	@Provide
	Arbitrary<Plan> doors() {
		Arbitrary<Set<DataCategory>> share = Arbitraries.of(DataCategory.class).set().ofMaxSize(4);
		Arbitrary<ActingKind> kind = Arbitraries.of(ActingKind.CARER, ActingKind.ATTORNEY_HEALTH_WELFARE,
				ActingKind.ATTORNEY_PROPERTY_FINANCE, ActingKind.ADVOCATE);
		Arbitrary<Step> step = Combinators
			.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(true, false), share,
					Arbitraries.integers().between(0, 2))
			.as(Step::new);
		return Combinators.combine(kind.list().ofMinSize(1).ofMaxSize(3), share, step.list().ofMaxSize(4))
			.as(Plan::new);
	}

	@Property(tries = 12, seed = "20261205")
	void everyAccountSeesExactlyItsScopeAfterAnythingThatHappens(@ForAll("doors") Plan plan) {
		Fixtures fixtures = context.getBean(Fixtures.class);
		ActingFor actingFor = context.getBean(ActingFor.class);
		AccessPolicy accessPolicy = context.getBean(AccessPolicy.class);
		Choices choices = context.getBean(Choices.class);
		TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
		JdbcClient jdbc = context.getBean(JdbcClient.class);

		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff lead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		PersonId person = fixtures.person(Fixtures.unique("Door"), lead);
		PersonId stranger = fixtures.person(Fixtures.unique("Stranger"), lead);
		Actor self = Actor.personSide(AccountId.random(), Fixtures.unique("self"));
		actingFor.begin(self, person, ActingKind.SELF, Set.of(), lead.username());
		List<Actor> accounts = new ArrayList<>();
		List<Set<DataCategory>> shares = new ArrayList<>();
		List<Boolean> ended = new ArrayList<>();
		for (ActingKind kind : plan.others()) {
			Actor account = Actor.personSide(AccountId.random(), Fixtures.unique("door"));
			actingFor.begin(account, person, kind, plan.firstShare(), lead.username());
			accounts.add(account);
			shares.add(carersShare(plan.firstShare()));
			ended.add(false);
		}

		boolean lacks = false;
		for (Step step : plan.steps()) {
			int which = step.account() % accounts.size();
			switch (step.kind()) {
				case 0 -> {
					boolean finding = step.lacks();
					transactions.executeWithoutResult(s -> choices.assessCapacity(lead.actor(), person, finding,
							!finding, !finding, !finding, true, null));
					lacks = finding;
				}
				case 1 -> {
					Representation standing = actingFor.representatives(lead.actor(), person)
						.stream()
						.filter(r -> r.account().equals(accounts.get(which).accountId()))
						.findFirst()
						.orElse(null);
					if (standing != null && standing.kind() == ActingKind.CARER) {
						transactions.executeWithoutResult(s -> actingFor.shareWithCarer(self, person, standing.id(),
								standing.version(), step.share()));
						shares.set(which, carersShare(step.share()));
					}
				}
				default -> {
					if (!ended.get(which)) {
						transactions.executeWithoutResult(
								s -> actingFor.end(lead.actor(), person, accounts.get(which).accountId()));
						ended.set(which, true);
					}
				}
			}
		}

		List<String> wrong = new ArrayList<>();
		for (int i = 0; i < accounts.size(); i++) {
			Actor account = accounts.get(i);
			ActingKind kind = plan.others().get(i);
			for (DataCategory category : DataCategory.values()) {
				for (OrganisationId source : new OrganisationId[] { null, council }) {
					boolean want = !ended.get(i)
							&& ActingForDecisionTableTests.expected(kind, category, lacks, shares.get(i));
					boolean decided = accessPolicy.decide(account, person, category, source).permitted();
					boolean listed = ActingForDecisionTableTests.listed(jdbc, accessPolicy, account, person, category,
							source);
					if (decided != want || listed != want) {
						wrong.add(kind + " " + category + " lacks=" + lacks + " ended=" + ended.get(i) + ": decided "
								+ decided + ", listed " + listed + ", expected " + want);
					}
					if (accessPolicy.decide(account, stranger, category, source).permitted()
							|| ActingForDecisionTableTests.listed(jdbc, accessPolicy, account, stranger, category,
									source)) {
						wrong.add(kind + " sees a stranger's " + category);
					}
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	/**
	 * What a carer is given: core details always, never information about someone else.
	 */
	private static Set<DataCategory> carersShare(Set<DataCategory> chosen) {
		Set<DataCategory> share = EnumSet.of(DataCategory.GENERAL);
		share.addAll(chosen);
		share.remove(DataCategory.THIRD_PARTY);
		return share;
	}

}
