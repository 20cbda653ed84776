package care.seamless.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import care.seamless.person.PersonDetails;
import care.seamless.person.Sex;
import care.seamless.shared.NhsNumber;

/**
 * Made-up but plausible people, the same every time (seeded), with NHS numbers from the
 * 999 test range.
 */
final class DemoPeople {

	private static final List<String> WOMEN = List.of("Margaret", "Joan", "Patricia", "Dorothy", "Eileen", "Sheila",
			"Irene", "Jean", "Brenda", "Maureen", "Pauline", "Valerie", "Ada", "Gwen", "Nasreen", "Bernadette",
			"Hyacinth", "Kathleen", "Olwen", "Rita", "Sylvia", "Hilda", "Marjorie", "Doreen", "Amrit", "Grace");

	private static final List<String> MEN = List.of("John", "David", "Peter", "Michael", "Brian", "Kenneth", "Alan",
			"Derek", "Roy", "Trevor", "Gordon", "Dennis", "Harold", "Winston", "Tariq", "Patrick", "Gareth", "Desmond",
			"Colin", "Frank", "Stanley", "Raymond", "Arthur", "Ivor", "Balvinder", "Clifford");

	private static final List<String> SURNAMES = List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson",
			"Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green",
			"Hall", "Wood", "Jackson", "Clarke", "Patel", "Khan", "Lewis", "James", "Phillips", "Mason", "Mitchell",
			"Rose", "Davis", "Rodriguez", "Cox", "Alexander", "Begum", "Hussain", "O'Brien", "Kowalski", "Singh",
			"Okonjo", "Murphy", "Ahmed", "Campbell", "Kelly", "Price", "Bennett", "Griffiths", "Edwards", "Hughes",
			"Lloyd");

	private static final List<String> STREETS = List.of("Mill Lane", "Church Street", "Victoria Road", "Park Avenue",
			"Station Road", "Chapel Street", "Moss Lane", "Kingsway", "Riverside Walk", "Oak Close", "Princess Road",
			"Albert Terrace", "Canal Street", "Elm Grove", "Highfield Road");

	private static final List<String> OUTWARD = List.of("RV1", "RV2", "RV3", "RV4", "RV7", "RV9", "NG2", "NG5");

	private static final List<String> LANGUAGES = List.of("English", "English", "English", "English", "English",
			"English", "Urdu", "Punjabi", "Polish", "Welsh", "Gujarati", "British Sign Language");

	private static final List<String> COMMUNICATION = List.of("Wears hearing aids in both ears; face me when speaking",
			"Registered partially sighted; large print please", "Speak slowly and give time to answer",
			"Uses Makaton signs alongside speech", "Prefers telephone calls to letters",
			"Needs a family member present for important conversations");

	private final Random random;

	DemoPeople(long seed) {
		this.random = new Random(seed);
	}

	PersonDetails next(int index) {
		boolean female = random.nextBoolean();
		String given = pick(female ? WOMEN : MEN);
		String family = pick(SURNAMES);
		LocalDate dob = LocalDate.of(1926 + random.nextInt(62), 1 + random.nextInt(12), 1 + random.nextInt(28));
		String language = pick(LANGUAGES);
		boolean interpreter = !language.equals("English") && !language.equals("Welsh") && random.nextInt(3) > 0;
		String nickname = random.nextInt(5) == 0 ? given.substring(0, Math.min(4, given.length())) : null;
		// Social care records often lack the NHS number; one in eight here has none.
		String nhs = random.nextInt(8) == 0 ? null : nhsNumber(index);
		return new PersonDetails(nhs, female ? pick(List.of("Mrs", "Ms", "Miss")) : "Mr", given, family, nickname,
				nickname == null ? (random.nextBoolean() ? "Please call me " + given : null)
						: "Please call me " + nickname,
				dob, female ? Sex.FEMALE : Sex.MALE, null, (1 + random.nextInt(180)) + " " + pick(STREETS), null,
				"Riverside",
				pick(OUTWARD) + " " + (1 + random.nextInt(9)) + (char) ('A' + random.nextInt(26))
						+ (char) ('A' + random.nextInt(26)),
				"01632 " + (100000 + random.nextInt(899999)), null, language, interpreter,
				random.nextInt(4) == 0 ? pick(COMMUNICATION) : null);
	}

	String pick(List<String> values) {
		return values.get(random.nextInt(values.size()));
	}

	int nextInt(int bound) {
		return random.nextInt(bound);
	}

	/**
	 * 999 followed by the index, with a valid modulus-11 check digit; indices that cannot
	 * have one are skipped.
	 */
	private static String nhsNumber(int index) {
		for (int candidate = index * 7;; candidate++) {
			String nhs = NhsNumber.withCheckDigit("999" + String.format("%06d", candidate));
			if (nhs != null) {
				return nhs;
			}
		}
	}

}
