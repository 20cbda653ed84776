package care.seamless.linkage;

import static care.seamless.linkage.PeopleFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatcherTests {

	private final Matcher matcher = new Matcher(model());

	@Test
	void anIdentifierThatAgreesIsAMatchWhateverElseDiffers() {
		ScoredPair pair = matcher.score(person("a").given("anne").family("smith").nhsNumber("9434765919").build(),
				person("b").given("joan").family("jones").nhsNumber("943 476 5919").build());

		assertThat(pair.decision()).isEqualTo(Decision.MATCH);
		assertThat(pair.rule()).isEqualTo(Matcher.IDENTIFIER_RULE);
	}

	@Test
	void theWeightIsThePriorPlusEachFieldsContribution() {
		ScoredPair pair = matcher.score(person("a").given("anne").family("smith").born("1980-01-02").build(),
				person("b").given("ann").family("smith").born("1980-02-01").build());

		double contributions = pair.contributions().stream().mapToDouble(Contribution::weight).sum();
		assertThat(pair.weight()).isCloseTo(matcher.model().priorWeight() + contributions, within(1e-9));
		assertThat(pair.contributions()).extracting(Contribution::level)
			.contains("jaro-winkler>=0.92", "exact", "day-month-transposed", "missing");
		assertThat(pair.probability()).isCloseTo(Model.probability(pair.weight()), within(1e-12));
	}

	@Test
	void theDecisionAloneIsTheScoresDecision() {
		List<Record> records = List.of(person("a").given("anne").family("smith").born("1980-01-02").build(),
				person("b").given("ann").family("smith").born("1980-02-01").build(),
				person("c").given("anne").family("smith").born("1980-01-02").nhsNumber("9434765919").build(),
				person("d").given("joan").family("jones").nhsNumber("943 476 5919").build(),
				person("e").given("oliver").family("jones").born("1955-07-30").build(),
				person("f").given("smith").family("anne").born("1980-01-02").build());
		List<Decision> seen = new ArrayList<>();
		for (Record a : records) {
			for (Record b : records) {
				assertThat(matcher.decision(a, b)).isEqualTo(matcher.score(a, b).decision());
				seen.add(matcher.decision(a, b));
			}
		}
		// Meaningful only if the pairs reach more than one decision.
		assertThat(seen).contains(Decision.MATCH, Decision.NON_MATCH);
	}

	@Test
	void aCommonNameIsWeakerEvidenceThanARareOne() {
		double common = familyWeight("smith");
		double rare = familyWeight("featherstonehaugh");

		assertThat(rare).isGreaterThan(common);
	}

	@Test
	void recordsThatDisagreeEverywhereAreDifferentPeople() {
		ScoredPair pair = matcher.score(person("a").given("anne").family("smith").born("1980-01-02").build(),
				person("b").given("oliver").family("jones").born("1955-07-30").build());

		assertThat(pair.decision()).isEqualTo(Decision.NON_MATCH);
		assertThat(pair.weight()).isNegative();
	}

	@Test
	void scoresAnIncomingRecordAgainstCandidatesBestFirst() {
		Record incoming = person("new").given("anne").family("smith").born("1980-01-02").build();
		List<Record> candidates = List.of(person("x").given("oliver").family("jones").born("1955-07-30").build(),
				person("y").given("anne").family("smith").born("1980-01-02").build());

		List<ScoredPair> scored = matcher.score(incoming, candidates);

		assertThat(scored).extracting(ScoredPair::rightId).containsExactly("y", "x");
		assertThat(scored.get(0).decision()).isEqualTo(Decision.MATCH);
	}

	@Test
	void ruledOutCandidatesAreExactlyTheNonMatches() throws Exception {
		// Noisy records (typos, swaps, missing fields, shared names) against each other,
		// under the product's model and the hand-made one here: whatever the early
		// bound leaves out must be what full scoring calls a non-match.
		List<Record> fake = new RecordReader(Map.of(), Truth.column("cluster"))
			.read(Path.of("src", "test", "resources", "testdata", "splink-persons", "fake_1000.csv"))
			.records();
		List<Record> febrl = new RecordReader(Map.of(), Truth.febrl())
			.read(Path.of("src", "test", "resources", "testdata", "febrl", "dataset1.csv"))
			.records();
		int possible = 0;
		for (Matcher each : List.of(new Matcher(Matching.defaultModel()), matcher)) {
			for (List<Record> records : List.of(fake.subList(0, 400), febrl.subList(0, 400))) {
				for (Record incoming : records.subList(0, 60)) {
					List<ScoredPair> all = each.score(incoming, records);
					List<ScoredPair> kept = all.stream().filter(pair -> pair.decision() != Decision.NON_MATCH).toList();

					assertThat(each.possibleMatches(incoming, records)).isEqualTo(kept);
					possible += kept.size();
				}
			}
		}
		assertThat(possible).isGreaterThan(240);
	}

	@Test
	void aDateOfTheYearLeftOutCannotReachReview() throws Exception {
		// The online query's name-and-year branches fetch only the dates of the year that
		// birthDatesWorthFetching keeps (ADR 91). Any other date must make a non-match of
		// the strongest candidate there is, the record itself with that date, and of
		// every
		// other record given that date; with each record as sent, without its identifier
		// (which keeps the whole year), and with names, date of birth and sex only.
		Matcher product = new Matcher(Matching.defaultModel());
		List<Record> records = sixtyOfEach();
		int leftOut = 0;
		int kept = 0;
		for (Record record : records) {
			for (Record incoming : List.of(record, without(record, Role.NHS_NUMBER, Role.SOC_SEC_ID),
					only(record, Role.GIVEN_NAME, Role.FAMILY_NAME, Role.DATE_OF_BIRTH, Role.SEX))) {
				java.time.LocalDate born = java.time.LocalDate.parse(incoming.value(Role.DATE_OF_BIRTH));
				List<java.time.LocalDate> worth = product.birthDatesWorthFetching(incoming);
				if (!incoming.value(Role.NHS_NUMBER).isEmpty() || !incoming.value(Role.SOC_SEC_ID).isEmpty()) {
					assertThat(worth).hasSize(born.lengthOfYear());
				}
				assertThat(worth).contains(born);
				kept += worth.size();
				int day = 0;
				for (java.time.LocalDate date = born.withDayOfYear(1); date.getYear() == born.getYear(); date = date
					.plusDays(1)) {
					if (worth.contains(date)) {
						continue;
					}
					leftOut++;
					assertThat(product.score(incoming, bornOn(incoming, date)).decision())
						.isEqualTo(Decision.NON_MATCH);
					// Every other record too, on a few of the dates left out.
					if (day++ % 120 == 0) {
						for (int other = day % 4; other < records.size(); other += 4) {
							assertThat(product.score(incoming, bornOn(records.get(other), date)).decision())
								.isEqualTo(Decision.NON_MATCH);
						}
					}
				}
			}
		}
		// Bare records leave out nearly all of their year; those with an identifier none.
		assertThat(leftOut).isGreaterThan(kept / 3);
	}

	@Test
	void theDatesWorthFetchingAreThoseOfTheDayByDayWalk() throws Exception {
		// A record whose only dates worth fetching are its own and its transposition
		// (names, date and sex only) gets them without the year's other days being
		// compared (ADR 101); every record, as sent, without its identifier and bare, on
		// its own date and on every day of a leap year and of another, gets what
		// comparing
		// each day gives, in the same order.
		Matcher product = new Matcher(Matching.defaultModel());
		int shortcuts = 0;
		int all = 0;
		for (Record record : sixtyOfEach()) {
			Record bare = only(record, Role.GIVEN_NAME, Role.FAMILY_NAME, Role.DATE_OF_BIRTH, Role.SEX);
			List<Record> incoming = new ArrayList<>(
					List.of(record, without(record, Role.NHS_NUMBER, Role.SOC_SEC_ID), bare));
			for (int year : new int[] { 1960, 1963 }) {
				for (java.time.LocalDate date = java.time.LocalDate.of(year, 1, 1); date.getYear() == year; date = date
					.plusDays(1)) {
					incoming.add(bornOn(bare, date));
				}
			}
			for (Record each : incoming) {
				List<java.time.LocalDate> worth = product.birthDatesWorthFetching(each);
				assertThat(worth).isEqualTo(product.birthDatesWorthFetchingDayByDay(each));
				all++;
				if (worth.size() <= 2) {
					shortcuts++;
				}
			}
		}
		// Most of them are the bare ones the shortcut is for.
		assertThat(shortcuts).isGreaterThan(all * 9 / 10);
	}

	// The first sixty of fake_1000 and of FEBRL's first data set, as the product holds
	// them: ISO dates, and only real ones (FEBRL writes digits).
	private static List<Record> sixtyOfEach() throws Exception {
		List<Record> records = new ArrayList<>();
		records.addAll(new RecordReader(Map.of(), Truth.column("cluster"))
			.read(Path.of("src", "test", "resources", "testdata", "splink-persons", "fake_1000.csv"))
			.records()
			.subList(0, 60));
		records.addAll(new RecordReader(Map.of(), Truth.febrl())
			.read(Path.of("src", "test", "resources", "testdata", "febrl", "dataset1.csv"))
			.records()
			.subList(0, 60));
		records.replaceAll(record -> {
			String digits = record.value(Role.DATE_OF_BIRTH);
			return digits.matches("\\d{8}")
					? bornOn(record, digits.substring(0, 4) + "-" + digits.substring(4, 6) + "-" + digits.substring(6))
					: record;
		});
		records.removeIf(record -> !validDate(record.value(Role.DATE_OF_BIRTH)));
		return records;
	}

	private static boolean validDate(String date) {
		try {
			java.time.LocalDate.parse(date);
			return true;
		}
		catch (java.time.format.DateTimeParseException ex) {
			return false;
		}
	}

	private static Record bornOn(Record record, Object date) {
		Map<Role, String> values = new EnumMap<>(Role.class);
		values.putAll(record.values());
		values.put(Role.DATE_OF_BIRTH, date.toString());
		return new Record(record.id() + "@" + date, values);
	}

	private static Record without(Record record, Role... roles) {
		Map<Role, String> values = new EnumMap<>(Role.class);
		values.putAll(record.values());
		for (Role role : roles) {
			values.remove(role);
		}
		return new Record(record.id(), values);
	}

	private static Record only(Record record, Role... roles) {
		Map<Role, String> values = new EnumMap<>(Role.class);
		for (Role role : roles) {
			if (!record.value(role).isEmpty()) {
				values.put(role, record.value(role));
			}
		}
		return new Record(record.id(), values);
	}

	@Test
	void aSavedModelScoresAsTheOriginalDoes(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("model.properties");
		ModelFile.save(matcher.model(), file);
		Matcher loaded = new Matcher(ModelFile.load(file));
		Record a = person("a").given("anne").family("smith").born("1980-01-02").build();
		Record b = person("b").given("ann").family("smith").born("1980-01-02").build();

		assertThat(Files.size(file)).isPositive();
		assertThat(loaded.score(a, b).weight()).isCloseTo(matcher.score(a, b).weight(), within(1e-9));
	}

	@Test
	void householdMembersAreNeverAnAutomaticMatch() {
		PeopleFixtures home = person("a").family("smith").postcode("LS1 4AP").address("12 high street");
		Record anne = home.given("anne").born("1980-01-02").with(Role.EMAIL, "x@example.org").build();
		Record oliver = person("b").given("oliver")
			.family("smith")
			.postcode("LS1 4AP")
			.address("12 high street")
			.born("1982-07-30")
			.with(Role.EMAIL, "x@example.org")
			.build();

		ScoredPair pair = matcher.score(anne, oliver);

		// Family name, address, postcode and e-mail agree: the weights alone would say
		// match.
		assertThat(pair.probability()).isGreaterThan(0.95);
		assertThat(pair.rule()).isEqualTo(Matcher.HOUSEHOLD_RULE);
		assertThat(pair.decision()).isEqualTo(Decision.POSSIBLE_MATCH);
	}

	@Test
	void aNicknameAtTheSameAddressIsNotAnotherHouseholdMember() {
		Record robert = person("a").given("robert")
			.family("smith")
			.postcode("LS1 4AP")
			.address("12 high street")
			.born("1980-01-02")
			.build();
		Record bob = person("b").given("bob")
			.family("smith")
			.postcode("LS1 4AP")
			.address("12 high street")
			.born("1980-01-02")
			.build();

		ScoredPair pair = matcher.score(robert, bob);

		assertThat(pair.rule()).isNull();
		assertThat(pair.decision()).isEqualTo(Decision.MATCH);
	}

	private double familyWeight(String family) {
		ScoredPair pair = matcher.score(person("a").family(family).build(), person("b").family(family).build());
		return pair.contributions().get(Comparison.FAMILY_NAME.ordinal()).weight();
	}

	// A hand-made model: agreement is likely among matches, rare among non-matches;
	// "smith" is common.
	private static Model model() {
		List<double[]> m = new ArrayList<>();
		List<double[]> u = new ArrayList<>();
		for (Comparison comparison : Comparison.values()) {
			int levels = comparison.levels().size();
			double[] mLevels = new double[levels];
			double[] uLevels = new double[levels];
			for (int level = 0; level < levels; level++) {
				mLevels[level] = level == 0 ? 0.9 : 0.1 / (levels - 1);
				uLevels[level] = level == levels - 1 ? 0.9 : 0.1 / (levels - 1);
			}
			m.add(mLevels);
			u.add(uLevels);
		}
		Map<Comparison, Map<String, Double>> frequencies = new EnumMap<>(Comparison.class);
		frequencies.put(Comparison.FAMILY_NAME, Map.of("smith", 0.02, "featherstonehaugh", 0.00001));
		return new Model(m.toArray(double[][]::new), u.toArray(double[][]::new), 0.001, frequencies, 0.95, 0.5);
	}

}
