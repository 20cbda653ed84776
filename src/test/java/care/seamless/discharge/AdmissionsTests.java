package care.seamless.discharge;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.consent.AccessDenied;
import care.seamless.discharge.DischargeFixtures.Partnership;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Admissions on the real database: the rule set by admission date, the checks on dates
 * and notices, the person's own words, who may see an admission, and the append-only
 * attribution of delayed days.
 */
@SeamlessTest
class AdmissionsTests {

	private static final LocalDate LAST_DAY_OF_SCHEDULE_3 = LocalDate.of(2022, 6, 30);

	@Autowired
	DischargeFixtures fixtures;

	@Autowired
	Fixtures common;

	@Autowired
	Admissions admissions;

	@Autowired
	DelayedDays delayedDays;

	@Autowired
	RuleSets ruleSets;

	@Autowired
	Clock clock;

	@Test
	void anAdmissionTakesTheRulesInForceOnItsAdmissionDate() {
		Partnership p = fixtures.partnership();
		UUID june = fixtures.admit(p, p.nhsNumber(), LAST_DAY_OF_SCHEDULE_3);
		UUID july = fixtures.admit(p, p.nhsNumber(), LAST_DAY_OF_SCHEDULE_3.plusDays(1));

		RuleSet older = admissions.admission(p.nurse().actor(), june).ruleSet();
		assertThat(older.name()).isEqualTo("Care Act 2014 Schedule 3 (England)");
		assertThat(older.statutoryNotices()).isTrue();
		assertThat(older.assessmentNoticeMaxDaysBeforeAdmission()).isEqualTo(7);
		assertThat(older.dischargeNoticeMinDaysBeforeDischarge()).isEqualTo(1);
		assertThat(older.assessmentPeriodDays()).isEqualTo(2);
		assertThat(older.dailyReimbursement()).as("not confirmed, left for the partnership").isNull();
		RuleSet newer = admissions.admission(p.nurse().actor(), july).ruleSet();
		assertThat(newer.name()).isEqualTo("Discharge to assess (Health and Care Act 2022)");
		assertThat(newer.statutoryNotices()).isFalse();
	}

	@Test
	void aLocalAgreementWinsOverTheNationalRulesOnTheDaysItCovers() {
		Partnership p = fixtures.partnership();
		String name = Fixtures.unique("Riverside local notices ");
		ruleSets.addLocalAgreement(common.admin, new NewRuleSet(name, "Riverside discharge agreement 2019",
				LocalDate.of(2019, 1, 1), LocalDate.of(2019, 1, 31), true, 3, 2, 3, null));

		RuleSet local = admissions
			.admission(p.nurse().actor(), fixtures.admit(p, p.nhsNumber(), LocalDate.of(2019, 1, 15)))
			.ruleSet();
		assertThat(local.localAgreement()).isTrue();
		assertThat(local.assessmentPeriodDays()).isEqualTo(3);
		assertThat(admissions.admission(p.nurse().actor(), fixtures.admit(p, p.nhsNumber(), LocalDate.of(2019, 2, 1)))
			.ruleSet()
			.name()).isEqualTo("Care Act 2014 Schedule 3 (England)");
	}

	@Test
	void namesEveryProblemOfANewAdmissionAtOnceAndSavesNothing() {
		Partnership p = fixtures.partnership();
		Instant tomorrow = clock.instant().plus(1, ChronoUnit.DAYS);

		assertThatThrownBy(() -> admissions.record(p.nurse().actor(),
				new NewAdmission(Fixtures.nextNhsNumber(), p.ward(), " ", "Elm ward", tomorrow, null)))
			.isInstanceOfSatisfying(DischargeRule.class,
					ex -> assertThat(ex.violations()).extracting(DischargeRule.Violation::field)
						.containsExactly("nhsNumber", "hospital", "admittedAt"));
		assertThatThrownBy(() -> admissions.record(p.nurse().actor(),
				new NewAdmission(p.nhsNumber(), p.ward(), "Riverside General", "Elm ward",
						DischargeFixtures.at(LocalDate.of(2023, 3, 10)), LocalDate.of(2023, 3, 9))))
			.isInstanceOfSatisfying(DischargeRule.class,
					ex -> assertThat(ex.violations()).containsExactly(new DischargeRule.Violation("plannedDischarge",
							"The planned discharge date cannot be before the admission")));
		assertThat(admissions.openFor(p.nurse().actor(), p.ward())).isEmpty();
	}

	@Test
	void refusesADischargeBeforeTheAdmissionOrInTheFutureAndAStaleChange() {
		Partnership p = fixtures.partnership();
		UUID id = fixtures.admit(p, p.nhsNumber(), LocalDate.of(2023, 3, 10));
		Instant admitted = DischargeFixtures.at(LocalDate.of(2023, 3, 10));

		assertThatThrownBy(() -> admissions.updatePlan(p.nurse().actor(), id, 0,
				new Admissions.PlanChange(null, admitted.minusSeconds(60), null, Checklist.empty())))
			.isInstanceOfSatisfying(DischargeRule.class, ex -> assertThat(ex.violations()).containsExactly(
					new DischargeRule.Violation("dischargedAt", "The discharge date cannot be before the admission")));
		assertThatThrownBy(() -> admissions.updatePlan(p.nurse().actor(), id, 0,
				new Admissions.PlanChange(null, clock.instant().plus(1, ChronoUnit.DAYS), null, Checklist.empty())))
			.isInstanceOfSatisfying(DischargeRule.class,
					ex -> assertThat(ex.violations()).extracting(DischargeRule.Violation::message)
						.containsExactly("The discharge date cannot be in the future"));

		Checklist ready = new Checklist(true, true, true, true, true, false);
		admissions.updatePlan(p.nurse().actor(), id, 0, new Admissions.PlanChange(LocalDate.of(2023, 3, 20),
				admitted.plus(12, ChronoUnit.DAYS), Pathway.HOME_WITH_SUPPORT, ready));
		assertThatThrownBy(() -> admissions.updatePlan(p.nurse().actor(), id, 0,
				new Admissions.PlanChange(null, null, Pathway.CARE_HOME, Checklist.empty())))
			.isInstanceOf(ConcurrentEditException.class);
		AdmissionView view = admissions.admission(p.nurse().actor(), id);
		assertThat(view.pathway()).isEqualTo(Pathway.HOME_WITH_SUPPORT);
		assertThat(view.checklist()).isEqualTo(ready);
		assertThat(view.version()).isEqualTo(1);
	}

	@Test
	void onlyTheAdmittingWardChangesTheAdmission() {
		Partnership p = fixtures.partnership();
		UUID id = fixtures.admit(p, p.nhsNumber(), LocalDate.of(2023, 3, 10));
		assertThat(admissions.admission(p.socialWorker().actor(), id).wardMember()).isFalse();
		assertThatThrownBy(() -> admissions.updatePlan(p.socialWorker().actor(), id, 0,
				new Admissions.PlanChange(null, null, Pathway.CARE_HOME, Checklist.empty())))
			.isInstanceOf(DischargeRefused.class);
	}

	@Test
	void noticesFollowTheAdmissionsRuleSet() {
		Partnership p = fixtures.partnership();
		UUID now = fixtures.admit(p, p.nhsNumber(), LocalDate.of(2023, 3, 10));
		assertThatThrownBy(() -> admissions.giveNotice(p.nurse().actor(), now, NoticeKind.ASSESSMENT,
				LocalDate.of(2023, 3, 10), null))
			.isInstanceOfSatisfying(DischargeRule.class,
					ex -> assertThat(ex.violations().get(0).field()).isEqualTo("kind"));

		UUID then = fixtures.admit(p, p.nhsNumber(), LocalDate.of(2022, 6, 20));
		assertThatThrownBy(() -> admissions.giveNotice(p.nurse().actor(), then, NoticeKind.DISCHARGE,
				LocalDate.of(2022, 6, 21), LocalDate.of(2022, 6, 23)))
			.isInstanceOfSatisfying(DischargeRule.class,
					ex -> assertThat(ex.violations()).extracting(DischargeRule.Violation::message)
						.containsExactly("Give the assessment notice before the discharge notice"));
		assertThatThrownBy(() -> admissions.giveNotice(p.nurse().actor(), then, NoticeKind.ASSESSMENT,
				LocalDate.of(2022, 6, 12), null))
			.as("more than 7 days before the admission")
			.isInstanceOf(DischargeRule.class);
		admissions.giveNotice(p.nurse().actor(), then, NoticeKind.ASSESSMENT, LocalDate.of(2022, 6, 20), null);
		assertThatThrownBy(() -> admissions.giveNotice(p.nurse().actor(), then, NoticeKind.DISCHARGE,
				LocalDate.of(2022, 6, 21), LocalDate.of(2022, 6, 21)))
			.isInstanceOfSatisfying(DischargeRule.class,
					ex -> assertThat(ex.violations()).extracting(DischargeRule.Violation::field)
						.containsExactly("proposedDischarge"));
		admissions.giveNotice(p.nurse().actor(), then, NoticeKind.DISCHARGE, LocalDate.of(2022, 6, 21),
				LocalDate.of(2022, 6, 22));

		AdmissionView view = admissions.admission(p.socialWorker().actor(), then);
		assertThat(view.notices()).extracting(AdmissionView.NoticeView::kind)
			.containsExactly(NoticeKind.ASSESSMENT, NoticeKind.DISCHARGE);
		assertThat(view.relevantDay()).as("two days after the assessment notice, later than the proposed day")
			.isEqualTo(LocalDate.of(2022, 6, 22));
	}

	@Test
	void thePersonsOwnWordsAreKeptAsTheySaidThem() {
		Partnership p = fixtures.partnership();
		UUID id = fixtures.admit(p, p.nhsNumber(), LocalDate.of(2023, 3, 10));
		UUID first = admissions.recordOwnView(p.nurse().actor(), id, "I want to go home to my cat", null);
		admissions.recordOwnView(p.socialWorker().actor(), id, "I said I want to go home to my cat, and my garden",
				first);

		assertThat(admissions.admission(p.socialWorker().actor(), id).ownViews())
			.extracting(AdmissionView.OwnView::words, AdmissionView.OwnView::corrects)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("I want to go home to my cat", null),
					org.assertj.core.groups.Tuple.tuple("I said I want to go home to my cat, and my garden", first));
		assertThatThrownBy(() -> admissions.recordOwnView(p.nurse().actor(), id, " ", null))
			.isInstanceOf(DischargeRule.class);
	}

	@Test
	void anotherTrustCannotSeeTheAdmissionAndAGpCannotRecordOne() {
		Partnership p = fixtures.partnership();
		UUID id = fixtures.admit(p, p.nhsNumber(), LocalDate.of(2023, 3, 10));
		var stranger = common.practitioner(common.organisation(OrganisationKind.NHS_ACUTE_TRUST),
				Profession.HOSPITAL_DOCTOR);
		assertThatThrownBy(() -> admissions.admission(stranger.actor(), id)).isInstanceOf(AccessDenied.class);
		assertThat(admissions.openFor(stranger.actor(), p.ward())).isEmpty();

		var gp = common.practitioner(common.organisation(OrganisationKind.GP_PRACTICE), Profession.GP);
		assertThatThrownBy(
				() -> admissions.record(gp.actor(),
						new NewAdmission(p.nhsNumber(), gp.teamId(), "Surgery", "Room 1",
								DischargeFixtures.at(LocalDate.of(2023, 3, 10)), null)))
			.isInstanceOf(AccessDenied.class);
		assertThat(admissions.openFor(p.nurse().actor(), p.ward())).extracting(OpenAdmission::id).containsExactly(id);
	}

	@Test
	void aDisputedAttributionKeepsBothViewsAndAStaleAnswerIsRefused() {
		Partnership p = fixtures.partnership();
		UUID id = fixtures.admit(p, p.nhsNumber(), LocalDate.of(2023, 3, 10));
		UUID day = delayedDays.record(p.nurse().actor(), id, LocalDate.of(2023, 3, 14), DelayReason.AWAITING_HOME_CARE,
				Attribution.SOCIAL_CARE, "Package not started");
		assertThatThrownBy(() -> delayedDays.answer(p.wardManager().actor(), day, 0, true, null, null))
			.as("the proposing side does not agree with itself")
			.isInstanceOf(DischargeRefused.class);

		delayedDays.answer(p.socialWorker().actor(), day, 0, false, Attribution.NHS, "Medicines were not ready");
		assertThatThrownBy(() -> delayedDays.answer(p.councilManager().actor(), day, 0, true, null, null))
			.as("a second tab answering what it read before")
			.isInstanceOf(ConcurrentEditException.class);

		DelayedDayView view = admissions.admission(p.councilManager().actor(), id).delayedDays().get(0);
		assertThat(view.status()).isEqualTo(DelayedDayView.Status.DISPUTED);
		assertThat(view.viewOf(Side.NHS)).isEqualTo(Attribution.SOCIAL_CARE);
		assertThat(view.viewOf(Side.SOCIAL_CARE)).isEqualTo(Attribution.NHS);
		assertThat(view.steps()).extracting(DelayedDayView.Step::step).containsExactly("PROPOSED", "DISPUTED");
		assertThat(view.version()).isEqualTo(1);
	}

	@Test
	void refusesDelayedDaysOutsideTheStay() {
		Partnership p = fixtures.partnership();
		UUID id = fixtures.admit(p, p.nhsNumber(), LocalDate.of(2023, 3, 10));
		assertThatThrownBy(() -> delayedDays.record(p.nurse().actor(), id, LocalDate.of(2023, 3, 9),
				DelayReason.HOUSING, Attribution.BOTH, null))
			.isInstanceOf(DischargeRule.class);
		assertThatThrownBy(() -> delayedDays.record(p.nurse().actor(), id, LocalDate.now(clock).plusDays(1),
				DelayReason.HOUSING, Attribution.BOTH, null))
			.isInstanceOfSatisfying(DischargeRule.class,
					ex -> assertThat(ex.violations()).extracting(DischargeRule.Violation::message)
						.containsExactly("A delayed day cannot be in the future"));
		delayedDays.record(p.nurse().actor(), id, LocalDate.of(2023, 3, 11), DelayReason.HOUSING, Attribution.BOTH,
				null);
		assertThatThrownBy(() -> delayedDays.record(p.socialWorker().actor(), id, LocalDate.of(2023, 3, 11),
				DelayReason.HOUSING, Attribution.NHS, null))
			.isInstanceOfSatisfying(DischargeRule.class,
					ex -> assertThat(ex.violations()).extracting(DischargeRule.Violation::message)
						.containsExactly("This day is already recorded for this admission"));
	}

}
