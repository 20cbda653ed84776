package care.seamless.linkage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Scores pairs with a trained {@link Model}. One incoming record can be scored against
 * each candidate that an index query returns, so the same code serves batch linkage and
 * online matching.
 */
public final class Matcher {

	static final String IDENTIFIER_RULE = "identifier-exact";

	static final String HOUSEHOLD_RULE = "household-different-given-name";

	// Evidence this strong against a pair (a million to one, whatever the prior) keeps
	// two records apart even when a chain of matches would join them.
	private static final double CANNOT_LINK_BITS = -20;

	private static final double BOUND_MARGIN = 1e-6;

	private final Model model;

	private final double[][] weights;

	public Matcher(Model model) {
		this.model = model;
		Comparison[] comparisons = Comparison.values();
		this.weights = new double[comparisons.length][];
		for (Comparison comparison : comparisons) {
			double[] levelWeights = new double[comparison.levels().size()];
			for (int level = 0; level < levelWeights.length; level++) {
				levelWeights[level] = model.weight(comparison, level);
			}
			weights[comparison.ordinal()] = levelWeights;
		}
	}

	public Model model() {
		return model;
	}

	public ScoredPair score(Record a, Record b) {
		return score(Prepared.of(a), Prepared.of(b));
	}

	/**
	 * {@code score(a, b).decision()} without the explanation (each comparison's
	 * contribution), which only a queued pair needs: a bulk import decides hundreds of
	 * thousands of pairs and queues a few hundred (ADR 74).
	 */
	Decision decision(Record a, Record b) {
		Prepared left = Prepared.of(a);
		Prepared right = Prepared.of(b);
		int[] levels = Comparison.levels(left, right);
		return decide(weight(left, levels), left, right, levels);
	}

	/**
	 * Scores one incoming record against the candidates an index query found (same
	 * postcode, same date of birth, ...), best first. The incoming record is normalised
	 * once.
	 */
	public List<ScoredPair> score(Record incoming, List<Record> candidates) {
		Prepared prepared = Prepared.of(incoming);
		return candidates.stream()
			.map(candidate -> score(prepared, Prepared.of(candidate)))
			.sorted(Comparator.comparingDouble(ScoredPair::weight).reversed())
			.toList();
	}

	/**
	 * {@link #score(Record, List)} less the non-matches, with the same scores for the
	 * rest. Most candidates of a common name are non-matches, so each is first weighed on
	 * every field but the names, with the names' best weights for this incoming record
	 * added: when even that cannot reach review, the names (two phonetic codes and up to
	 * four Jaro–Winkler measures) are never compared, and no explanation is built.
	 */
	List<ScoredPair> possibleMatches(Record incoming, List<Record> candidates) {
		Prepared prepared = Prepared.of(incoming);
		double bestFamily = bestWeight(Comparison.FAMILY_NAME, prepared);
		double bestGiven = bestWeight(Comparison.GIVEN_NAME, prepared);
		List<ScoredPair> found = new ArrayList<>();
		for (Record candidate : candidates) {
			Prepared other = Prepared.of(candidate);
			int[] levels = new int[Comparison.values().length];
			double known = model.priorWeight();
			for (Comparison comparison : Comparison.values()) {
				if (comparison != Comparison.FAMILY_NAME && comparison != Comparison.GIVEN_NAME) {
					levels[comparison.ordinal()] = comparison.level(prepared, other);
					known += weight(comparison, levels[comparison.ordinal()], prepared);
				}
			}
			if (ruledOut(known + bestFamily + bestGiven, levels)) {
				continue;
			}
			levels[Comparison.FAMILY_NAME.ordinal()] = Comparison.FAMILY_NAME.level(prepared, other);
			known += weight(Comparison.FAMILY_NAME, levels[Comparison.FAMILY_NAME.ordinal()], prepared);
			if (ruledOut(known + bestGiven, levels)) {
				continue;
			}
			levels[Comparison.GIVEN_NAME.ordinal()] = Comparison.GIVEN_NAME.level(prepared, other);
			if (decide(weight(prepared, levels), prepared, other, levels) != Decision.NON_MATCH) {
				found.add(score(prepared, other, levels));
			}
		}
		found.sort(Comparator.comparingDouble(ScoredPair::weight).reversed());
		return found;
	}

	/**
	 * The dates of birth in the incoming record's year that a candidate found by its
	 * birth year (the online query's name-and-year branches) must hold to have any chance
	 * of review: those whose date-of-birth level, with the most every other comparison
	 * could add for this record, still reaches review. The rest of the year's holders are
	 * non-matches whatever their other fields say, so they need not be fetched (ADR 91).
	 * Every date of the year when the record has an identifier: a candidate with the same
	 * number matches whatever its weight.
	 */
	List<LocalDate> birthDatesWorthFetching(Record incoming) {
		return birthDatesWorthFetching(incoming, true);
	}

	/**
	 * {@link #birthDatesWorthFetching(Record)} found by comparing every day of the year,
	 * without the shortcut for a record whose only dates worth fetching are its own and
	 * its transposition: the reference the shortcut is held to (MatcherTests).
	 */
	List<LocalDate> birthDatesWorthFetchingDayByDay(Record incoming) {
		return birthDatesWorthFetching(incoming, false);
	}

	private List<LocalDate> birthDatesWorthFetching(Record incoming, boolean shortcut) {
		Prepared prepared = Prepared.of(incoming);
		LocalDate born = LocalDate.parse(incoming.value(Role.DATE_OF_BIRTH));
		LocalDate day = born.withDayOfYear(1);
		LocalDate end = day.plusYears(1);
		double most = model.priorWeight();
		for (Comparison comparison : Comparison.values()) {
			if (comparison != Comparison.DATE_OF_BIRTH) {
				most += mostWeight(comparison, prepared);
			}
		}
		// Within one year a date is exact, transposed, one digit off or the same year
		// only:
		// when each of those can reach review, every date can, and none need be told
		// apart.
		boolean[] kept = new boolean[SAME_YEAR + 1];
		boolean everyLevel = true;
		for (int level = 0; level <= SAME_YEAR; level++) {
			kept[level] = !cannotReachReview(most + weight(Comparison.DATE_OF_BIRTH, level, prepared));
			everyLevel &= kept[level];
		}
		boolean anyDate = everyLevel || !prepared.identifier().isEmpty();
		// Every day of a four-digit year has eight digits, the year's four first, so its
		// level is one of those four. When neither one digit off nor the same year can
		// reach review, only the date itself and its day and month swapped can be kept,
		// and they are found without comparing the other 363 days (about a tenth of a
		// bundle's request time went on those comparisons, ADR 101).
		if (shortcut && !anyDate && !kept[ONE_DIGIT_OFF] && !kept[SAME_YEAR] && born.getYear() >= 1000
				&& born.getYear() <= 9999 && prepared.dob().equals(digits(born))) {
			return exactOrTransposed(born, kept[0], kept[1]);
		}
		List<LocalDate> dates = new ArrayList<>();
		for (; day.isBefore(end); day = day.plusDays(1)) {
			if (anyDate || !cannotReachReview(most
					+ weight(Comparison.DATE_OF_BIRTH, Levels.dateOfBirth(prepared.dob(), digits(day)), prepared))) {
				dates.add(day);
			}
		}
		return dates;
	}

	// In the year's order, as the day-by-day walk lists them.
	private static List<LocalDate> exactOrTransposed(LocalDate born, boolean exact, boolean transposed) {
		List<LocalDate> dates = new ArrayList<>(2);
		if (exact) {
			dates.add(born);
		}
		// Transposed is a different date with the incoming day as its month.
		if (transposed && born.getDayOfMonth() <= 12 && born.getDayOfMonth() != born.getMonthValue()) {
			LocalDate swapped = LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue());
			dates.add(swapped.isBefore(born) ? 0 : dates.size(), swapped);
		}
		return dates;
	}

	private static final int SAME_YEAR = Comparison.DATE_OF_BIRTH.levels().indexOf("year-only");

	private static final int ONE_DIGIT_OFF = Comparison.DATE_OF_BIRTH.levels().indexOf("one-digit-off");

	// As Prepared keeps a date of birth: its digits, without a formatter's cost for each
	// of the year's days.
	private static String digits(LocalDate date) {
		return Integer.toString(date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth());
	}

	// A name can earn a level with the incoming record's own name missing (held in the
	// other field), so a name counts its best level. Every other comparison is missing,
	// and adds nothing, whatever the candidate, when the incoming record lacks its value:
	// comparing the record with itself tells which.
	private double mostWeight(Comparison comparison, Prepared incoming) {
		if (comparison != Comparison.GIVEN_NAME && comparison != Comparison.FAMILY_NAME
				&& comparison.level(incoming, incoming) == Levels.MISSING) {
			return 0;
		}
		return bestWeight(comparison, incoming);
	}

	/**
	 * The most a comparison can add for this incoming record, whatever the candidate: its
	 * best level's weight, or nothing when a value is missing.
	 */
	private double bestWeight(Comparison comparison, Prepared incoming) {
		double best = 0;
		for (int level = 0; level < comparison.levels().size(); level++) {
			best = Math.max(best, weight(comparison, level, incoming));
		}
		return best;
	}

	// A pair whose weight cannot reach review is a non-match, unless the identifier rule
	// fires, which matches whatever the weight. The margin keeps a bound summed in
	// another order than weight() from ruling out a pair on rounding; a weight that is
	// not a number rules out nothing.
	private boolean ruledOut(double mostWeight, int[] levels) {
		return levels[Comparison.IDENTIFIER.ordinal()] != 0 && cannotReachReview(mostWeight);
	}

	private boolean cannotReachReview(double mostWeight) {
		return !Double.isNaN(mostWeight)
				&& model.decide(Model.probability(mostWeight + BOUND_MARGIN)) == Decision.NON_MATCH;
	}

	ScoredPair score(Prepared a, Prepared b) {
		return score(a, b, Comparison.levels(a, b));
	}

	private ScoredPair score(Prepared a, Prepared b, int[] levels) {
		List<Contribution> contributions = new ArrayList<>();
		for (Comparison comparison : Comparison.values()) {
			int level = levels[comparison.ordinal()];
			contributions.add(new Contribution(comparison, level < 0 ? "missing" : comparison.levels().get(level),
					weight(comparison, level, a)));
		}
		double weight = weight(a, levels);
		double probability = Model.probability(weight);
		String rule = ruleFor(a, b, levels);
		return new ScoredPair(a.id(), b.id(), weight, probability, decide(weight, a, b, levels), rule, contributions);
	}

	/** The total match weight: prior plus every comparison's weight. */
	double weight(Prepared a, int[] levels) {
		double total = model.priorWeight();
		for (Comparison comparison : Comparison.values()) {
			total += weight(comparison, levels[comparison.ordinal()], a);
		}
		return total;
	}

	Decision decide(double weight, Prepared a, Prepared b, int[] levels) {
		String rule = ruleFor(a, b, levels);
		if (IDENTIFIER_RULE.equals(rule)) {
			return Decision.MATCH;
		}
		Decision decision = model.decide(Model.probability(weight));
		// A household's members are for a person to tell apart, never merged
		// automatically.
		return HOUSEHOLD_RULE.equals(rule) && decision == Decision.MATCH ? Decision.POSSIBLE_MATCH : decision;
	}

	/**
	 * True when the pair is evidently two people: household members, or evidence against
	 * them of a million to one. Clusters never join two records for which this holds,
	 * however many matches chain them.
	 */
	boolean differentPeople(Prepared a, Prepared b, int[] levels, double weight) {
		String rule = ruleFor(a, b, levels);
		if (IDENTIFIER_RULE.equals(rule)) {
			return false;
		}
		return HOUSEHOLD_RULE.equals(rule) || weight - model.priorWeight() < CANNOT_LINK_BITS;
	}

	// Deterministic rules come before the model: an identifier that agrees exactly is
	// taken as the same person; two people sharing a family name and an address but not
	// a given name or a date of birth are a household, not one person.
	private static @Nullable String ruleFor(Prepared a, Prepared b, int[] levels) {
		if (levels[Comparison.IDENTIFIER.ordinal()] == 0) {
			return IDENTIFIER_RULE;
		}
		return household(a, b, levels) ? HOUSEHOLD_RULE : null;
	}

	/**
	 * Same family name (or a misspelling of it), same address (the street address, or the
	 * postcode when neither has one), given names different (at best loosely alike; not a
	 * typo, a sound-alike, a nickname or an initial) and dates of birth that do not
	 * agree; or dates of birth more than ten years apart, whatever the given names.
	 */
	// Jaro–Winkler ≥ 0.80 and the levels below it.
	private static final int LOOSELY_ALIKE_GIVEN = Comparison.GIVEN_NAME.levels()
		.indexOf("jaro-winkler>=0.80-or-initial");

	static boolean household(Prepared a, Prepared b, int[] levels) {
		int given = levels[Comparison.GIVEN_NAME.ordinal()];
		int dob = levels[Comparison.DATE_OF_BIRTH.ordinal()];
		int address = levels[Comparison.ADDRESS.ordinal()];
		boolean sameAddress = address == 0 || (address == Levels.MISSING && a.address().isEmpty()
				&& b.address().isEmpty() && levels[Comparison.POSTCODE.ordinal()] == 0);
		// Only loosely alike (olive and oliver) is still another name; an initial is not.
		boolean differentGiven = given == Comparison.GIVEN_NAME.levels().size() - 1
				|| (given >= LOOSELY_ALIKE_GIVEN && a.given().length() > 1 && b.given().length() > 1);
		// Parent and child: more than ten years apart.
		boolean otherGeneration = dob == Comparison.DATE_OF_BIRTH.levels().size() - 1;
		int family = levels[Comparison.FAMILY_NAME.ordinal()];
		// A misspelt family name is still the household's.
		boolean sameFamily = family == 0 || (family >= 2 && family < Comparison.FAMILY_NAME.levels().size() - 1);
		return sameAddress && sameFamily && (otherGeneration
				|| (differentGiven && !Nicknames.same(a.given(), b.given()) && (dob == Levels.MISSING || dob > 2)));
	}

	private double weight(Comparison comparison, int level, Prepared a) {
		if (level < 0) {
			return 0;
		}
		if (level == 0 && comparison.hasTermFrequencies()) {
			return model.exactWeight(comparison, comparison.termFrequencyValue(a));
		}
		return weights[comparison.ordinal()][level];
	}

}
