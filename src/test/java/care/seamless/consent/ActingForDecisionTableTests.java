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
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acting-for rows of the access policy: every kind of person-side account against
 * every category, with and without a finding that the person lacks capacity. The single
 * decision ({@code decide}) and the list rule ({@code visibleItems}, run as SQL) must
 * both give the expected answer, and nobody sees another person's record.
 */
@SeamlessTest
class ActingForDecisionTableTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	ActingFor actingFor;

	@Autowired
	AccessPolicy accessPolicy;

	@Autowired
	Choices choices;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	static boolean expected(ActingKind kind, DataCategory category, boolean lacksCapacity, Set<DataCategory> shared) {
		if (category == DataCategory.THIRD_PARTY) {
			return false;
		}
		return switch (kind) {
			case SELF -> true;
			case CARER -> category == DataCategory.GENERAL || shared.contains(category);
			case ATTORNEY_PROPERTY_FINANCE -> category == DataCategory.GENERAL || category == DataCategory.FINANCES;
			case ATTORNEY_HEALTH_WELFARE, ADVOCATE -> lacksCapacity && category != DataCategory.FINANCES;
		};
	}

	/**
	 * Speaking for the person (messages, feedback): the person; a carer or
	 * property-and-finance attorney only with the person's leave; a health-and-welfare
	 * attorney or an advocate only while the person lacks capacity.
	 */
	static boolean speaks(ActingKind kind, boolean lacksCapacity, boolean allowed) {
		return switch (kind) {
			case SELF -> true;
			case CARER, ATTORNEY_PROPERTY_FINANCE -> allowed;
			case ATTORNEY_HEALTH_WELFARE, ADVOCATE -> lacksCapacity;
		};
	}

	@Test
	void eachKindSpeaksForThePersonOnlyWithTheirLeaveOrWhereTheLawGivesIt() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff lead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		List<String> wrong = new ArrayList<>();
		PersonId stranger = fixtures.person(Fixtures.unique("Stranger"), lead);
		for (boolean lacks : new boolean[] { false, true }) {
			PersonId person = fixtures.person(Fixtures.unique("Speaking"), lead);
			if (lacks) {
				transactions.executeWithoutResult(
						s -> choices.assessCapacity(lead.actor(), person, true, false, false, false, true, null));
			}
			for (ActingKind kind : ActingKind.values()) {
				for (boolean allowed : new boolean[] { false, true }) {
					Actor account = Actor.personSide(AccountId.random(), Fixtures.unique("door"));
					actingFor.begin(account, person, kind, Set.of(), allowed, lead.username());
					if (accessPolicy.speaksFor(account, person) != speaks(kind, lacks, allowed)) {
						wrong.add(kind + " lacks=" + lacks + " allowed=" + allowed);
					}
					if (accessPolicy.speaksFor(account, stranger)) {
						wrong.add(kind + " speaks for a stranger");
					}
				}
			}
		}
		// A staff account never speaks for anyone at the door.
		PersonId person = fixtures.person(Fixtures.unique("Speaking"), lead);
		if (accessPolicy.speaksFor(lead.actor(), person)) {
			wrong.add("staff");
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void eachKindSeesOnlyItsScopeAndOnlyItsPerson() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff lead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		Set<DataCategory> shared = EnumSet.of(DataCategory.MENTAL_HEALTH);
		List<String> wrong = new ArrayList<>();
		PersonId stranger = fixtures.person(Fixtures.unique("Stranger"), lead);
		for (boolean lacks : new boolean[] { false, true }) {
			PersonId person = fixtures.person(Fixtures.unique("Acting"), lead);
			if (lacks) {
				transactions.executeWithoutResult(
						s -> choices.assessCapacity(lead.actor(), person, true, false, false, false, true, null));
			}
			for (ActingKind kind : ActingKind.values()) {
				Actor account = Actor.personSide(AccountId.random(), Fixtures.unique("door"));
				actingFor.begin(account, person, kind, shared, lead.username());
				for (DataCategory category : DataCategory.values()) {
					for (OrganisationId source : new OrganisationId[] { null, council }) {
						boolean want = expected(kind, category, lacks, shared);
						boolean decided = accessPolicy.decide(account, person, category, source).permitted();
						boolean listed = listed(account, person, category, source);
						if (decided != want || listed != want) {
							wrong.add(kind + " " + category + " lacks=" + lacks + " source=" + source + ": decided "
									+ decided + ", listed " + listed + ", expected " + want);
						}
						if (accessPolicy.decide(account, stranger, category, source).permitted()
								|| listed(account, stranger, category, source)) {
							wrong.add(kind + " sees a stranger's " + category);
						}
					}
				}
				boolean record = accessPolicy.decideRecord(account, person).permitted();
				if (record != expected(kind, DataCategory.GENERAL, lacks, shared)) {
					wrong.add(kind + " record lacks=" + lacks + ": " + record);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void anEndedStandingAndAStaffAccountSeeNothingThroughActingFor() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff lead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		Fixtures.Staff outsider = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		PersonId person = fixtures.person(Fixtures.unique("Ended"), lead);
		Actor account = Actor.personSide(AccountId.random(), outsider.username());
		actingFor.begin(account, person, ActingKind.SELF, Set.of(), lead.username());
		assertThat(accessPolicy.decideRecord(account, person).permitted()).isTrue();
		// A staff account with the same username is not helped by the person-side row.
		assertThat(accessPolicy.decideRecord(outsider.actor(), person).permitted()).isFalse();
		transactions.executeWithoutResult(s -> actingFor.end(lead.actor(), person, account.accountId()));
		assertThat(accessPolicy.decideRecord(account, person).permitted()).isFalse();
		assertThat(listed(account, person, DataCategory.GENERAL, null)).isFalse();
	}

	private boolean listed(Actor actor, PersonId person, DataCategory category, OrganisationId source) {
		return listed(jdbc, accessPolicy, actor, person, category, source);
	}

	/** Whether the list rule, run as SQL over one item, lets the actor see it. */
	static boolean listed(JdbcClient jdbc, AccessPolicy accessPolicy, Actor actor, PersonId person,
			DataCategory category, OrganisationId source) {
		SqlCondition visible = accessPolicy.visibleItems(actor, "item.p", "item.c", "item.s");
		return jdbc.sql(
				"select count(*) from (values (cast(:p as uuid), cast(:c as text), cast(:s as uuid))) as item(p, c, s) where "
						+ visible.sql())
			.params(visible.params())
			.param("p", person.id())
			.param("c", category.name())
			.param("s", source == null ? null : source.id())
			.query(Long.class)
			.single() == 1;
	}

}
