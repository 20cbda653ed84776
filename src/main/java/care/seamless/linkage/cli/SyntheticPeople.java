package care.seamless.linkage.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import care.seamless.linkage.Record;
import care.seamless.linkage.Role;

/**
 * Made-up UK-style person records for measuring scale, with known duplicates. Names
 * follow a skewed distribution (a few very common, a long tail) so blocks are as uneven
 * as in real registers. About a fifth of people get one or two duplicates with typical
 * errors: typos, swapped names, transposed dates, a changed postcode, missing values.
 */
final class SyntheticPeople {

	private static final String[] GIVEN = { "oliver", "george", "harry", "jack", "jacob", "noah", "charlie", "muhammad",
			"thomas", "oscar", "william", "james", "leo", "alfie", "henry", "olivia", "amelia", "isla", "ava", "emily",
			"sophia", "grace", "mia", "poppy", "ella", "lily", "evie", "isabella", "sophie", "ivy", "freya", "harper",
			"margaret", "john", "david", "peter", "susan", "mary", "elizabeth", "robert" };

	private static final String[] SYLLABLES = { "ash", "ber", "ton", "well", "smith", "son", "ham", "ley", "wood",
			"field", "brook", "ford", "hall", "mar", "kin", "dal", "ing", "win", "ter", "man", "cot", "den", "ell",
			"by" };

	private static final String[] STREETS = { "high street", "station road", "church lane", "park avenue", "mill road",
			"victoria road", "green lane", "manor way", "the crescent", "kings road", "queens drive", "school lane" };

	private static final String[] TOWNS = { "london", "birmingham", "leeds", "sheffield", "bristol", "manchester",
			"liverpool", "leicester", "coventry", "hull", "bradford", "cardiff", "nottingham", "stoke", "derby",
			"york" };

	private final SplittableRandom random;

	// Short forms a clerk might type instead of the name the person registered with.
	private static final Map<String, String> NICKNAMES = Map.ofEntries(Map.entry("william", "bill"),
			Map.entry("james", "jim"), Map.entry("thomas", "tom"), Map.entry("oliver", "ollie"),
			Map.entry("henry", "harry"), Map.entry("margaret", "peggy"), Map.entry("john", "jack"),
			Map.entry("david", "dave"), Map.entry("peter", "pete"), Map.entry("susan", "sue"),
			Map.entry("elizabeth", "beth"), Map.entry("robert", "bob"), Map.entry("isabella", "bella"),
			Map.entry("amelia", "millie"), Map.entry("charlie", "charles"), Map.entry("sophia", "sophie"));

	/** The records and, for each, the person it describes (the truth key). */
	record People(List<Record> records, List<String> truth) {

	}

	/**
	 * The hard cases councils' legacy exports look like.
	 *
	 * @param datesOfBirth whether records carry a date of birth at all
	 * @param householdShare the share of people who live with another person of the same
	 * family name at the same address (a different given name and date of birth)
	 * @param errors errors in every duplicate, each in a different field
	 */
	record Hard(boolean datesOfBirth, double householdShare, int errors) {

	}

	SyntheticPeople(long seed) {
		this.random = new SplittableRandom(seed);
	}

	People generate(int count) {
		List<Record> records = new ArrayList<>(count);
		List<String> truth = new ArrayList<>(count);
		int person = 0;
		while (records.size() < count) {
			Map<Role, String> original = person();
			String key = String.valueOf(person++);
			records.add(new Record("p" + key + "-0", original));
			truth.add(key);
			int duplicates = random.nextInt(10) < 2 ? 1 + random.nextInt(2) : 0;
			for (int d = 1; d <= duplicates && records.size() < count; d++) {
				records.add(new Record("p" + key + "-" + d, corrupt(original)));
				truth.add(key);
			}
		}
		return new People(records, truth);
	}

	/**
	 * People with duplicates that each carry {@code hard.errors()} errors in different
	 * fields, and households: a fifth of people get one or two duplicates, and members of
	 * one household are different people. No NHS numbers, as in legacy exports.
	 */
	People generate(int count, Hard hard) {
		List<Record> records = new ArrayList<>(count);
		List<String> truth = new ArrayList<>(count);
		int person = 0;
		Map<Role, String> previous = null;
		while (records.size() < count) {
			Map<Role, String> original = person();
			original.remove(Role.NHS_NUMBER);
			if (previous != null && random.nextDouble() < hard.householdShare()) {
				moveIn(original, previous);
			}
			if (!hard.datesOfBirth()) {
				original.remove(Role.DATE_OF_BIRTH);
			}
			previous = original;
			String key = String.valueOf(person++);
			records.add(new Record("p" + key + "-0", original));
			truth.add(key);
			int duplicates = random.nextInt(10) < 2 ? 1 + random.nextInt(2) : 0;
			for (int d = 1; d <= duplicates && records.size() < count; d++) {
				records.add(new Record("p" + key + "-" + d, corrupt(original, hard.errors())));
				truth.add(key);
			}
		}
		return new People(records, truth);
	}

	// A second member of the household: same family name and address, another given name
	// and date of birth, and no shared e-mail.
	private void moveIn(Map<Role, String> member, Map<Role, String> household) {
		member.put(Role.FAMILY_NAME, household.get(Role.FAMILY_NAME));
		member.put(Role.POSTCODE, household.get(Role.POSTCODE));
		member.put(Role.ADDRESS_1, household.get(Role.ADDRESS_1));
		member.put(Role.LOCALITY, household.get(Role.LOCALITY));
		while (member.get(Role.GIVEN_NAME).equals(household.get(Role.GIVEN_NAME))) {
			member.put(Role.GIVEN_NAME, givenName());
		}
		if (member.containsKey(Role.EMAIL)) {
			member.put(Role.EMAIL, member.get(Role.GIVEN_NAME) + "." + member.get(Role.FAMILY_NAME)
					+ random.nextInt(100) + "@example.org");
		}
	}

	/** {@code errors} errors, each in a different field (or none left to spoil). */
	private Map<Role, String> corrupt(Map<Role, String> original, int errors) {
		Map<Role, String> copy = new EnumMap<>(original);
		List<Integer> kinds = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7));
		int made = 0;
		while (made < errors && !kinds.isEmpty()) {
			int kind = kinds.remove(random.nextInt(kinds.size()));
			// A typo and a nickname both change the given name: one field, one error.
			if (kind == 0 || kind == 2) {
				kinds.remove(Integer.valueOf(2 - kind));
			}
			boolean done = switch (kind) {
				case 0 -> replace(copy, Role.GIVEN_NAME, this::typo);
				case 1 -> replace(copy, Role.FAMILY_NAME, this::typo);
				case 2 -> replace(copy, Role.GIVEN_NAME, name -> NICKNAMES.getOrDefault(name, name.substring(0, 1)));
				case 3 -> replace(copy, Role.DATE_OF_BIRTH, dob -> random.nextBoolean()
						? dob.substring(0, 5) + dob.substring(8, 10) + "-" + dob.substring(5, 7)
						: (Integer.parseInt(dob.substring(0, 4)) + (random.nextBoolean() ? 1 : -1)) + dob.substring(4));
				case 4 -> {
					boolean moved = copy.containsKey(Role.POSTCODE);
					copy.put(Role.POSTCODE, postcode());
					copy.put(Role.ADDRESS_1, (1 + random.nextInt(200)) + " " + STREETS[random.nextInt(STREETS.length)]);
					yield moved;
				}
				case 5 -> copy.remove(Role.EMAIL) != null;
				case 6 -> replace(copy, Role.LOCALITY, this::typo);
				default -> copy.remove(Role.SEX) != null;
			};
			if (done) {
				made++;
			}
		}
		return copy;
	}

	private boolean replace(Map<Role, String> values, Role role, UnaryOperator<String> change) {
		String before = values.get(role);
		if (before == null) {
			return false;
		}
		String after = change.apply(before);
		values.put(role, after);
		return !after.equals(before);
	}

	private Map<Role, String> person() {
		Map<Role, String> values = new EnumMap<>(Role.class);
		values.put(Role.GIVEN_NAME, givenName());
		values.put(Role.FAMILY_NAME, surname());
		values.put(Role.DATE_OF_BIRTH, String.format(Locale.ROOT, "%04d-%02d-%02d", 1930 + random.nextInt(80),
				1 + random.nextInt(12), 1 + random.nextInt(28)));
		values.put(Role.POSTCODE, postcode());
		values.put(Role.ADDRESS_1, (1 + random.nextInt(200)) + " " + STREETS[random.nextInt(STREETS.length)]);
		values.put(Role.LOCALITY, TOWNS[skewed(TOWNS.length)]);
		values.put(Role.SEX, random.nextBoolean() ? "f" : "m");
		if (random.nextInt(10) < 7) {
			values.put(Role.NHS_NUMBER, String.valueOf(4_000_000_000L + random.nextLong(5_000_000_000L)));
		}
		if (random.nextInt(10) < 5) {
			values.put(Role.EMAIL, values.get(Role.GIVEN_NAME) + "." + values.get(Role.FAMILY_NAME)
					+ random.nextInt(100) + "@example.org");
		}
		return values;
	}

	private Map<Role, String> corrupt(Map<Role, String> original) {
		Map<Role, String> copy = new EnumMap<>(original);
		int errors = 1 + random.nextInt(3);
		for (int e = 0; e < errors; e++) {
			switch (random.nextInt(7)) {
				case 0 -> copy.computeIfPresent(Role.GIVEN_NAME, (role, name) -> typo(name));
				case 1 -> copy.computeIfPresent(Role.FAMILY_NAME, (role, name) -> typo(name));
				case 2 -> {
					String given = copy.get(Role.GIVEN_NAME);
					copy.put(Role.GIVEN_NAME, copy.get(Role.FAMILY_NAME));
					copy.put(Role.FAMILY_NAME, given);
				}
				case 3 -> copy.computeIfPresent(Role.DATE_OF_BIRTH,
						(role, dob) -> dob.substring(0, 5) + dob.substring(8, 10) + "-" + dob.substring(5, 7));
				case 4 -> {
					copy.put(Role.POSTCODE, postcode());
					copy.put(Role.ADDRESS_1, (1 + random.nextInt(200)) + " " + STREETS[random.nextInt(STREETS.length)]);
				}
				case 5 -> copy.remove(Role.NHS_NUMBER);
				default -> copy.remove(Role.EMAIL);
			}
		}
		return copy;
	}

	private String typo(String name) {
		if (name.length() < 3) {
			return name;
		}
		int at = 1 + random.nextInt(name.length() - 1);
		char letter = (char) ('a' + random.nextInt(26));
		return name.substring(0, at) + letter + name.substring(at + 1);
	}

	// Real registers hold thousands of given names; the listed ones are the common head
	// of the distribution.
	private String givenName() {
		String name = GIVEN[skewed(GIVEN.length)];
		return random.nextInt(10) < 6 ? name : name.substring(0, 3) + SYLLABLES[random.nextInt(SYLLABLES.length)];
	}

	private String surname() {
		int parts = 2 + random.nextInt(2);
		StringBuilder name = new StringBuilder();
		for (int p = 0; p < parts; p++) {
			name.append(SYLLABLES[skewed(SYLLABLES.length)]);
		}
		return name.toString();
	}

	private String postcode() {
		String area = "" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
		return area + (1 + random.nextInt(20)) + " " + random.nextInt(10) + (char) ('A' + random.nextInt(26))
				+ (char) ('A' + random.nextInt(26));
	}

	// Roughly Zipf: index 0 is the most common.
	private int skewed(int size) {
		double u = random.nextDouble();
		return Math.min(size - 1, (int) (size * Math.pow(u, 1.5)));
	}

}
