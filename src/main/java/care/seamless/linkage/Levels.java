package care.seamless.linkage;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The level functions behind each {@link Comparison}. Each returns the index of the first
 * level that applies, best first, or {@link #MISSING} when either side has no value (a
 * missing value is no evidence either way).
 */
final class Levels {

	static final int MISSING = -1;

	private static final double CLOSE = 0.92;

	private static final double SIMILAR = 0.80;

	private static final double EMAIL_CLOSE = 0.88;

	// Four in five letters shared, in any order: "hsmel" and "holmes", not "ann" and
	// "nat".
	private static final double SAME_LETTERS = 0.8;

	private Levels() {
	}

	/**
	 * exact, swapped with the other name, Jaro–Winkler ≥ 0.92, same sound (or, for given
	 * names, a listed nickname), Jaro–Winkler ≥ 0.80 (or, for given names, one is the
	 * other's initial), most letters shared in any order, else.
	 */
	static int name(String a, String b, String aOther, String bOther, String aSound, String bSound) {
		return name(a, b, aOther, bOther, aSound, bSound, false);
	}

	static int givenName(String a, String b, String aOther, String bOther, String aSound, String bSound) {
		return name(a, b, aOther, bOther, aSound, bSound, true);
	}

	private static int name(String a, String b, String aOther, String bOther, String aSound, String bSound,
			boolean given) {
		if (a.isEmpty() || b.isEmpty()) {
			return swappedInto(a, b, aOther, bOther) ? 1 : MISSING;
		}
		if (a.equals(b)) {
			return 0;
		}
		// Both comparisons see a swap; it is one piece of evidence, so only the given
		// name counts it.
		int swapped = given ? 1 : MISSING;
		if (a.equals(bOther) && aOther.equals(b)) {
			return swapped;
		}
		if ((aOther.isEmpty() && alike(a, bOther)) || (bOther.isEmpty() && alike(b, aOther))) {
			// One record holds its only name in the other field; the other comparison
			// already counts it as swapped, so it is no evidence here.
			return MISSING;
		}
		double similarity = Similarity.jaroWinkler(a, b);
		if (similarity >= CLOSE) {
			return 2;
		}
		if ((!aSound.isEmpty() && aSound.equals(bSound)) || (given && Nicknames.same(a, b))) {
			return 3;
		}
		if (swappedWithTypo(a, b, aOther, bOther)) {
			return swapped;
		}
		if (similarity >= SIMILAR || (given && initialOf(a, b))) {
			return 4;
		}
		return Similarity.sameLetters(a, b) >= SAME_LETTERS ? 5 : 6;
	}

	// "j" for "john": a record that kept only the initial.
	private static boolean initialOf(String a, String b) {
		return (a.length() == 1 && b.charAt(0) == a.charAt(0)) || (b.length() == 1 && a.charAt(0) == b.charAt(0));
	}

	// Checking the first letters first spares two Jaro–Winkler calls for almost every
	// non-matching pair. A typo may hit a first letter too ("atlylor" for "taylor"), so
	// one side's first letters agreeing is enough to look further. One side close and the
	// other as alike as the name levels still call alike (Jaro–Winkler ≥ 0.80, or most
	// letters shared in any order: "tmhsmoo" for "thomson", "fosia" for "sofia") is a
	// swap.
	private static boolean swappedWithTypo(String a, String b, String aOther, String bOther) {
		if (aOther.isEmpty() || bOther.isEmpty()
				|| (a.charAt(0) != bOther.charAt(0) && b.charAt(0) != aOther.charAt(0))) {
			return false;
		}
		double one = Similarity.jaroWinkler(a, bOther);
		double other = Similarity.jaroWinkler(aOther, b);
		if (Math.max(one, other) < CLOSE) {
			return false;
		}
		return Math.min(one, other) >= SIMILAR || (one < other ? Similarity.sameLetters(a, bOther)
				: Similarity.sameLetters(aOther, b)) >= SAME_LETTERS;
	}

	// The same name with at most a typo.
	private static boolean alike(String a, String b) {
		return !a.isEmpty() && !b.isEmpty() && (a.equals(b) || Similarity.jaroWinkler(a, b) >= CLOSE);
	}

	// One record may hold both names in one field's place (the other missing): still a
	// swap, not an absence.
	private static boolean swappedInto(String a, String b, String aOther, String bOther) {
		return (a.isEmpty() && alike(b, aOther)) || (b.isEmpty() && alike(a, bOther));
	}

	/**
	 * exact, day and month transposed, one digit off, same year, one digit of the year
	 * off with the day close, within a year, within ten years, else. Dates are digit
	 * strings YYYYMMDD.
	 */
	static int dateOfBirth(String a, String b) {
		if (a.isEmpty() || b.isEmpty()) {
			return MISSING;
		}
		if (a.equals(b)) {
			return 0;
		}
		if (a.length() == 8 && b.length() == 8 && a.regionMatches(0, b, 0, 4) && a.regionMatches(4, b, 6, 2)
				&& a.regionMatches(6, b, 4, 2)) {
			return 1;
		}
		if (Similarity.oneDigitOff(a, b)) {
			return 2;
		}
		if (a.length() >= 4 && b.length() >= 4 && a.regionMatches(0, b, 0, 4)) {
			return 3;
		}
		if (yearSlip(a, b)) {
			return 4;
		}
		long apart = Math.abs(epochDay(a) - epochDay(b));
		if (apart <= 366) {
			return 5;
		}
		// A decade typed wrongly (1974 for 1984) is a common slip; further apart is
		// another person.
		return apart <= 3653 ? 6 : 7;
	}

	// One digit of the year mistyped (1987 for 1988, 2013 for 2023) with the day of the
	// year within about six weeks: a slip in the year and a small one in the day or
	// month. Between two strangers this is rare, unlike "within ten years".
	private static boolean yearSlip(String a, String b) {
		if (a.length() != 8 || b.length() != 8) {
			return false;
		}
		int differing = 0;
		for (int i = 0; i < 4; i++) {
			if (a.charAt(i) != b.charAt(i)) {
				differing++;
			}
		}
		// 1954 for 1984 is one digit too, but another generation: at most ten years
		// apart.
		return differing == 1 && Math.abs(Integer.parseInt(a, 0, 4, 10) - Integer.parseInt(b, 0, 4, 10)) <= 10
				&& Math.abs(dayOfYear(a) - dayOfYear(b)) <= 45;
	}

	// Months counted as 31 days: near enough to tell "a few days off" from "another
	// date".
	private static int dayOfYear(String date) {
		return (date.charAt(4) - '0') * 310 + (date.charAt(5) - '0') * 31 + (date.charAt(6) - '0') * 10
				+ (date.charAt(7) - '0');
	}

	// Far from any real date when the digits are not one, so it falls into "else".
	private static long epochDay(String date) {
		if (date.length() != 8) {
			return Long.MIN_VALUE / 2;
		}
		try {
			return LocalDate
				.of(Integer.parseInt(date, 0, 4, 10), Integer.parseInt(date, 4, 6, 10),
						Integer.parseInt(date, 6, 8, 10))
				.toEpochDay();
		}
		catch (DateTimeException ex) {
			return Long.MIN_VALUE / 2;
		}
	}

	/** exact, same sector, one character off, same district, else. */
	static int postcode(Prepared a, Prepared b) {
		if (a.postcode().isEmpty() || b.postcode().isEmpty()) {
			return MISSING;
		}
		if (a.postcode().equals(b.postcode())) {
			return 0;
		}
		if (!a.postcodeSector().isEmpty() && a.postcodeSector().equals(b.postcodeSector())) {
			return 1;
		}
		if (Similarity.withinOneEdit(a.postcode(), b.postcode())) {
			return 2;
		}
		return !a.postcodeDistrict().isEmpty() && a.postcodeDistrict().equals(b.postcodeDistrict()) ? 3 : 4;
	}

	// A UK postcode's last two characters pick the street within the sector; a numeric
	// postcode's last digit is the nearest equivalent.
	static String sector(String postcode) {
		return drop(postcode, unitLength(postcode));
	}

	static String district(String postcode) {
		return drop(postcode, unitLength(postcode) + 1);
	}

	// A loop rather than a stream: every candidate of every import is prepared through
	// it.
	private static int unitLength(String postcode) {
		for (int i = 0; i < postcode.length(); i++) {
			if (Character.isLetter(postcode.charAt(i))) {
				return 2;
			}
		}
		return 1;
	}

	private static String drop(String value, int count) {
		return value.length() > count + 1 ? value.substring(0, value.length() - count) : "";
	}

	/** exact, most tokens shared, some token shared, else. */
	static int address(Prepared a, Prepared b) {
		if (a.address().isEmpty() || b.address().isEmpty()) {
			return MISSING;
		}
		if (a.address().equals(b.address())) {
			return 0;
		}
		double overlap = Similarity.jaccard(a.addressTokens(), b.addressTokens());
		if (overlap >= 0.5) {
			return 1;
		}
		return overlap > 0 ? 2 : 3;
	}

	/** exact, Jaro–Winkler ≥ 0.92, Jaro–Winkler ≥ 0.80, else. */
	static int fuzzy(String a, String b) {
		if (a.isEmpty() || b.isEmpty()) {
			return MISSING;
		}
		if (a.equals(b)) {
			return 0;
		}
		double similarity = Similarity.jaroWinkler(a, b);
		if (similarity >= CLOSE) {
			return 1;
		}
		return similarity >= SIMILAR ? 2 : 3;
	}

	/**
	 * exact, same local part, Jaro–Winkler ≥ 0.88 (Splink's band for e-mail addresses,
	 * which carry more typing slips than names), same domain, else.
	 */
	static int email(Prepared a, Prepared b) {
		if (a.email().isEmpty() || b.email().isEmpty()) {
			return MISSING;
		}
		if (a.email().equals(b.email())) {
			return 0;
		}
		if (a.emailLocalPart().equals(b.emailLocalPart())) {
			return 1;
		}
		if (Similarity.jaroWinkler(a.email(), b.email()) >= EMAIL_CLOSE) {
			return 2;
		}
		// A shared domain is weak for a mail provider, strong for a family's or a small
		// firm's own domain; the term frequency of the domain tells the two apart.
		return !a.emailDomain().isEmpty() && a.emailDomain().equals(b.emailDomain()) ? 3 : 4;
	}

	/**
	 * exact, one digit off or two neighbours swapped, else: for identifiers and phone
	 * numbers.
	 */
	static int digits(String a, String b) {
		if (a.isEmpty() || b.isEmpty()) {
			return MISSING;
		}
		if (a.equals(b)) {
			return 0;
		}
		return Similarity.oneDigitOff(a, b) || Similarity.withinOneEdit(a, b) ? 1 : 2;
	}

	static int exact(String a, String b) {
		if (a.isEmpty() || b.isEmpty()) {
			return MISSING;
		}
		return a.equals(b) ? 0 : 1;
	}

}
