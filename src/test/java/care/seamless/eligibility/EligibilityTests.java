package care.seamless.eligibility;

import java.util.List;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static care.seamless.eligibility.EligibilityFixtures.eligibleAdult;
import static care.seamless.eligibility.EligibilityFixtures.ineligibleAdult;
import static care.seamless.eligibility.EligibilityFixtures.superseding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Recording, supersession, history, access and audit on the real database. */
@SeamlessTest
class EligibilityTests {

	@Autowired
	Eligibility eligibility;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AuditLog auditLog;

	Fixtures.Staff worker;

	PersonId person;

	@BeforeEach
	void personWithASocialWorker() {
		worker = fixtures.practitioner(fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE),
				Profession.SOCIAL_WORKER);
		person = fixtures.person(Fixtures.unique("Eligible"), worker);
	}

	@Test
	void recordsWhoDecidedAndTheComputedOutcome() {
		UUID id = EligibilityFixtures.record(eligibility, worker.actor(), person, eligibleAdult());

		Determination saved = eligibility.determination(worker.actor(), person, id);
		assertThat(saved.eligible()).isTrue();
		assertThat(saved.practitionerId()).isEqualTo(worker.practitionerId());
		assertThat(saved.profession()).isEqualTo(Profession.SOCIAL_WORKER);
		assertThat(saved.organisationId()).isEqualTo(worker.organisationId());
		assertThat(saved.facts()).isEqualTo(eligibleAdult());
		assertThat(saved.personView()).isEqualTo("I want to stay at home");
		assertThat(saved.current()).isTrue();
	}

	@Test
	void aNewDeterminationSupersedesTheCurrentOneAndKeepsItInTheHistory() {
		UUID first = EligibilityFixtures.record(eligibility, worker.actor(), person, eligibleAdult());
		Determination current = eligibility.determination(worker.actor(), person, first);

		UUID second = eligibility.record(worker.actor(), person, superseding(ineligibleAdult(), current));

		EligibilityOverview overview = eligibility.overview(worker.actor(), person);
		assertThat(overview.currentAdult().id()).isEqualTo(second);
		assertThat(overview.currentAdult().eligible()).isFalse();
		assertThat(overview.history()).extracting(Determination::id).containsExactly(second, first);
		Determination old = eligibility.determination(worker.actor(), person, first);
		assertThat(old.supersededBy()).isEqualTo(second);
		assertThat(old.supersededAt()).isNotNull();
		assertThat(old.current()).isFalse();
	}

	@Test
	void carerAndHistoricDecisionsDoNotSupersedeTheAdultOne() {
		UUID adult = EligibilityFixtures.record(eligibility, worker.actor(), person, eligibleAdult());
		UUID carer = EligibilityFixtures.record(eligibility, worker.actor(), person,
				Facts.carer(true, true, List.of(), true, java.util.Set.of(WellbeingArea.HEALTH)));
		UUID facs = EligibilityFixtures.record(eligibility, worker.actor(), person,
				Facts.facs(FacsBand.SUBSTANTIAL, FacsBand.SUBSTANTIAL, java.time.LocalDate.of(2013, 6, 3)));

		EligibilityOverview overview = eligibility.overview(worker.actor(), person);
		assertThat(overview.currentAdult().id()).isEqualTo(adult);
		assertThat(overview.currentCarer().id()).isEqualTo(carer);
		assertThat(overview.history()).extracting(Determination::id).containsExactly(carer, adult, facs);
		Determination historic = eligibility.determination(worker.actor(), person, facs);
		assertThat(historic.current()).isFalse();
		assertThat(historic.eligible()).isTrue();
	}

	@Test
	void aDecisionRecordedMeanwhileIsAConflictNotAnOverwrite() {
		UUID first = EligibilityFixtures.record(eligibility, worker.actor(), person, eligibleAdult());
		Determination seen = eligibility.determination(worker.actor(), person, first);
		eligibility.record(worker.actor(), person, superseding(ineligibleAdult(), seen));

		// A colleague still looking at the first decision.
		assertThatThrownBy(() -> eligibility.record(worker.actor(), person, superseding(eligibleAdult(), seen)))
			.isInstanceOf(ConcurrentEditException.class);
		// Someone who saw no decision at all.
		assertThatThrownBy(() -> EligibilityFixtures.record(eligibility, worker.actor(), person, eligibleAdult()))
			.isInstanceOf(ConcurrentEditException.class);
		assertThat(eligibility.overview(worker.actor(), person).history()).hasSize(2);
	}

	@Test
	void incompleteFactsSaveNothing() {
		Facts noSense = Facts.adult(true, List.of(new Unable("nutrition", UnableSense.NEEDS_ASSISTANCE),
				new Unable("hygiene", null), new Unable("toilet", UnableSense.ENDANGERS)), true,
				java.util.Set.of(WellbeingArea.HEALTH));

		assertThatThrownBy(() -> EligibilityFixtures.record(eligibility, worker.actor(), person, noSense))
			.isInstanceOfSatisfying(EligibilityRuleViolation.class,
					ex -> assertThat(ex.problems()).extracting(Problem::field).containsExactly("sense-hygiene"));
		assertThat(eligibility.overview(worker.actor(), person).history()).isEmpty();
	}

	@Test
	void aCareTeamMemberOutsideAnySharingAgreementIsToldADecisionIsWithheldNotShownIt() {
		Fixtures.Staff nurse = fixtures.practitioner(fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST),
				Profession.DISTRICT_NURSE);
		fixtures.addToCareTeam(person, nurse);
		UUID id = EligibilityFixtures.record(eligibility, worker.actor(), person, eligibleAdult());

		EligibilityOverview overview = eligibility.overview(nurse.actor(), person);

		assertThat(overview.history()).isEmpty();
		assertThat(overview.currentAdult()).isNull();
		assertThat(overview.withheld()).singleElement()
			.satisfies(w -> assertThat(w.organisationName()).isEqualTo(saved(id).organisationName()));
		assertThatThrownBy(() -> eligibility.determination(nurse.actor(), person, id)).isInstanceOf(AccessDenied.class);

		fixtures.agreement(java.util.Set.of(worker.organisationId(), nurse.organisationId()),
				care.seamless.shared.DataCategory.GENERAL);
		assertThat(eligibility.overview(nurse.actor(), person).history()).extracting(Determination::id)
			.containsExactly(id);
	}

	private Determination saved(UUID id) {
		return eligibility.determination(worker.actor(), person, id);
	}

	@Test
	void onlyTheCareTeamMayRecordOrReadAndRefusalsAreAudited() {
		Fixtures.Staff outsider = fixtures.practitioner(fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST),
				Profession.DISTRICT_NURSE);
		UUID id = EligibilityFixtures.record(eligibility, worker.actor(), person, eligibleAdult());

		assertThatThrownBy(() -> EligibilityFixtures.record(eligibility, outsider.actor(), person, eligibleAdult()))
			.isInstanceOf(AccessDenied.class);
		assertThatThrownBy(() -> eligibility.determination(outsider.actor(), person, id))
			.isInstanceOf(AccessDenied.class);
		assertThatThrownBy(() -> eligibility.overview(outsider.actor(), person)).isInstanceOf(AccessDenied.class);

		assertThat(eligibility.overview(worker.actor(), person).history()).hasSize(1);
		List<AuditEntry> audit = auditLog.historyOf(person, 100)
			.stream()
			.filter(e -> e.recordType().equals(Eligibility.RECORD))
			.toList();
		assertThat(audit).anySatisfy(e -> {
			assertThat(e.account()).isEqualTo(worker.username());
			assertThat(e.action()).isEqualTo("create");
			assertThat(e.outcome()).isEqualTo("PERMITTED");
		});
		assertThat(audit).filteredOn(e -> e.account().equals(outsider.username()))
			.extracting(AuditEntry::action, AuditEntry::outcome)
			.contains(org.assertj.core.groups.Tuple.tuple("create", "DENIED"),
					org.assertj.core.groups.Tuple.tuple("read", "DENIED"));
	}

}
