package care.seamless.population;

import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.UUID;

import care.seamless.shared.NhsNumber;
import org.jspecify.annotations.Nullable;

/**
 * One made-up person, the same for the same seed and index wherever it is made (the
 * database and the CSV file give the same people), so a file generated with the
 * database's seed holds everyone again.
 */
record SyntheticPerson(UUID id, @Nullable String nhsNumber, @Nullable String title, String givenName, String familyName,
		LocalDate dateOfBirth, String sex, String addressLine1, String town, String postcode, @Nullable String phone,
		@Nullable String language, boolean interpreterNeeded) {

	/**
	 * Dates are counted back from here, not from today, so a seed's people never change.
	 */
	static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 4, 1);

	// Nine-digit stems from 900000000 (England issues none starting with 9), spaced two
	// apart: of two neighbouring stems at most one has no valid check digit.
	private static final long STEMS = 50_000_000L;

	private static final long STRIDE = 387_420_489L;

	private static final String[] LANGUAGES = { "Polish", "Urdu", "Punjabi", "Bengali", "Gujarati", "Arabic",
			"Romanian", "Somali", "Welsh", "Cantonese", "Portuguese", "British Sign Language" };

	/**
	 * The person's id alone, as {@link #make} draws it first, for the passes that need no
	 * more.
	 */
	static UUID id(long seed, long index) {
		return Seeds.uuid(new SplittableRandom(Seeds.mix(seed, 1, index)));
	}

	static SyntheticPerson make(long seed, long index) {
		SplittableRandom random = new SplittableRandom(Seeds.mix(seed, 1, index));
		UUID id = Seeds.uuid(random);
		int sexDraw = random.nextInt(100);
		String sex = sexDraw < 52 ? "FEMALE" : sexDraw < 99 ? "MALE" : "UNKNOWN";
		boolean female = "FEMALE".equals(sex) || ("UNKNOWN".equals(sex) && random.nextBoolean());
		Names.Name name = Names.pick(random, female);
		LocalDate born = REFERENCE_DATE.minusDays(ageInDays(random));
		Places.Town town = Names.any(random, Places.TOWNS);
		String nhs = random.nextInt(100) < 92 ? nhsNumber(seed, index) : null;
		String title = title(random, female, born);
		String phone = random.nextInt(100) < 60 ? "07700 900" + String.format("%03d", random.nextInt(1000)) : null;
		String language = random.nextInt(100) < 12 ? LANGUAGES[random.nextInt(LANGUAGES.length)] : null;
		boolean interpreter = language != null && random.nextInt(100) < 40;
		return new SyntheticPerson(id, nhs, title, name.given(), name.family(), born, sex, Places.street(random),
				town.name(), Places.postcode(random, town), phone, language, interpreter);
	}

	// Most people with a care record are old: three in five are 65 or over.
	private static long ageInDays(SplittableRandom random) {
		int years = random.nextInt(100) < 60 ? 65 + random.nextInt(36) : random.nextInt(65);
		return years * 365L + random.nextInt(365);
	}

	private static @Nullable String title(SplittableRandom random, boolean female, LocalDate born) {
		int draw = random.nextInt(100);
		if (draw < 30 || born.isAfter(REFERENCE_DATE.minusYears(16))) {
			return null;
		}
		if (draw < 32) {
			return "Dr";
		}
		if (draw < 33) {
			return "Mx";
		}
		return female ? (draw < 70 ? "Mrs" : "Ms") : "Mr";
	}

	// A permutation of the stems by a stride coprime with their count, so no two people
	// share a number and no set of numbers has to be remembered.
	static String nhsNumber(long seed, long index) {
		long stem = 900_000_000L + 2 * Math.floorMod(index * STRIDE + Math.floorMod(seed, STEMS), STEMS);
		String first = withCheckDigit(stem);
		return first != null ? first : withCheckDigit(stem + 1);
	}

	/**
	 * {@link NhsNumber#withCheckDigit}'s modulus 11 without its ten regular expressions
	 * (a sixth of generate's own CPU at 100,000 people): null where no digit fits.
	 */
	static @Nullable String withCheckDigit(long nineDigits) {
		String digits = Long.toString(nineDigits);
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			sum += (digits.charAt(i) - '0') * (10 - i);
		}
		int check = (11 - sum % 11) % 11;
		return check == 10 ? null : digits + check;
	}

}
