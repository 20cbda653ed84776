package care.seamless.population;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What has happened to one person since they became known: whether they have been
 * assessed, have a plan, a referral and a budget, and when. Drawn from its own seed, so
 * every table the person appears in agrees, however many passes make them.
 *
 * <p>
 * The shares (docs/population.md): 60% have a contact assessment (70% of those
 * completed); 40% have a care plan (from a completed assessment); 15% have a referral;
 * 20% a personal budget (half of those with a plan, the councils' long-term support).
 */
record Journey(Instant registered, @Nullable Assessment assessment, @Nullable Plan plan, @Nullable Referral referral,
		@Nullable Budget budget) {

	record Assessment(UUID id, Instant opened, @Nullable Instant completed, int signedSections) {
	}

	record Plan(UUID id, Instant created, LocalDate nextReview) {
	}

	record Referral(UUID id, Instant created, int status) {
	}

	record Budget(UUID id, Instant created) {
	}

	/** The part of the seed the journeys are drawn from. */
	static final int PART = 7;

	/** The moment the generated history ends. */
	static final Instant REFERENCE = SyntheticPerson.REFERENCE_DATE.atStartOfDay().toInstant(ZoneOffset.UTC);

	static Journey of(long seed, long index, int sections) {
		SplittableRandom random = new SplittableRandom(Seeds.mix(seed, PART, index));
		Instant registered = Population.recorded(index % 1500);
		Assessment assessment = null;
		Plan plan = null;
		Budget budget = null;
		if (random.nextInt(100) < 60) {
			Instant opened = between(random, registered, REFERENCE.minusSeconds(30 * 86_400L));
			boolean completed = random.nextInt(100) < 70;
			Instant done = completed ? before(REFERENCE, opened.plusSeconds((1 + random.nextInt(20)) * 86_400L)) : null;
			assessment = new Assessment(Seeds.uuid(random), opened, done,
					completed ? sections : 1 + random.nextInt(Math.max(1, sections - 1)));
			// Nearly everyone whose assessment is complete has a plan: 0.6 x 0.7 x 0.95 =
			// 40%.
			if (done != null && random.nextInt(100) < 95) {
				Instant created = before(REFERENCE, done.plusSeconds((1 + random.nextInt(10)) * 86_400L));
				plan = new Plan(Seeds.uuid(random), created,
						created.atZone(ZoneOffset.UTC).toLocalDate().plusMonths(6 + random.nextInt(7)));
				if (random.nextInt(100) < 50) {
					budget = new Budget(Seeds.uuid(random),
							before(REFERENCE, created.plusSeconds((1 + random.nextInt(14)) * 86_400L)));
				}
			}
		}
		Referral referral = null;
		if (random.nextInt(100) < 15) {
			referral = new Referral(Seeds.uuid(random), between(random, registered, REFERENCE), random.nextInt(100));
		}
		return new Journey(registered, assessment, plan, referral, budget);
	}

	// A working-day moment between two instants.
	static Instant between(SplittableRandom random, Instant from, Instant to) {
		long days = Math.max(1, (to.getEpochSecond() - from.getEpochSecond()) / 86_400);
		return from.plusSeconds(random.nextLong(days) * 86_400L + (9 * 3600) + random.nextInt(8 * 3600));
	}

	private static Instant before(Instant limit, Instant at) {
		return at.isAfter(limit) ? limit.minusSeconds(3600) : at;
	}

}
