package care.seamless.linkage;

import java.util.function.Function;

/**
 * The blocking rules: two records become a candidate pair when any one key agrees. Each
 * key alone is cheap and narrow; their union catches pairs that one error would hide from
 * a single key. A key is empty when a part is missing.
 */
enum BlockingKey {

	IDENTIFIER(Prepared::identifier), DATE_OF_BIRTH(Prepared::dob),
	// Sorted so that a given and family name swapped between records still meet.
	NAME_SOUNDS(r -> r.givenSound().compareTo(r.familySound()) <= 0 ? both(r.givenSound(), r.familySound())
			: both(r.familySound(), r.givenSound())),
	FAMILY_SOUND_AND_BIRTH_YEAR(r -> both(r.familySound(), year(r.dob()))),
	GIVEN_SOUND_AND_BIRTH_MONTH(r -> both(r.givenSound(), month(r.dob()))),
	FAMILY_SOUND_AND_BIRTH_MONTH_DAY(r -> both(r.familySound(), monthDay(r.dob()))),
	POSTCODE_AND_STREET(r -> both(r.postcode(), firstToken(r.address()))),
	POSTCODE_AND_GIVEN_INITIAL(r -> both(r.postcode(), initial(r.given()))), EMAIL_LOCAL_PART(Prepared::emailLocalPart),
	PHONE(Prepared::phone),
	// The looser keys below pair a name sound with a coarse second field, for records
	// where one name is missing or misspelt and the date of birth is wrong as well.
	GIVEN_SOUND_FAMILY_INITIAL_AND_BIRTH_YEAR(r -> both(both(r.givenSound(), initial(r.family())), year(r.dob()))),
	FAMILY_SOUND_GIVEN_INITIAL_AND_BIRTH_DECADE(r -> both(both(r.familySound(), initial(r.given())), decade(r.dob()))),
	FAMILY_SOUND_GIVEN_INITIAL_AND_LOCALITY(r -> both(both(r.familySound(), initial(r.given())), r.locality())),
	FAMILY_SOUND_BIRTH_DECADE_AND_LOCALITY(r -> both(both(r.familySound(), decade(r.dob())), r.locality())),
	// A domain few records share (a family's or a small firm's own) survives typos in
	// the local part and in every other field; a mail provider's domain is no key at all
	// (see RARE_VALUE_RECORDS), so it costs nothing on a large register.
	EMAIL_DOMAIN(Prepared::emailDomain, true),
	// A name sound and a town: on a large register almost every such block is far over
	// the limit and the key is silent; on a small file (a council's list) it finds people
	// whose dates and other name are both wrong.
	GIVEN_SOUND_AND_LOCALITY(r -> both(r.givenSound(), r.locality()), true),
	FAMILY_SOUND_AND_LOCALITY(r -> both(r.familySound(), r.locality()), true),
	// Issue 20, session 8: what fake_1000 still lost. An e-mail's first letters survive a
	// typo further on, or a changed domain; on a register where e-mails start with common
	// given names the key is silent.
	EMAIL_PREFIX(r -> prefix(r.emailLocalPart(), 4), true),
	// The first three letters of both names, sorted: swapped names with a typo later in
	// one of them, which changes its sound.
	NAME_PREFIXES(r -> sorted(prefix(r.given(), 3), prefix(r.family(), 3)), true),
	// The domain's first letters and the given initial: a family's own domain misspelt.
	EMAIL_DOMAIN_PREFIX_AND_GIVEN_INITIAL(r -> both(prefix(r.emailDomain(), 4), initial(r.given())), true),
	// Each of the two name sounds (the alphabetically first, then the other) with the
	// birth decade: swapped names with one misspelt, and a year wrong.
	FIRST_NAME_SOUND_AND_BIRTH_DECADE(r -> both(firstSound(r), decade(r.dob())), true),
	SECOND_NAME_SOUND_AND_BIRTH_DECADE(r -> both(secondSound(r), decade(r.dob())), true);

	/**
	 * A key that only its rare values make useful: a value held by more records than this
	 * is not a key, as an empty value is not.
	 */
	static final int RARE_VALUE_RECORDS = 50;

	private final Function<Prepared, String> value;

	private final boolean rareValuesOnly;

	BlockingKey(Function<Prepared, String> value) {
		this(value, false);
	}

	BlockingKey(Function<Prepared, String> value, boolean rareValuesOnly) {
		this.value = value;
		this.rareValuesOnly = rareValuesOnly;
	}

	boolean rareValuesOnly() {
		return rareValuesOnly;
	}

	String value(Prepared record) {
		return value.apply(record);
	}

	/**
	 * A 40-bit hash of the key (0 when it is empty), small enough to pack beside a record
	 * index in one long.
	 */
	long code(Prepared record) {
		String key = value(record);
		if (key.isEmpty()) {
			return 0;
		}
		long hash = 0xcbf29ce484222325L;
		for (int i = 0; i < key.length(); i++) {
			hash ^= key.charAt(i);
			hash *= 0x100000001b3L;
		}
		hash ^= hash >>> 33;
		hash *= 0xff51afd7ed558ccdL;
		hash ^= hash >>> 33;
		long code = hash >>> 24;
		return code == 0 ? 1 : code;
	}

	private static String both(String a, String b) {
		return a.isEmpty() || b.isEmpty() ? "" : a + "|" + b;
	}

	private static String sorted(String a, String b) {
		return a.compareTo(b) <= 0 ? both(a, b) : both(b, a);
	}

	private static String prefix(String value, int length) {
		return value.length() < length ? "" : value.substring(0, length);
	}

	// Empty unless both names are present: one name alone is the sorted keys' job.
	private static String firstSound(Prepared r) {
		if (r.givenSound().isEmpty() || r.familySound().isEmpty()) {
			return "";
		}
		return r.givenSound().compareTo(r.familySound()) <= 0 ? r.givenSound() : r.familySound();
	}

	private static String secondSound(Prepared r) {
		if (r.givenSound().isEmpty() || r.familySound().isEmpty()) {
			return "";
		}
		return r.givenSound().compareTo(r.familySound()) <= 0 ? r.familySound() : r.givenSound();
	}

	private static String initial(String name) {
		return name.isEmpty() ? "" : name.substring(0, 1);
	}

	private static String year(String dob) {
		return dob.length() == 8 ? dob.substring(0, 4) : "";
	}

	private static String decade(String dob) {
		return dob.length() == 8 ? dob.substring(0, 3) : "";
	}

	private static String month(String dob) {
		return dob.length() == 8 ? dob.substring(0, 6) : "";
	}

	private static String monthDay(String dob) {
		return dob.length() == 8 ? dob.substring(4) : "";
	}

	private static String firstToken(String words) {
		int space = words.indexOf(' ');
		return space < 0 ? words : words.substring(0, space);
	}

}
