package care.seamless.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import care.seamless.consent.AccessDenied;
import care.seamless.discharge.Admissions;
import care.seamless.discharge.Attribution;
import care.seamless.discharge.Checklist;
import care.seamless.discharge.DelayReason;
import care.seamless.discharge.DelayedDays;
import care.seamless.discharge.DischargeRule;
import care.seamless.discharge.NewAdmission;
import care.seamless.discharge.NoticeKind;
import care.seamless.discharge.Pathway;
import care.seamless.person.People;
import care.seamless.person.PersonSummary;
import care.seamless.shared.Actor;
import care.seamless.shared.Profession;
import care.seamless.shared.Purpose;
import care.seamless.shared.Role;
import care.seamless.team.Account;
import care.seamless.team.Directory;
import care.seamless.team.Team;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hospital stays for three people on Sam Jones's caseload, recorded by Dr Ali of the
 * Riverside elderly care wards through the module's API: one from June 2022 under the
 * Care Act 2014 Schedule 3 notices (two delays agreed), one in hospital now on pathway 2
 * with a delay agreed, one disputed and one waiting for the council's answer, and one
 * admitted two days ago. The wards get a manager, Jo Hill, who reads the report.
 */
@Component
@ConditionalOnBooleanProperty("seamless.demo")
class DemoDischarges {

	private static final Logger log = LoggerFactory.getLogger(DemoDischarges.class);

	private static final String HOSPITAL = "Riverside General Hospital";

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final Admissions admissions;

	private final DelayedDays delayedDays;

	private final People people;

	private final Directory directory;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoDischarges(Admissions admissions, DelayedDays delayedDays, People people, Directory directory,
			TransactionTemplate transaction, Clock clock) {
		this.admissions = admissions;
		this.delayedDays = delayedDays;
		this.people = people;
		this.directory = directory;
		this.transaction = transaction;
		this.clock = clock;
	}

	@EventListener
	void on(DemoLoaded loaded) {
		Team wards = directory.teams()
			.stream()
			.filter(t -> t.name().equals("Elderly care wards"))
			.findFirst()
			.orElse(null);
		if (wards == null) {
			return;
		}
		transaction.executeWithoutResult(status -> directory.createAccountForNewPractitioner(loaded.loader(),
				wards.organisationId(), "Jo", "Hill", Profession.NURSE, "jo.hill@riverside.example", wards.id(), true,
				"jo.hill", DemoStaff.PASSWORD, EnumSet.of(Role.PRACTITIONER, Role.TEAM_MANAGER)));
		Actor ward = actor("dr.ali");
		Actor council = actor("sam.jones");
		List<PersonSummary> caseload = people.caseload(council, 1).people();
		if (caseload.size() < 7) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		// Each stay in its own transaction: a person who objected to sharing with the
		// trust is refused (and the refusal audited), and the others still load.
		load(() -> historic(ward, council, wards, caseload.get(4)));
		load(() -> current(ward, council, wards, caseload.get(5), today));
		// The next person with an NHS number: a demo person without one cannot be
		// admitted.
		PersonSummary recent = caseload.subList(6, caseload.size())
			.stream()
			.filter(p -> p.nhsNumber() != null && !p.nhsNumber().isBlank())
			.findFirst()
			.orElse(caseload.get(6));
		load(() -> admissions.record(ward, new NewAdmission(recent.nhsNumber(), wards.id(), HOSPITAL, "Oak ward",
				at(today.minusDays(2), 9), today.plusDays(3))));
	}

	private void load(Runnable stay) {
		try {
			transaction.executeWithoutResult(status -> stay.run());
		}
		catch (AccessDenied ex) {
			log.info("Demo hospital stay not loaded: {}", ex.decision().policy());
		}
		catch (DischargeRule ex) {
			// A demo person without an NHS number, say: the rest of the demo still loads.
			log.info("Demo hospital stay not loaded: {}", ex.violations().get(0).field());
		}
	}

	private void historic(Actor ward, Actor council, Team wards, PersonSummary person) {
		LocalDate admitted = LocalDate.of(2022, 6, 20);
		UUID id = admissions.record(ward,
				new NewAdmission(person.nhsNumber(), wards.id(), HOSPITAL, "Elm ward", at(admitted, 11), null));
		admissions.giveNotice(ward, id, NoticeKind.ASSESSMENT, admitted, null);
		admissions.giveNotice(ward, id, NoticeKind.DISCHARGE, admitted.plusDays(1), admitted.plusDays(4));
		for (int day = 5; day <= 6; day++) {
			UUID delay = delayedDays.record(ward, id, admitted.plusDays(day), DelayReason.AWAITING_HOME_CARE,
					Attribution.SOCIAL_CARE, "Home care package not ready");
			delayedDays.answer(council, delay, 0, true, null, null);
		}
		admissions.updatePlan(ward, id, 0, new Admissions.PlanChange(admitted.plusDays(4), at(admitted.plusDays(7), 15),
				Pathway.HOME_WITH_SUPPORT, new Checklist(true, true, true, true, true, true)));
	}

	private void current(Actor ward, Actor council, Team wards, PersonSummary person, LocalDate today) {
		UUID id = admissions.record(ward, new NewAdmission(person.nhsNumber(), wards.id(), HOSPITAL, "Elm ward",
				at(today.minusDays(10), 14), today.minusDays(4)));
		admissions.updatePlan(ward, id, 0, new Admissions.PlanChange(today.minusDays(4), null,
				Pathway.REHABILITATION_BED, new Checklist(false, true, true, true, true, false)));
		admissions.recordOwnView(ward, id,
				"I want to get my strength back before I go home. I don't want to go into a home.", null);
		UUID agreed = delayedDays.record(council, id, today.minusDays(3), DelayReason.AWAITING_REHABILITATION_BED,
				Attribution.NHS, "No community rehabilitation bed free");
		delayedDays.answer(ward, agreed, 0, true, null, null);
		UUID disputed = delayedDays.record(ward, id, today.minusDays(2), DelayReason.AWAITING_REHABILITATION_BED,
				Attribution.SOCIAL_CARE, "Council funding panel not held");
		delayedDays.answer(council, disputed, 0, false, Attribution.NHS,
				"The panel approved funding on time; the bed is the NHS's to find");
		delayedDays.record(ward, id, today.minusDays(1), DelayReason.AWAITING_REHABILITATION_BED,
				Attribution.SOCIAL_CARE, null);
	}

	private Actor actor(String username) {
		Account account = directory.accountForSignIn(username).orElseThrow();
		return new Actor(account.id(), account.username(), account.practitionerId(), account.organisationId(),
				account.organisationCode(), account.roles(), Purpose.DIRECT_CARE);
	}

	private static Instant at(LocalDate day, int hour) {
		return day.atTime(hour, 0).atZone(LONDON).toInstant();
	}

}
