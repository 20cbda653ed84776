package care.seamless.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.partnership.AgreementStatus;
import care.seamless.partnership.Agreements;
import care.seamless.partnership.NewAgreement;
import care.seamless.person.Entry;
import care.seamless.person.EntryPage;
import care.seamless.person.People;
import care.seamless.person.RecordReads;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Purpose;
import care.seamless.team.OrganisationKind;
import care.seamless.shared.Profession;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;

import static care.seamless.shared.DataCategory.GENERAL;
import static care.seamless.shared.DataCategory.HIV;
import static care.seamless.shared.DataCategory.MENTAL_HEALTH;
import static care.seamless.shared.DataCategory.SAFEGUARDING;
import static care.seamless.shared.DataCategory.SEXUAL_HEALTH;
import static care.seamless.shared.DataCategory.SUBSTANCE_MISUSE;
import static care.seamless.consent.WithheldReason.NO_AGREEMENT;
import static care.seamless.consent.WithheldReason.NO_CONSENT;
import static care.seamless.consent.WithheldReason.NO_RELATIONSHIP;
import static care.seamless.consent.WithheldReason.OBJECTION;
import static care.seamless.consent.WithheldReason.PARTIAL_ACCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The access policy as a decision table: relationship × agreement × category × choices ×
 * capacity × override. Every row builds a fresh partnership through the public APIs, then
 * checks the single-item decision ({@link AccessPolicy#decide}), its withheld reason, and
 * that the list path ({@link People#entries}) shows the entry, counts it and explains its
 * absence exactly as the decision says.
 * <p>
 * The world of every row: the viewer works for organisation A; the entry is recorded by a
 * practitioner of organisation B ("crossing") or by a colleague in A ("own
 * organisation"); C is a third partner. Both authors are in the person's care team; the
 * viewer only when the row says so.
 */
@SeamlessTest
class AccessDecisionTableTests {

	enum Source {

		OWN_ORGANISATION, OTHER_ORGANISATION

	}

	/**
	 * One row: a name, the setup, the entry's category and source, and the expected
	 * outcome ({@code null} reason means permitted).
	 */
	record Case(String name, Consumer<World> given, DataCategory category, Source source,
			@Nullable WithheldReason expected, boolean byOverride) {

		@java.lang.Override
		public String toString() {
			return name;
		}

	}

	static Case permits(String name, DataCategory category, Source source, Consumer<World> given) {
		return new Case(name, given, category, source, null, false);
	}

	static Case withholds(String name, DataCategory category, Source source, WithheldReason reason,
			Consumer<World> given) {
		return new Case(name, given, category, source, reason, false);
	}

	static Case overrides(String name, DataCategory category, Source source, Consumer<World> given) {
		return new Case(name, given, category, source, null, true);
	}

	static final Source OWN = Source.OWN_ORGANISATION;

	static final Source CROSSING = Source.OTHER_ORGANISATION;

	static Stream<Arguments> cases() {
		List<Case> cases = new ArrayList<>();
		// Relationship
		cases.add(permits("nurse in care team, own organisation's general note, no choices", GENERAL, OWN,
				w -> w.inCareTeam()));
		cases.add(permits("nurse in care team, own organisation's mental health note, no choices", MENTAL_HEALTH, OWN,
				w -> w.inCareTeam()));
		cases.add(withholds("not in care team, own organisation's general note", GENERAL, OWN, NO_RELATIONSHIP, w -> {
		}));
		cases.add(withholds("not in care team, crossing general note under an active agreement", GENERAL, CROSSING,
				NO_RELATIONSHIP, w -> w.standardAgreement()));
		cases.add(withholds("not in care team, objection and no agreement: relationship is reported first", GENERAL,
				CROSSING, NO_RELATIONSHIP, w -> w.choice(ChoiceKind.OBJECTION, null, null, -1, null)));
		// Team access grants
		cases.add(permits("team grant for the category, own organisation's safeguarding note", SAFEGUARDING, OWN,
				w -> w.grant(SAFEGUARDING, 1)));
		cases.add(permits("team grant for the category, crossing general note under an active agreement", GENERAL,
				CROSSING, w -> w.standardAgreement().grant(GENERAL, 1)));
		cases.add(withholds("team grant for the category, crossing general note without agreement", GENERAL, CROSSING,
				NO_AGREEMENT, w -> w.grant(GENERAL, 1)));
		cases.add(withholds("team grant for another category only: part of the record", SAFEGUARDING, OWN,
				PARTIAL_ACCESS, w -> w.grant(GENERAL, 1)));
		cases.add(withholds("expired team grant for the category", GENERAL, OWN, NO_RELATIONSHIP,
				w -> w.grant(GENERAL, -1)));
		cases.add(withholds("team grant for mental health, crossing, no consent", MENTAL_HEALTH, CROSSING, NO_CONSENT,
				w -> w.standardAgreement().grant(MENTAL_HEALTH, 1)));
		// Agreements
		cases.add(withholds("in care team, crossing general note, no agreement", GENERAL, CROSSING, NO_AGREEMENT,
				w -> w.inCareTeam()));
		cases.add(permits("in care team, crossing general note, active agreement", GENERAL, CROSSING,
				w -> w.inCareTeam().standardAgreement()));
		cases.add(withholds("in care team, crossing general note, suspended agreement", GENERAL, CROSSING, NO_AGREEMENT,
				w -> w.inCareTeam()
					.agreement(AgreementStatus.SUSPENDED, Set.of(Purpose.DIRECT_CARE),
							EnumSet.allOf(DataCategory.class), -30, w.b)));
		cases.add(withholds("in care team, crossing general note, draft agreement", GENERAL, CROSSING, NO_AGREEMENT,
				w -> w.inCareTeam()
					.agreement(AgreementStatus.DRAFT, Set.of(Purpose.DIRECT_CARE), EnumSet.allOf(DataCategory.class),
							-30, w.b)));
		cases.add(withholds("in care team, crossing general note, ended agreement", GENERAL, CROSSING, NO_AGREEMENT,
				w -> w.inCareTeam()
					.agreement(AgreementStatus.ENDED, Set.of(Purpose.DIRECT_CARE), EnumSet.allOf(DataCategory.class),
							-30, w.b)));
		cases.add(withholds("in care team, crossing general note, agreement only for safeguarding purpose", GENERAL,
				CROSSING, NO_AGREEMENT,
				w -> w.inCareTeam()
					.agreement(AgreementStatus.ACTIVE, Set.of(Purpose.SAFEGUARDING), EnumSet.allOf(DataCategory.class),
							-30, w.b)));
		cases.add(withholds("in care team, crossing safeguarding note, agreement covers general only", SAFEGUARDING,
				CROSSING, NO_AGREEMENT, w -> w.inCareTeam()
					.agreement(AgreementStatus.ACTIVE, Set.of(Purpose.DIRECT_CARE), Set.of(GENERAL), -30, w.b)));
		cases.add(withholds("in care team, crossing general note, agreement starts tomorrow", GENERAL, CROSSING,
				NO_AGREEMENT,
				w -> w.inCareTeam()
					.agreement(AgreementStatus.ACTIVE, Set.of(Purpose.DIRECT_CARE), EnumSet.allOf(DataCategory.class),
							1, w.b)));
		cases.add(permits("in care team, crossing general note, agreement started today", GENERAL, CROSSING,
				w -> w.inCareTeam()
					.agreement(AgreementStatus.ACTIVE, Set.of(Purpose.DIRECT_CARE), EnumSet.allOf(DataCategory.class),
							0, w.b)));
		cases.add(withholds("in care team, crossing general note, agreement between the viewer and a third party only",
				GENERAL, CROSSING, NO_AGREEMENT,
				w -> w.inCareTeam()
					.agreement(AgreementStatus.ACTIVE, Set.of(Purpose.DIRECT_CARE), EnumSet.allOf(DataCategory.class),
							-30, w.c)));
		cases.add(withholds("viewer acting for service planning, agreement covers direct care only", GENERAL, CROSSING,
				NO_AGREEMENT, w -> w.inCareTeam().standardAgreement().purpose(Purpose.SERVICE_PLANNING)));
		cases.add(permits("viewer acting for service planning, own organisation's note needs no agreement", GENERAL,
				OWN, w -> w.inCareTeam().purpose(Purpose.SERVICE_PLANNING)));
		// Sensitive categories crossing organisations need explicit consent
		for (DataCategory sensitive : List.of(MENTAL_HEALTH, SEXUAL_HEALTH, SUBSTANCE_MISUSE, HIV)) {
			String label = sensitive.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
			cases.add(withholds("crossing " + label + " note, agreement, no consent", sensitive, CROSSING, NO_CONSENT,
					w -> w.inCareTeam().standardAgreement()));
			cases.add(permits("crossing " + label + " note, agreement, general consent", sensitive, CROSSING,
					w -> w.inCareTeam().standardAgreement().choice(ChoiceKind.CONSENT, null, null, -1, null)));
			cases.add(permits("own organisation's " + label + " note needs no consent", sensitive, OWN,
					w -> w.inCareTeam()));
		}
		cases.add(withholds("crossing mental health note, consent but no agreement: agreement is reported first",
				MENTAL_HEALTH, CROSSING, NO_AGREEMENT,
				w -> w.inCareTeam().choice(ChoiceKind.CONSENT, null, null, -1, null)));
		cases.add(permits("crossing mental health note, consent scoped to the viewer's organisation", MENTAL_HEALTH,
				CROSSING, w -> w.inCareTeam().standardAgreement().choice(ChoiceKind.CONSENT, w.a, null, -1, null)));
		cases.add(withholds("crossing mental health note, consent scoped to another organisation", MENTAL_HEALTH,
				CROSSING, NO_CONSENT,
				w -> w.inCareTeam().standardAgreement().choice(ChoiceKind.CONSENT, w.c, null, -1, null)));
		cases.add(permits("crossing mental health note, consent scoped to mental health", MENTAL_HEALTH, CROSSING,
				w -> w.inCareTeam().standardAgreement().choice(ChoiceKind.CONSENT, null, MENTAL_HEALTH, -1, null)));
		cases.add(withholds("crossing HIV note, consent scoped to mental health only", HIV, CROSSING, NO_CONSENT,
				w -> w.inCareTeam().standardAgreement().choice(ChoiceKind.CONSENT, null, MENTAL_HEALTH, -1, null)));
		// Objections
		cases.add(withholds("crossing general note, general objection", GENERAL, CROSSING, OBJECTION,
				w -> w.inCareTeam().standardAgreement().choice(ChoiceKind.OBJECTION, null, null, -1, null)));
		cases.add(withholds("crossing general note, dissent", GENERAL, CROSSING, OBJECTION,
				w -> w.inCareTeam().standardAgreement().choice(ChoiceKind.DISSENT, null, null, -1, null)));
		cases.add(withholds("crossing general note, objection to the viewer's organisation", GENERAL, CROSSING,
				OBJECTION, w -> w.inCareTeam().standardAgreement().choice(ChoiceKind.OBJECTION, w.a, null, -1, null)));
		cases.add(permits("crossing general note, objection to another organisation only", GENERAL, CROSSING,
				w -> w.inCareTeam().standardAgreement().choice(ChoiceKind.OBJECTION, w.c, null, -1, null)));
		cases.add(withholds("crossing safeguarding note, objection to safeguarding", SAFEGUARDING, CROSSING, OBJECTION,
				w -> w.inCareTeam().standardAgreement().choice(ChoiceKind.OBJECTION, null, SAFEGUARDING, -1, null)));
		cases.add(permits("crossing general note, objection to safeguarding only", GENERAL, CROSSING,
				w -> w.inCareTeam().standardAgreement().choice(ChoiceKind.OBJECTION, null, SAFEGUARDING, -1, null)));
		cases.add(permits("own organisation's general note, general objection does not stop it", GENERAL, OWN,
				w -> w.inCareTeam().choice(ChoiceKind.OBJECTION, null, null, -1, null)));
		cases.add(withholds("crossing general note, objection but no agreement: agreement is reported first", GENERAL,
				CROSSING, NO_AGREEMENT, w -> w.inCareTeam().choice(ChoiceKind.OBJECTION, null, null, -1, null)));
		// Conflicts between choices
		cases.add(withholds("crossing mental health note, objection and consent on the same date: objection wins",
				MENTAL_HEALTH, CROSSING, OBJECTION,
				w -> w.inCareTeam()
					.standardAgreement()
					.choice(ChoiceKind.CONSENT, null, null, -5, null)
					.choice(ChoiceKind.OBJECTION, null, null, -5, null)));
		cases.add(withholds(
				"crossing mental health note, consent recorded after an objection on the same date: objection still wins",
				MENTAL_HEALTH, CROSSING, OBJECTION,
				w -> w.inCareTeam()
					.standardAgreement()
					.choice(ChoiceKind.OBJECTION, null, null, -5, null)
					.choice(ChoiceKind.CONSENT, null, null, -5, null)));
		cases.add(permits("crossing mental health note, later consent after an earlier objection: consent wins",
				MENTAL_HEALTH, CROSSING,
				w -> w.inCareTeam()
					.standardAgreement()
					.choice(ChoiceKind.OBJECTION, null, null, -10, null)
					.choice(ChoiceKind.CONSENT, null, null, -5, null)));
		cases.add(withholds("crossing mental health note, later objection after an earlier consent: objection wins",
				MENTAL_HEALTH, CROSSING, OBJECTION,
				w -> w.inCareTeam()
					.standardAgreement()
					.choice(ChoiceKind.CONSENT, null, null, -10, null)
					.choice(ChoiceKind.OBJECTION, null, null, -5, null)));
		cases.add(withholds("crossing general note, later general objection overrides an older category consent",
				GENERAL, CROSSING, OBJECTION,
				w -> w.inCareTeam()
					.standardAgreement()
					.choice(ChoiceKind.CONSENT, null, GENERAL, -10, null)
					.choice(ChoiceKind.OBJECTION, null, null, -5, null)));
		// Withdrawn, expired and future choices
		cases.add(permits("crossing general note, withdrawn objection", GENERAL, CROSSING,
				w -> w.inCareTeam()
					.standardAgreement()
					.choice(ChoiceKind.OBJECTION, null, null, -1, null)
					.withdrawLast()));
		cases.add(withholds("crossing mental health note, withdrawn consent", MENTAL_HEALTH, CROSSING, NO_CONSENT,
				w -> w.inCareTeam()
					.standardAgreement()
					.choice(ChoiceKind.CONSENT, null, null, -1, null)
					.withdrawLast()));
		cases.add(withholds("crossing mental health note, consent expired yesterday", MENTAL_HEALTH, CROSSING,
				NO_CONSENT, w -> w.inCareTeam().standardAgreement().choice(ChoiceKind.CONSENT, null, null, -10, -1)));
		cases.add(withholds("crossing mental health note, consent expiring today is no longer in force", MENTAL_HEALTH,
				CROSSING, NO_CONSENT,
				w -> w.inCareTeam().standardAgreement().choice(ChoiceKind.CONSENT, null, null, -10, 0)));
		cases.add(permits("crossing mental health note, consent expiring tomorrow is still in force", MENTAL_HEALTH,
				CROSSING, w -> w.inCareTeam().standardAgreement().choice(ChoiceKind.CONSENT, null, null, -10, 1)));
		cases.add(permits("crossing general note, objection expired yesterday", GENERAL, CROSSING,
				w -> w.inCareTeam().standardAgreement().choice(ChoiceKind.OBJECTION, null, null, -10, -1)));
		cases.add(withholds("crossing mental health note, consent dated tomorrow is not yet in force", MENTAL_HEALTH,
				CROSSING, NO_CONSENT,
				w -> w.inCareTeam().standardAgreement().choice(ChoiceKind.CONSENT, null, null, 1, null)));
		cases.add(permits("crossing mental health note, consent dated today is in force", MENTAL_HEALTH, CROSSING,
				w -> w.inCareTeam().standardAgreement().choice(ChoiceKind.CONSENT, null, null, 0, null)));
		cases.add(permits("crossing general note, objection dated tomorrow is not yet in force", GENERAL, CROSSING,
				w -> w.inCareTeam().standardAgreement().choice(ChoiceKind.OBJECTION, null, null, 1, null)));
		cases.add(permits("crossing mental health note, consent still in force while a future-dated objection waits",
				MENTAL_HEALTH, CROSSING,
				w -> w.inCareTeam()
					.standardAgreement()
					.choice(ChoiceKind.CONSENT, null, null, -10, null)
					.choice(ChoiceKind.OBJECTION, null, null, 2, null)));
		// Capacity and best interests
		cases.add(permits("person lacks capacity, best-interests decision to share, crossing mental health note",
				MENTAL_HEALTH, CROSSING,
				w -> w.inCareTeam().standardAgreement().lacksCapacity().bestInterests(ChoiceKind.CONSENT)));
		cases.add(withholds("person lacks capacity, best-interests decision not to share, crossing general note",
				GENERAL, CROSSING, OBJECTION,
				w -> w.inCareTeam().standardAgreement().lacksCapacity().bestInterests(ChoiceKind.DISSENT)));
		cases.add(withholds("person lacks capacity, best-interests decision not to share, crossing HIV note", HIV,
				CROSSING, OBJECTION,
				w -> w.inCareTeam().standardAgreement().lacksCapacity().bestInterests(ChoiceKind.DISSENT)));
		cases.add(withholds(
				"person lacks capacity, their own consent is refused (ConsentRule), crossing mental health note stays withheld",
				MENTAL_HEALTH, CROSSING, NO_CONSENT, w -> w.inCareTeam().standardAgreement().lacksCapacity().tap(x -> {
					assertThatThrownBy(() -> x.choice(ChoiceKind.CONSENT, null, null, 0, null))
						.isInstanceOf(ConsentRule.class)
						.hasMessageContaining("lacks capacity");
				})));
		cases.add(permits("person assessed as having capacity consents themselves, crossing mental health note",
				MENTAL_HEALTH, CROSSING,
				w -> w.inCareTeam().standardAgreement().hasCapacity().choice(ChoiceKind.CONSENT, null, null, 0, null)));
		// Break glass
		cases.add(overrides("override, not in care team, no agreement, objected crossing HIV note", HIV, CROSSING,
				w -> w.choice(ChoiceKind.OBJECTION, null, null, -1, null).breakGlass()));
		cases.add(overrides("override, in care team, crossing mental health note without agreement or consent",
				MENTAL_HEALTH, CROSSING, w -> w.inCareTeam().breakGlass()));
		cases.add(withholds("override is per account: a colleague's override does not help the viewer", GENERAL, OWN,
				NO_RELATIONSHIP, w -> w.colleagueBreaksGlass()));
		cases.add(withholds("expired override, not in care team", GENERAL, OWN, NO_RELATIONSHIP,
				w -> w.breakGlass().expireOverrides()));
		cases
			.add(withholds("expired override, in care team, crossing mental health note without consent", MENTAL_HEALTH,
					CROSSING, NO_CONSENT, w -> w.inCareTeam().standardAgreement().breakGlass().expireOverrides()));
		return cases.stream().map(Arguments::of);
	}

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Autowired
	AccessPolicy accessPolicy;

	@Autowired
	Agreements agreements;

	@Autowired
	Choices choices;

	@Autowired
	Overrides overrides;

	@Autowired
	AccessGrants grants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	PlatformTransactionManager transactions;

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void decidesAndListsAlike(Case c) {
		World w = new World();
		c.given().accept(w);
		Actor author = c.source() == OWN ? w.colleague.actor() : w.authorB.actor();
		UUID entryId = people.addEntry(author, w.person, c.category(), "Note " + c.category(), "Body");
		OrganisationId source = c.source() == OWN ? w.a : w.b;

		AccessDecision decision = accessPolicy.decide(w.viewer, w.person, c.category(), source);

		assertThat(decision.withheld()).as("%s: withheld reason", c.name()).isEqualTo(c.expected());
		assertThat(decision.permitted()).as("%s: permitted", c.name()).isEqualTo(c.expected() == null);
		assertThat(decision.override()).as("%s: by override", c.name()).isEqualTo(c.byOverride());
		if (c.expected() != null) {
			assertThat(decision.policy()).as("%s: policy", c.name()).isEqualTo(c.expected().policy());
		}
		assertListPathAgrees(c.name(), w, entryId, decision);
		assertRecordReadsAgree(c.name(), w);
	}

	/**
	 * ADR 80: the record view's one-statement read answers as the step-by-step read in
	 * every row's world, for the person's details as registered (belonging to the whole
	 * partnership) and as held by the other organisation, where the row's agreements,
	 * objections and consent decide the details and the people around them.
	 */
	private void assertRecordReadsAgree(String name, World w) {
		RecordReads reads = new RecordReads(people, auditLog, transactions);
		reads.assertReadAlike(w.viewer, w.person, false, name + ", partnership-wide details");
		jdbc.sql("update person.person set source_organisation_id = :b where id = :person")
			.param("b", w.b.id())
			.param("person", w.person.id())
			.update();
		reads.assertReadAlike(w.viewer, w.person, false, name + ", details held by the other organisation");
	}

	private void assertListPathAgrees(String name, World w, UUID entryId, AccessDecision decision) {
		if (!accessPolicy.decideRecord(w.viewer, w.person).permitted()) {
			// No record relationship at all: the list refuses outright, and the item
			// decision must not be more generous than the record decision.
			assertThat(decision.permitted()).as("%s: list path", name).isFalse();
			assertThatThrownBy(() -> people.entries(w.viewer, w.person, 1)).as("%s: list path", name)
				.isInstanceOf(AccessDenied.class);
			return;
		}
		EntryPage page = people.entries(w.viewer, w.person, 1);
		if (decision.permitted()) {
			assertThat(page.entries()).as("%s: list path", name).extracting(Entry::id).containsExactly(entryId);
			assertThat(page.total()).as("%s: list path", name).isEqualTo(1);
			assertThat(page.withheld()).as("%s: list path", name).isEmpty();
		}
		else {
			assertThat(page.entries()).as("%s: list path", name).isEmpty();
			assertThat(page.total()).as("%s: list path", name).isZero();
			assertThat(page.withheld()).as("%s: list path", name)
				.singleElement()
				.satisfies(n -> assertThat(n.reason()).isEqualTo(decision.withheld()));
		}
		assertThat(people.entries(w.viewer, w.person, 2).entries()).as("%s: list path", name).isEmpty();
	}

	@Test
	void aChangedChoiceCountsOnTheVeryNextRequest() {
		World w = new World().inCareTeam().standardAgreement();
		UUID entryId = people.addEntry(w.authorB.actor(), w.person, MENTAL_HEALTH, "Mood", "Low mood");
		assertThat(accessPolicy.decide(w.viewer, w.person, MENTAL_HEALTH, w.b).withheld()).isEqualTo(NO_CONSENT);
		assertThat(people.entries(w.viewer, w.person, 1).total()).isZero();

		w.choice(ChoiceKind.CONSENT, null, null, 0, null);

		assertThat(accessPolicy.decide(w.viewer, w.person, MENTAL_HEALTH, w.b).permitted()).isTrue();
		assertThat(people.entries(w.viewer, w.person, 1).entries()).extracting(Entry::id).containsExactly(entryId);

		w.withdrawLast();

		assertThat(accessPolicy.decide(w.viewer, w.person, MENTAL_HEALTH, w.b).withheld()).isEqualTo(NO_CONSENT);
		assertThat(people.entries(w.viewer, w.person, 1).total()).isZero();

		w.choice(ChoiceKind.OBJECTION, w.a, null, 0, null);

		assertThat(accessPolicy.decide(w.viewer, w.person, GENERAL, w.b).withheld()).isEqualTo(OBJECTION);
	}

	@Test
	void aBestInterestsDecisionNeedsAnAssessmentFindingLackOfCapacity() {
		World w = new World().inCareTeam().hasCapacity();

		assertThatThrownBy(() -> w.bestInterests(ChoiceKind.CONSENT)).isInstanceOf(ConsentRule.class)
			.extracting(ex -> ((ConsentRule) ex).field())
			.isEqualTo("capacityAssessmentId");
	}

	@Test
	void aPersonWhoLacksCapacityCannotRecordTheirOwnConsent() {
		World w = new World().inCareTeam().lacksCapacity();

		assertThatThrownBy(() -> w.choice(ChoiceKind.CONSENT, null, null, 0, null)).isInstanceOf(ConsentRule.class)
			.extracting(ex -> ((ConsentRule) ex).field())
			.isEqualTo("howGiven");
		assertThat(choices.choices(w.authorB.actor(), w.person)).isEmpty();
	}

	/**
	 * Information without a source organisation belongs to the whole partnership and
	 * never crosses, so a general objection does not hide it from the care team (found by
	 * this table: the objection rule once treated a null source as crossing).
	 */
	@Test
	@DisplayName("a general objection does not withhold partnership-wide details (no source organisation) from the care team")
	void anObjectionDoesNotWithholdPartnershipWideDetailsFromTheCareTeam() {
		World w = new World().inCareTeam().choice(ChoiceKind.OBJECTION, null, null, -1, null);

		assertThat(accessPolicy.decide(w.viewer, w.person, GENERAL, null).withheld()).isNull();
		assertThat(people.record(w.viewer, w.person).detailsWithheld()).isNull();
	}

	/** A fresh partnership of three organisations around one person. */
	final class World {

		final OrganisationId a = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);

		final OrganisationId b = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);

		final OrganisationId c = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);

		final Fixtures.Staff viewerStaff = fixtures.practitioner(a, Profession.DISTRICT_NURSE);

		final Fixtures.Staff colleague = fixtures.practitionerIn(a, viewerStaff.teamId(), Profession.DISTRICT_NURSE,
				false);

		final Fixtures.Staff authorB = fixtures.practitioner(b, Profession.SOCIAL_WORKER);

		final PersonId person = fixtures.person(Fixtures.unique("Tablerow"), authorB);

		final LocalDate today = jdbc.sql("select current_date").query(LocalDate.class).single();

		Actor viewer = viewerStaff.actor();

		@Nullable UUID lastChoice;

		@Nullable UUID capacityAssessment;

		World() {
			fixtures.addToCareTeam(person, colleague);
		}

		World inCareTeam() {
			fixtures.addToCareTeam(person, viewerStaff);
			return this;
		}

		World standardAgreement() {
			return agreement(AgreementStatus.ACTIVE, Set.of(Purpose.DIRECT_CARE), EnumSet.allOf(DataCategory.class),
					-30, b);
		}

		World agreement(AgreementStatus status, Set<Purpose> purposes, Set<DataCategory> categories, int startInDays,
				OrganisationId partner) {
			LocalDate start = today.plusDays(startInDays);
			agreements.create(fixtures.admin,
					new NewAgreement(Fixtures.unique("Agreement "), "UK GDPR 6(1)(e), 9(2)(h)", Set.of(a, partner),
							purposes, categories, start, start.plusYears(1), status));
			return this;
		}

		World purpose(Purpose purpose) {
			viewer = viewer.forPurpose(purpose);
			return this;
		}

		World grant(DataCategory category, int expiresInHours) {
			grants.grant(fixtures.admin, person, viewerStaff.teamId(), Set.of(category),
					Instant.now().plus(expiresInHours, ChronoUnit.HOURS), "referral");
			return this;
		}

		World choice(ChoiceKind kind, @Nullable OrganisationId scope, @Nullable DataCategory category, int fromInDays,
				@Nullable Integer expiresInDays) {
			lastChoice = choices.record(authorB.actor(), person, new NewChoice(kind, scope, category, HowGiven.VERBAL,
					today.plusDays(fromInDays), expiresInDays == null ? null : today.plusDays(expiresInDays), null));
			return this;
		}

		World withdrawLast() {
			PersonChoice choice = choices.choices(authorB.actor(), person)
				.stream()
				.filter(ch -> ch.id().equals(lastChoice))
				.findFirst()
				.orElseThrow();
			choices.withdraw(authorB.actor(), person, choice.id(), choice.version(),
					ChoiceChange.byThePerson(HowAsked.IN_PERSON, "The person changed their mind"));
			return this;
		}

		World lacksCapacity() {
			capacityAssessment = choices.assessCapacity(authorB.actor(), person, true, false, true, true, true,
					"Cannot understand the information about sharing");
			return this;
		}

		World hasCapacity() {
			capacityAssessment = choices.assessCapacity(authorB.actor(), person, true, true, true, true, true,
					"Understands, retains, weighs and communicates");
			return this;
		}

		World bestInterests(ChoiceKind outcome) {
			choices.decideBestInterests(authorB.actor(), person, capacityAssessment, outcome, null, null,
					"Best interests: " + outcome, "Daughter (lasting power of attorney), GP", null, null);
			return this;
		}

		World breakGlass() {
			overrides.breakGlass(viewer, person, OverrideReason.EMERGENCY_CARE, "Unconscious in A&E, need history");
			return this;
		}

		World colleagueBreaksGlass() {
			overrides.breakGlass(colleague.actor(), person, OverrideReason.EMERGENCY_CARE,
					"Unconscious in A&E, need history");
			return this;
		}

		World expireOverrides() {
			int expired = jdbc
				.sql("update consent.override set expires_at = now() - interval '1 minute' where person_id = :person")
				.param("person", person.id())
				.update();
			assertThat(expired).isPositive();
			return this;
		}

		World tap(Consumer<World> step) {
			step.accept(this);
			return this;
		}

	}

}
