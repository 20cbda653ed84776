package care.seamless.population;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import care.seamless.assessment.instrument.Instrument;
import care.seamless.assessment.instrument.Question;
import care.seamless.assessment.instrument.Section;
import care.seamless.shared.BulkRows;

/**
 * The rows of one person's assessment, plan, referral and budget, as their
 * {@link Journey} says. Each table is written in its own pass, so each method makes
 * again, from the same seeds, what the others made: ids agree across tables without
 * anything held in memory.
 */
final class CareRecords {

	private static final int SECTION_IDS = 8;

	private static final int ANSWERS = 9;

	private static final int PLAN = 10;

	private static final int REFERRAL = 11;

	private static final int BUDGET = 12;

	/** Weekly pence per point of the resource allocation, as a council might set it. */
	static final long PENCE_PER_POINT = 950;

	private static final String[] OWN_WORDS = { "I want to stay in my own home", "I would like to get out more",
			"Help in the mornings would make the difference", "I worry about falling when I am on my own",
			"My daughter does a lot for me and she is tired", "I want to keep seeing my friends at the club",
			"Cooking is getting hard, I mostly have sandwiches", "I do not want to go into a home" };

	private static final String[][] OBJECTIVES = {
			{ "Washes and dresses each morning with help", "Ready for the day by 10am, five days in seven",
					"Days ready by 10am, from the care diary" },
			{ "Eats a hot meal every day", "A hot meal on every day of the week", "Meals recorded by carers" },
			{ "Moves around the home safely", "No falls in three months", "Falls reported" },
			{ "Goes out to meet people each week", "Out at least once a week", "Outings in the diary" },
			{ "Takes medicines as prescribed", "No missed doses", "Medicines chart" },
			{ "Carer has a regular break", "One afternoon a week", "Breaks taken, from the carer" } };

	private static final String[] SERVICES = { "Home care, two visits a day", "Day centre, two days a week",
			"Meals delivered daily", "Telecare pendant alarm", "Respite, one week in three months",
			"Reablement for six weeks" };

	private static final String[] ACTIONS = { "Arrange a falls assessment", "Refer for a benefits check",
			"Order grab rails for the bathroom", "Review medicines with the GP", "Introduce to the befriending service",
			"Offer a carer's assessment" };

	private CareRecords() {
	}

	// Assessment -------------------------------------------------------------------

	static void episode(BulkRows out, UUID person, Journey.Assessment a, Workforce.Practitioner by) {
		out.row(a.id(), person, "contact", a.completed() != null ? "completed" : "open", by.id(), name(by),
				by.team().organisation().id(), a.opened(), a.completed(), null, null);
	}

	static void sections(BulkRows out, long seed, long index, UUID person, Journey.Assessment a, Instrument instrument,
			Workforce.Practitioner by) {
		List<UUID> ids = sectionIds(seed, index, instrument.sections().size());
		int position = 0;
		for (Section section : instrument.sections()) {
			boolean signed = position < a.signedSections();
			Instant at = signed ? sectionTime(a, position) : null;
			out.row(ids.get(position), a.id(), person, instrument.id(), instrument.version(), section.id(),
					section.category().name(), position, signed ? "signed" : "not-started", signed ? by.id() : null,
					signed ? name(by) : null, signed ? by.team().profession().name() : null,
					signed ? by.team().organisation().id() : null, at, at);
			position++;
		}
	}

	static void answers(BulkRows out, long seed, long index, UUID person, Journey.Assessment a, Instrument instrument,
			Workforce.Practitioner by) {
		List<UUID> ids = sectionIds(seed, index, instrument.sections().size());
		SplittableRandom random = new SplittableRandom(Seeds.mix(seed, ANSWERS, index));
		for (int position = 0; position < a.signedSections(); position++) {
			Section section = instrument.sections().get(position);
			Instant at = sectionTime(a, position);
			for (Question question : section.questions()) {
				String value = value(question, random);
				if (value == null) {
					continue;
				}
				out.row(Seeds.uuid(random), ids.get(position), a.id(), person, question.id(), question.reuseKey(),
						value, section.personsOwnWords() ? "person" : "observation", by.id(), name(by),
						by.team().profession().name(), by.team().organisation().id(), at, section.category().name());
			}
		}
	}

	private static List<UUID> sectionIds(long seed, long index, int count) {
		SplittableRandom random = new SplittableRandom(Seeds.mix(seed, SECTION_IDS, index));
		List<UUID> ids = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			ids.add(Seeds.uuid(random));
		}
		return ids;
	}

	private static Instant sectionTime(Journey.Assessment a, int position) {
		return a.opened().plusSeconds(600L * (position + 1));
	}

	// Values as the section form stores them (AnswerValidator's canonical forms).
	private static String value(Question question, SplittableRandom random) {
		return switch (question.type()) {
			case TEXT -> OWN_WORDS[random.nextInt(OWN_WORDS.length)];
			case BOOLEAN -> Boolean.toString(random.nextInt(100) < 35);
			case INTEGER -> {
				int min = question.min() == null ? 0 : question.min();
				int max = question.max() == null ? Math.max(min, 10) : question.max();
				yield Integer.toString(min + random.nextInt(Math.min(max, min + 10) - min + 1));
			}
			case DATE -> SyntheticPerson.REFERENCE_DATE.minusDays(30 + random.nextInt(600)).toString();
			case CODED ->
				question.options().isEmpty() ? null : question.options().get(random.nextInt(question.options().size()));
			case CODED_MULTIPLE -> {
				if (question.options().isEmpty()) {
					yield null;
				}
				String first = question.options().get(random.nextInt(question.options().size()));
				String second = question.options().get(random.nextInt(question.options().size()));
				yield first.equals(second) ? first : first + "," + second;
			}
			case SCALE_ICF -> Integer.toString(random.nextInt(5));
		};
	}

	// Care plan ----------------------------------------------------------------------

	/** One plan's outcome, objectives and actions, made the same way in every pass. */
	record PlanShape(UUID outcome, String words, List<Objective> objectives) {

		record Objective(UUID id, String[] text, boolean health, UUID action, boolean service, String actionText,
				String status, int dueInDays) {
		}

		static PlanShape of(long seed, long index) {
			SplittableRandom random = new SplittableRandom(Seeds.mix(seed, PLAN, index));
			UUID outcome = Seeds.uuid(random);
			String words = OWN_WORDS[random.nextInt(OWN_WORDS.length)];
			int count = 1 + random.nextInt(3);
			List<Objective> objectives = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				boolean service = random.nextInt(100) < 55;
				int draw = random.nextInt(100);
				String status = draw < 45 ? "OPEN" : draw < 70 ? "IN_PROGRESS" : draw < 95 ? "DONE" : "CANCELLED";
				objectives.add(new Objective(Seeds.uuid(random), OBJECTIVES[random.nextInt(OBJECTIVES.length)],
						random.nextInt(100) < 30, Seeds.uuid(random), service,
						service ? SERVICES[random.nextInt(SERVICES.length)] : ACTIONS[random.nextInt(ACTIONS.length)],
						status, 14 + random.nextInt(120)));
			}
			return new PlanShape(outcome, words, objectives);
		}

	}

	static void plan(BulkRows out, UUID person, Journey journey, Workforce.Practitioner by) {
		Journey.Plan plan = journey.plan();
		out.row(plan.id(), person, journey.assessment().id(), by.team().organisation().id(), by.username(),
				plan.created(), plan.nextReview());
	}

	static void outcome(BulkRows out, UUID person, Journey.Plan plan, PlanShape shape, Workforce.Practitioner by) {
		out.row(shape.outcome(), plan.id(), person, shape.words(), by.username(), plan.created());
	}

	static void objectives(BulkRows out, UUID person, Journey.Plan plan, PlanShape shape, Workforce.Practitioner by) {
		LocalDate day = day(plan.created());
		for (PlanShape.Objective o : shape.objectives()) {
			out.row(o.id(), plan.id(), person, shape.outcome(), o.health() ? "HEALTH" : "SOCIAL_CARE", o.text()[0],
					o.text()[1], o.text()[2], day.plusMonths(3), "GENERAL", by.team().organisation().id(),
					by.username(), plan.created());
		}
	}

	static void actions(BulkRows out, UUID person, Journey.Plan plan, PlanShape shape, Workforce.Practitioner by) {
		LocalDate day = day(plan.created());
		for (PlanShape.Objective o : shape.objectives()) {
			out.row(o.action(), plan.id(), person, o.id(), o.service() ? "SERVICE" : "ACTION", o.actionText(),
					"GENERAL", by.team().organisation().id(), by.id(), by.team().id(), day.plusDays(o.dueInDays()),
					o.status());
		}
	}

	// Personal budget ------------------------------------------------------------------

	static void budget(BulkRows out, long seed, long index, UUID person, Journey.Budget budget,
			Workforce.Practitioner by) {
		SplittableRandom random = new SplittableRandom(Seeds.mix(seed, BUDGET, index));
		int points = 10 + random.nextInt(51);
		LocalDate day = day(budget.created());
		int year = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
		out.row(budget.id(), person, by.team().id(), by.team().organisation().id(), year, points,
				pounds(points * PENCE_PER_POINT), "Eligible outcomes: " + points + " points", by.username(),
				budget.created());
	}

	static void supportCosts(BulkRows out, long seed, long index, UUID person, Journey.Budget budget, PlanShape shape,
			Workforce.Practitioner by) {
		SplittableRandom random = new SplittableRandom(Seeds.mix(seed, BUDGET + 100, index));
		for (PlanShape.Objective o : shape.objectives()) {
			if (o.service()) {
				// Whole pounds between £40 and £400 a week, in pence.
				long pence = 100L * (40 + random.nextInt(361));
				out.row(o.action(), budget.id(), person, by.team().organisation().id(), pounds(pence),
						random.nextInt(100) < 90 ? "COUNCIL" : "NHS", by.username(), budget.created());
			}
		}
	}

	// Money is counted in pence and written as pounds with two decimals: no floating
	// point.
	static BigDecimal pounds(long pence) {
		return BigDecimal.valueOf(pence, 2);
	}

	// Referral -----------------------------------------------------------------------

	private static final String[] STATUSES = { "SENT", "ACKNOWLEDGED", "ACCEPTED", "COMPLETED", "DECLINED",
			"WITHDRAWN" };

	/** Where a referral goes: a practitioner's team in another organisation. */
	static Workforce.Practitioner receiver(long seed, long index, Workforce.Practitioner from,
			List<Workforce.Practitioner> staff) {
		SplittableRandom random = new SplittableRandom(Seeds.mix(seed, REFERRAL, index));
		for (int tries = 0; tries < 20; tries++) {
			Workforce.Practitioner to = staff.get(random.nextInt(staff.size()));
			if (!to.team().organisation().equals(from.team().organisation())) {
				return to;
			}
		}
		return from;
	}

	static String status(Journey.Referral r) {
		int draw = r.status();
		return STATUSES[draw < 15 ? 0 : draw < 25 ? 1 : draw < 60 ? 2 : draw < 85 ? 3 : draw < 95 ? 4 : 5];
	}

	static void referral(BulkRows out, long seed, long index, UUID person, Journey.Referral r,
			Workforce.Practitioner from, Workforce.Practitioner to) {
		SplittableRandom random = new SplittableRandom(Seeds.mix(seed, REFERRAL + 100, index));
		String status = status(r);
		boolean urgent = urgent(random);
		String reason = "SEAM-OUT-" + String.format("%02d", 1 + random.nextInt(12));
		Instant sent = sent(r);
		Instant acknowledged = "SENT".equals(status) ? null : sent.plusSeconds(urgent ? 3600 : 2 * 86_400L);
		Instant decided = switch (status) {
			case "ACCEPTED", "COMPLETED", "DECLINED" -> sent.plusSeconds(urgent ? 86_400L : 7 * 86_400L);
			default -> null;
		};
		Instant closed = switch (status) {
			case "COMPLETED" -> decided.plusSeconds(30 * 86_400L);
			case "DECLINED" -> decided;
			case "WITHDRAWN" -> acknowledged.plusSeconds(86_400L);
			default -> null;
		};
		boolean owned = "ACCEPTED".equals(status) || "COMPLETED".equals(status);
		out.row(r.id(), person, from.team().id(), from.team().organisation().id(), from.id(), to.team().id(),
				to.team().organisation().id(), to.team().id(), reason,
				"Referred for support with: " + OWN_WORDS[random.nextInt(OWN_WORDS.length)].toLowerCase(),
				urgent ? "URGENT" : "ROUTINE", true, "Happy to be referred", "CONSENT", status, owned ? to.id() : null,
				r.created(), sent, acknowledged, decided, closed, "DECLINED".equals(status) ? "WRONG_SERVICE" : null,
				"COMPLETED".equals(status) ? "Support in place" : null, acknowledgeDue(sent, urgent),
				acceptDue(sent, urgent));
	}

	/**
	 * A response target a referral had missed by the end of the history, and when the
	 * clock saw it.
	 */
	record Breach(String kind, Instant due, Instant noticed) {
	}

	/**
	 * The targets an unanswered referral had missed by the end of the history, each as
	 * the referral clock records it on its first round (every five minutes) after the
	 * target passed. Written with the referral, so the history holds them as a server
	 * running all along would have: without them, the first server on a fresh
	 * million-person population spent some 25 minutes recording 60,000 old breaches one
	 * audited batch at a time.
	 */
	static List<Breach> breaches(long seed, long index, Journey.Referral r) {
		String status = status(r);
		if (!"SENT".equals(status) && !"ACKNOWLEDGED".equals(status)) {
			return List.of();
		}
		boolean urgent = urgent(new SplittableRandom(Seeds.mix(seed, REFERRAL + 100, index)));
		List<Breach> missed = new ArrayList<>(2);
		Instant acknowledgeDue = acknowledgeDue(sent(r), urgent);
		if ("SENT".equals(status) && !acknowledgeDue.isAfter(Journey.REFERENCE)) {
			missed.add(new Breach("ACKNOWLEDGE", acknowledgeDue, nextClockRound(acknowledgeDue)));
		}
		Instant acceptDue = acceptDue(sent(r), urgent);
		if (!acceptDue.isAfter(Journey.REFERENCE)) {
			missed.add(new Breach("ACCEPT", acceptDue, nextClockRound(acceptDue)));
		}
		return missed;
	}

	// The first draw of the referral's own random: every other draw follows it.
	private static boolean urgent(SplittableRandom referralRandom) {
		return referralRandom.nextInt(100) < 20;
	}

	private static Instant sent(Journey.Referral r) {
		return r.created().plusSeconds(1800);
	}

	private static Instant acknowledgeDue(Instant sent, boolean urgent) {
		return sent.plusSeconds(urgent ? 4 * 3600 : 5 * 86_400L);
	}

	private static Instant acceptDue(Instant sent, boolean urgent) {
		return sent.plusSeconds(urgent ? 86_400L : 28 * 86_400L);
	}

	// The clock runs on the five minutes (ReferralClocks' cron), so a target passed at
	// one
	// is seen then and any other at the next.
	private static Instant nextClockRound(Instant passed) {
		long round = 300;
		return Instant.ofEpochSecond(Math.floorDiv(passed.getEpochSecond() + round - 1, round) * round);
	}

	static void steps(BulkRows out, long seed, long index, UUID person, Journey.Referral r, Workforce.Practitioner from,
			Workforce.Practitioner to) {
		SplittableRandom random = new SplittableRandom(Seeds.mix(seed, REFERRAL + 200, index));
		String status = status(r);
		Instant at = r.created();
		out.row(Seeds.uuid(random), r.id(), person, "CREATE", "DRAFT", to.team().id(), from.username(), null, at);
		at = at.plusSeconds(1800);
		out.row(Seeds.uuid(random), r.id(), person, "SEND", "SENT", to.team().id(), from.username(), null, at);
		List<String[]> after = switch (status) {
			case "ACKNOWLEDGED" -> List.<String[]>of(new String[] { "ACKNOWLEDGE", "ACKNOWLEDGED" });
			case "ACCEPTED" ->
				List.of(new String[] { "ACKNOWLEDGE", "ACKNOWLEDGED" }, new String[] { "ACCEPT", "ACCEPTED" });
			case "COMPLETED" -> List.of(new String[] { "ACKNOWLEDGE", "ACKNOWLEDGED" },
					new String[] { "ACCEPT", "ACCEPTED" }, new String[] { "COMPLETE", "COMPLETED" });
			case "DECLINED" ->
				List.of(new String[] { "ACKNOWLEDGE", "ACKNOWLEDGED" }, new String[] { "DECLINE", "DECLINED" });
			case "WITHDRAWN" ->
				List.of(new String[] { "ACKNOWLEDGE", "ACKNOWLEDGED" }, new String[] { "WITHDRAW", "WITHDRAWN" });
			default -> List.of();
		};
		for (String[] step : after) {
			at = at.plusSeconds(86_400L);
			boolean theirs = !"WITHDRAW".equals(step[0]);
			out.row(Seeds.uuid(random), r.id(), person, step[0], step[1], to.team().id(),
					theirs ? to.username() : from.username(), null, at);
		}
	}

	static String name(Workforce.Practitioner p) {
		return p.givenName() + " " + p.familyName();
	}

	static LocalDate day(Instant at) {
		return at.atZone(ZoneOffset.UTC).toLocalDate();
	}

}
