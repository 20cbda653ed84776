package care.seamless.linkage;

import static care.seamless.linkage.PeopleFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CandidatePairsTests {

	// Twins share a date of birth, family name and postcode: several keys propose the
	// same pair.
	private final List<Prepared> records = List.of(
			person("a").given("anne").family("smith").born("1980-01-02").postcode("LS1 4AP").prepared(),
			person("b").given("anna").family("smith").born("1980-01-02").postcode("LS1 4AP").prepared(),
			person("c").given("oliver").family("jones").born("1955-07-30").postcode("M1 1AA").prepared(),
			person("d").given("smith").family("anne").born("1980-02-01").prepared());

	@Test
	void visitsEachPairOnceHoweverManyKeysAgree() {
		List<String> pairs = pairs(new CandidatePairs(records, records.size(), false));

		assertThat(pairs).doesNotHaveDuplicates().contains("a-b", "a-d", "b-d").doesNotContain("a-c", "b-c", "c-d");
	}

	@Test
	void joinsOnlyPairLeftWithRight() {
		List<String> pairs = pairs(new CandidatePairs(records, 2, true));

		assertThat(pairs).containsExactlyInAnyOrder("a-d", "b-d");
	}

	@Test
	void countsTruePairsOverTheWholeInput() {
		Linkage linkage = Linkage.dedupe(records.stream().map(r -> person(r.id()).build()).toList());

		Evaluation evaluation = Evaluation.of(linkage, List.of(), List.of("1", "1", "2", "1"));

		assertThat(evaluation.truePairs()).isEqualTo(3);
		assertThat(evaluation.recall()).isZero();
	}

	@Test
	void splitsABlockOverTheCapByBirthYearAndInitialsInsteadOfDroppingIt() {
		// 3,300 people share one date of birth: 5.4 million pairs, over the cap of 5
		// million.
		List<Prepared> crowd = new ArrayList<>();
		for (int i = 0; i < 3300; i++) {
			String given = (char) ('a' + i % 26) + "nne" + i;
			String family = (char) ('a' + (i / 26) % 26) + "mith" + i;
			crowd.add(person("p" + i).given(given).family(family).born("1980-01-02").prepared());
		}
		CandidatePairs candidates = new CandidatePairs(crowd, crowd.size(), false);
		long[] sameInitials = new long[1];

		candidates.reduce(BlockingKey.DATE_OF_BIRTH, () -> sameInitials, (count, a, b) -> count[0]++,
				(mine, theirs) -> mine, pairs -> {
				});

		// Each pair of the 676 initial pairs' groups is compared; nothing was over the
		// cap once split.
		assertThat(sameInitials[0]).isPositive().isLessThan(3300L * 3299 / 2 / 100);
		assertThat(candidates.droppedPairs()).isZero();
	}

	@Test
	void aRareEmailDomainIsAKeyAndAProvidersDomainIsNone() {
		List<Prepared> people = new ArrayList<>();
		people.add(person("a").given("lola").with(Role.EMAIL, "glolat86@bishop-giles.com").prepared());
		people.add(person("b").family("taylor").with(Role.EMAIL, "lolat86@bishop-giles.com").prepared());
		for (int i = 0; i <= BlockingKey.RARE_VALUE_RECORDS; i++) {
			people.add(person("m" + i).given("x" + i).with(Role.EMAIL, "x" + i + "@mail.example").prepared());
		}
		CandidatePairs candidates = new CandidatePairs(people, people.size(), false);
		List<String> pairs = candidates.reduce(BlockingKey.EMAIL_DOMAIN, ArrayList<String>::new,
				(found, a, b) -> found.add(people.get(a).id() + "-" + people.get(b).id()), (mine, theirs) -> {
					mine.addAll(theirs);
					return mine;
				}, done -> {
				});

		assertThat(pairs).containsExactly("a-b");
		// The provider's domain is no key, so nothing was held back by a cap either.
		assertThat(candidates.droppedPairs()).isZero();
	}

	private List<String> pairs(CandidatePairs candidates) {
		return candidates.reduce(ArrayList<String>::new,
				(found, a, b) -> found.add(records.get(a).id() + "-" + records.get(b).id()), (mine, theirs) -> {
					mine.addAll(theirs);
					return mine;
				}, pairs -> {
				});
	}

}
