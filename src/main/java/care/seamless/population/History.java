package care.seamless.population;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

import care.seamless.audit.AuditBulkLoad.PastEntry;
import care.seamless.referral.BreachAudit;

/**
 * One person's audit history: their registration, each record made for them, and the
 * times their record was opened since, by their lead and now and then by someone else (a
 * duty worker, a nurse of another organisation), oldest first. About five entries a
 * person: one registration, 0.6 assessments, 0.4 plans, 0.15 referrals (with the referral
 * clock's breaches of those left unanswered), 0.2 budgets and three views on average.
 */
final class History {

	static final int PART = 13;

	private History() {
	}

	static void write(Consumer<PastEntry> out, long seed, long index, UUID person, Journey journey,
			Workforce.Practitioner lead, List<Workforce.Practitioner> staff) {
		SplittableRandom random = new SplittableRandom(Seeds.mix(seed, PART, index));
		List<PastEntry> entries = new ArrayList<>(8);
		entries.add(entry(journey.registered(), lead, "create", "Person", person, person));
		if (journey.assessment() != null) {
			entries.add(entry(journey.assessment().opened(), lead, "create", "AssessmentEpisode",
					journey.assessment().id(), person));
			if (journey.assessment().completed() != null) {
				entries.add(entry(journey.assessment().completed(), lead, "complete", "AssessmentEpisode",
						journey.assessment().id(), person));
			}
		}
		if (journey.plan() != null) {
			entries.add(entry(journey.plan().created(), lead, "create", "CarePlan", journey.plan().id(), person));
		}
		if (journey.referral() != null) {
			entries.add(entry(journey.referral().created(), lead, "referral-create", "Referral",
					journey.referral().id(), person));
			for (CareRecords.Breach breach : CareRecords.breaches(seed, index, journey.referral())) {
				entries.add(new PastEntry(breach.noticed(), BreachAudit.CLOCK_ACCOUNT, "ADMINISTRATOR", null,
						"referral-breach", "Referral", journey.referral().id().toString(), person, "ADMINISTRATION",
						BreachAudit.reason(breach.kind(), breach.due())));
			}
		}
		if (journey.budget() != null) {
			entries.add(entry(journey.budget().created(), lead, "start-personal-budget", "PersonalBudget",
					journey.budget().id(), person));
		}
		int views = random.nextInt(7);
		for (int i = 0; i < views; i++) {
			Workforce.Practitioner who = random.nextInt(100) < 75 ? lead : staff.get(random.nextInt(staff.size()));
			entries.add(entry(Journey.between(random, journey.registered(), Journey.REFERENCE), who, "read", "Person",
					person, person));
		}
		entries.sort(Comparator.comparing(PastEntry::occurredAt));
		entries.forEach(out);
	}

	private static PastEntry entry(Instant at, Workforce.Practitioner who, String action, String recordType,
			UUID recordId, UUID person) {
		return new PastEntry(at, who.username(), "PRACTITIONER", who.team().organisation().code(), action, recordType,
				recordId.toString(), person, "DIRECT_CARE", null);
	}

}
