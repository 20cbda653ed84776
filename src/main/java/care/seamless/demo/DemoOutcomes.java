package care.seamless.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.seamless.consent.AccessDenied;
import care.seamless.discharge.Admissions;
import care.seamless.discharge.Attribution;
import care.seamless.discharge.Checklist;
import care.seamless.discharge.DelayReason;
import care.seamless.discharge.DelayedDays;
import care.seamless.discharge.DischargeRule;
import care.seamless.discharge.NewAdmission;
import care.seamless.discharge.Pathway;
import care.seamless.person.People;
import care.seamless.person.PersonSummary;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import care.seamless.shared.Purpose;
import care.seamless.team.Account;
import care.seamless.team.Directory;
import care.seamless.team.Team;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A year of hospital stays for the outcomes dashboard of the Riverside Better Care Fund,
 * through the discharge module's API: about sixty people from the council's and the
 * trust's caseloads leave the elderly care wards over the last twelve months, mostly home
 * with reablement, some to a rehabilitation bed or a care home, a few back in hospital
 * within 91 days, with delayed days along the way; enough for figures of 5 and over to
 * show.
 */
@Component
@ConditionalOnBooleanProperty("seamless.demo")
@Order(100)
class DemoOutcomes {

	private static final Logger log = LoggerFactory.getLogger(DemoOutcomes.class);

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final Pathway[] PATHWAYS = { Pathway.HOME_WITH_SUPPORT, Pathway.HOME_NO_NEW_SUPPORT,
			Pathway.HOME_WITH_SUPPORT, Pathway.CARE_HOME, Pathway.HOME_WITH_SUPPORT, Pathway.REHABILITATION_BED,
			Pathway.HOME_NO_NEW_SUPPORT, Pathway.HOME_WITH_SUPPORT };

	private final Admissions admissions;

	private final DelayedDays delayedDays;

	private final People people;

	private final Directory directory;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoOutcomes(Admissions admissions, DelayedDays delayedDays, People people, Directory directory,
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
			.filter((t) -> t.name().equals("Elderly care wards"))
			.findFirst()
			.orElse(null);
		if (wards == null) {
			return;
		}
		Actor ward = actor("dr.ali");
		// Past the people DemoDischarges uses (the first seven of Sam Jones's caseload).
		Set<PersonId> seen = new LinkedHashSet<>();
		List<PersonSummary> chosen = new ArrayList<>();
		for (String username : List.of("priya.shah", "nina.patel", "tom.hughes", "ruth.adams")) {
			for (int page = 1; page <= 3 && chosen.size() < 64; page++) {
				for (PersonSummary person : people.caseload(actor(username), page).people()) {
					if (person.nhsNumber() != null && seen.add(person.id()) && chosen.size() < 64) {
						chosen.add(person);
					}
				}
			}
		}
		LocalDate today = LocalDate.now(clock);
		int loadedStays = 0;
		for (int i = 0; i < chosen.size(); i++) {
			PersonSummary person = chosen.get(i);
			LocalDate admitted = today.minusDays(24 + (i * 341L) / Math.max(1, chosen.size()));
			Pathway pathway = PATHWAYS[i % PATHWAYS.length];
			int index = i;
			loadedStays += load(() -> {
				UUID id = admissions.record(ward, new NewAdmission(person.nhsNumber(), wards.id(),
						"Riverside General Hospital", "Elm ward", at(admitted, 10), admitted.plusDays(5)));
				LocalDate discharged = admitted.plusDays(5 + index % 3);
				for (LocalDate day = admitted.plusDays(5); day.isBefore(discharged); day = day.plusDays(1)) {
					delayedDays.record(ward, id, day, DelayReason.AWAITING_HOME_CARE, Attribution.SOCIAL_CARE, null);
				}
				admissions.updatePlan(ward, id, 0, new Admissions.PlanChange(admitted.plusDays(5), at(discharged, 15),
						pathway, new Checklist(true, true, true, true, true, true)));
				// One in ten people going home with reablement is back in hospital within
				// 91 days.
				if (index % 10 == 0 && discharged.plusDays(40).isBefore(today.minusDays(7))) {
					UUID again = admissions.record(ward,
							new NewAdmission(person.nhsNumber(), wards.id(), "Riverside General Hospital", "Oak ward",
									at(discharged.plusDays(30), 9), discharged.plusDays(34)));
					admissions.updatePlan(ward, again, 0,
							new Admissions.PlanChange(discharged.plusDays(34), at(discharged.plusDays(34), 14),
									Pathway.REHABILITATION_BED, new Checklist(true, true, true, true, true, true)));
				}
			});
		}
		log.info("Demo outcomes: {} hospital stays loaded", loadedStays);
	}

	private int load(Runnable stay) {
		try {
			transaction.executeWithoutResult((status) -> stay.run());
			return 1;
		}
		catch (AccessDenied ex) {
			log.info("Demo hospital stay not loaded: {}", ex.decision().policy());
		}
		catch (DischargeRule ex) {
			log.info("Demo hospital stay not loaded: {}", ex.violations().get(0).field());
		}
		catch (RuntimeException ex) {
			// Demo history only: one stay the module refuses must not stop the demo
			// loading.
			log.warn("Demo hospital stay not loaded: {}", ex.getClass().getSimpleName());
		}
		return 0;
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
