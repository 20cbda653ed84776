package care.seamless.linkage;

import static care.seamless.linkage.PeopleFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComparisonTests {

	@Test
	void namesAgreeExactlyAfterNormalising() {
		assertThat(level(Comparison.FAMILY_NAME, person("a").family("O'Neil"), person("b").family("oneil")))
			.isEqualTo("exact");
	}

	@Test
	void swappedGivenAndFamilyNamesAreRecognised() {
		PeopleFixtures a = person("a").given("isla").family("hall");
		PeopleFixtures b = person("b").given("hall").family("isla");
		assertThat(level(Comparison.GIVEN_NAME, a, b)).isEqualTo("swapped");
		// One piece of evidence, counted once: on both it merged two different Georges.
		assertThat(level(Comparison.FAMILY_NAME, a, b)).isEqualTo("missing");
	}

	@Test
	void aSwapWithATypoInAFirstLetterIsStillASwap() {
		PeopleFixtures a = person("a").given("lola").family("atlylor");
		PeopleFixtures b = person("b").given("taylor").family("lola");
		assertThat(level(Comparison.GIVEN_NAME, a, b)).isEqualTo("swapped");
		assertThat(level(Comparison.FAMILY_NAME, a, b)).isEqualTo("missing");
		// Two different names in each other's places are no swap.
		assertThat(level(Comparison.GIVEN_NAME, a, person("c").given("tanya").family("lily"))).isEqualTo("else");
	}

	@Test
	void aLoneNameWithATypoInTheOtherFieldIsCountedOnce() {
		PeopleFixtures a = person("a").given("white").family("theo");
		PeopleFixtures b = person("b").given("theoo").family("");
		assertThat(level(Comparison.GIVEN_NAME, a, b)).isEqualTo("missing");
		assertThat(level(Comparison.FAMILY_NAME, a, b)).isEqualTo("swapped");
	}

	@Test
	void swappedNamesWithATypoAreStillSwapped() {
		assertThat(level(Comparison.GIVEN_NAME, person("a").given("caleb").family("rwoe"),
				person("b").given("rowe").family("caleb")))
			.isEqualTo("swapped");
	}

	@Test
	void aSwapWhoseMisspeltNameKeepsItsLettersIsStillASwap() {
		// "tmhsmoo" is "thomson" with its letters shuffled: too far for Jaro–Winkler, as
		// alike as the name levels allow.
		PeopleFixtures a = person("a").given("thomson").family("holly");
		PeopleFixtures b = person("b").given("holly").family("tmhsmoo");
		assertThat(level(Comparison.GIVEN_NAME, a, b)).isEqualTo("swapped");
		assertThat(level(Comparison.FAMILY_NAME, a, b)).isEqualTo("missing");
		assertThat(level(Comparison.GIVEN_NAME, person("c").given("russell").family("sofia"),
				person("d").given("fosia").family("russell")))
			.isEqualTo("swapped");
		// Both names must still be alike: one exact and the other another name is no
		// swap.
		assertThat(level(Comparison.GIVEN_NAME, a, person("e").given("holly").family("baker"))).isEqualTo("else");
	}

	@Test
	void oneTypoIsAClose() {
		assertThat(level(Comparison.FAMILY_NAME, person("a").family("neumann"), person("b").family("neuman")))
			.isEqualTo("jaro-winkler>=0.92");
	}

	@Test
	void soundAlikeNamesAreAPhoneticMatch() {
		assertThat(level(Comparison.GIVEN_NAME, person("a").given("kathryn"), person("b").given("cathrine")))
			.isEqualTo("phonetic-or-nickname");
	}

	@Test
	void shortenedAndNicknamedGivenNamesAreKnownForms() {
		assertThat(level(Comparison.GIVEN_NAME, person("a").given("rob"), person("b").given("robert")))
			.isEqualTo("phonetic-or-nickname");
		assertThat(level(Comparison.GIVEN_NAME, person("a").given("Bob"), person("b").given("Robert")))
			.isEqualTo("phonetic-or-nickname");
		assertThat(level(Comparison.GIVEN_NAME, person("a").given("peggy"), person("b").given("margaret")))
			.isEqualTo("phonetic-or-nickname");
		assertThat(level(Comparison.GIVEN_NAME, person("a").given("bob"), person("b").given("margaret")))
			.isEqualTo("else");
	}

	@Test
	void anInitialAgreesWithTheNameItStartsButOnlyForGivenNames() {
		assertThat(level(Comparison.GIVEN_NAME, person("a").given("J"), person("b").given("john")))
			.isEqualTo("jaro-winkler>=0.80-or-initial");
		assertThat(level(Comparison.GIVEN_NAME, person("a").given("K"), person("b").given("john"))).isEqualTo("else");
	}

	@Test
	void unrelatedNamesFallThroughToElse() {
		assertThat(level(Comparison.GIVEN_NAME, person("a").given("oliver"), person("b").given("grace")))
			.isEqualTo("else");
	}

	@Test
	void aMissingValueIsNoEvidence() {
		Prepared a = person("a").given("oliver").prepared();
		Prepared b = person("b").family("smith").prepared();
		assertThat(Comparison.DATE_OF_BIRTH.level(a, b)).isEqualTo(Levels.MISSING);
	}

	@Test
	void datesAgreeAcrossFormats() {
		assertThat(level(Comparison.DATE_OF_BIRTH, person("a").born("1971-06-24"), person("b").born("19710624")))
			.isEqualTo("exact");
	}

	@Test
	void dayAndMonthTransposed() {
		assertThat(level(Comparison.DATE_OF_BIRTH, person("a").born("1971-06-04"), person("b").born("1971-04-06")))
			.isEqualTo("day-month-transposed");
	}

	@Test
	void oneDigitOffInADate() {
		assertThat(level(Comparison.DATE_OF_BIRTH, person("a").born("1971-06-24"), person("b").born("1971-05-24")))
			.isEqualTo("one-digit-off");
	}

	@Test
	void neighbouringDigitsSwappedInADateCountAsOneDigitOff() {
		assertThat(level(Comparison.DATE_OF_BIRTH, person("a").born("19710624"), person("b").born("19710642")))
			.isEqualTo("one-digit-off");
	}

	@Test
	void sameYearOnly() {
		assertThat(level(Comparison.DATE_OF_BIRTH, person("a").born("1971-06-24"), person("b").born("1971-11-02")))
			.isEqualTo("year-only");
	}

	@Test
	void datesAcrossTheTurnOfAYearAreWithinAYear() {
		assertThat(level(Comparison.DATE_OF_BIRTH, person("a").born("1971-12-30"), person("b").born("1972-01-04")))
			.isEqualTo("within-a-year");
	}

	@Test
	void aDecadeTypedWronglyIsWithinTenYears() {
		assertThat(level(Comparison.DATE_OF_BIRTH, person("a").born("1974-10-05"), person("b").born("1984-03-03")))
			.isEqualTo("within-ten-years");
		assertThat(level(Comparison.DATE_OF_BIRTH, person("a").born("1954-10-05"), person("b").born("1984-10-03")))
			.isEqualTo("else");
	}

	@Test
	void oneDigitOfTheYearMistypedWithTheDayCloseIsItsOwnLevel() {
		assertThat(level(Comparison.DATE_OF_BIRTH, person("a").born("1974-10-05"), person("b").born("1984-10-03")))
			.isEqualTo("year-digit-off-day-close");
		assertThat(level(Comparison.DATE_OF_BIRTH, person("a").born("1987-06-26"), person("b").born("1988-07-27")))
			.isEqualTo("year-digit-off-day-close");
		// Two digits of the year differ: not one slip.
		assertThat(level(Comparison.DATE_OF_BIRTH, person("a").born("1989-06-26"), person("b").born("1990-06-27")))
			.isEqualTo("within-a-year");
	}

	@Test
	void namesWithTheirLettersShuffledShareTheirLetters() {
		assertThat(level(Comparison.FAMILY_NAME, person("a").family("hsmel"), person("b").family("holmes")))
			.isEqualTo("same-letters");
		assertThat(level(Comparison.GIVEN_NAME, person("a").given("jsneeo"), person("b").given("jones")))
			.isEqualTo("same-letters");
		assertThat(level(Comparison.GIVEN_NAME, person("a").given("ann"), person("b").given("nat"))).isEqualTo("else");
	}

	@Test
	void emailsSharingOnlyTheirDomainAreTheirOwnLevel() {
		assertThat(level(Comparison.EMAIL, person("a").with(Role.EMAIL, "ann@bishop-giles.com"),
				person("b").with(Role.EMAIL, "zed.taylor@bishop-giles.com")))
			.isEqualTo("same-domain");
		// A doubled "@" still leaves the domain.
		assertThat(level(Comparison.EMAIL, person("a").with(Role.EMAIL, "f@holmes@duncan.com"),
				person("b").with(Role.EMAIL, "freddie.h@duncan.com")))
			.isEqualTo("same-domain");
		assertThat(level(Comparison.EMAIL, person("a").with(Role.EMAIL, "ann@one.org"),
				person("b").with(Role.EMAIL, "zed@two.net")))
			.isEqualTo("else");
	}

	@Test
	void aNameHeldInTheOtherFieldCountsOnceAsSwapped() {
		// One record has only "george", as its given name; the other has it as family
		// name.
		PeopleFixtures a = person("a").given("george");
		PeopleFixtures b = person("b").given("owen").family("george");
		assertThat(level(Comparison.FAMILY_NAME, a, b)).isEqualTo("swapped");
		assertThat(level(Comparison.GIVEN_NAME, a, b)).isEqualTo("missing");
	}

	@Test
	void misspeltTownsAreSimilar() {
		assertThat(level(Comparison.LOCALITY, person("a").with(Role.LOCALITY, "Bimminghar"),
				person("b").with(Role.LOCALITY, "Birmingham")))
			.isEqualTo("jaro-winkler>=0.80");
	}

	@Test
	void emailsWithTypingSlipsAreClose() {
		assertThat(level(Comparison.EMAIL, person("a").with(Role.EMAIL, "maiie.walsoh@hodge.com"),
				person("b").with(Role.EMAIL, "maisie.walsh@hodge.com")))
			.isEqualTo("jaro-winkler>=0.88");
	}

	@Test
	void ukPostcodesInTheSameSector() {
		assertThat(level(Comparison.POSTCODE, person("a").postcode("LS1 4AP"), person("b").postcode("ls14bz")))
			.isEqualTo("sector");
	}

	@Test
	void ukPostcodesInTheSameDistrict() {
		assertThat(level(Comparison.POSTCODE, person("a").postcode("LS1 4AP"), person("b").postcode("LS1 6QT")))
			.isEqualTo("district");
	}

	@Test
	void numericPostcodesDifferingInTheLastDigitShareASector() {
		assertThat(level(Comparison.POSTCODE, person("a").postcode("4223"), person("b").postcode("4228")))
			.isEqualTo("sector");
	}

	@Test
	void postcodesOneCharacterApart() {
		assertThat(level(Comparison.POSTCODE, person("a").postcode("4223"), person("b").postcode("4323")))
			.isEqualTo("one-character-off");
	}

	@Test
	void addressesSharingMostWords() {
		assertThat(level(Comparison.ADDRESS, person("a").address("8 stanley street"),
				person("b").address("8 stanlye street")))
			.isEqualTo("most-tokens");
	}

	@Test
	void addressesSharingAWord() {
		assertThat(level(Comparison.ADDRESS, person("a").address("12 pinkerton circuit"),
				person("b").address("40 darwin circuit")))
			.isEqualTo("some-tokens");
	}

	@Test
	void identifiersOneDigitApart() {
		assertThat(level(Comparison.IDENTIFIER, person("a").nhsNumber("943 476 5919"),
				person("b").nhsNumber("9434765918")))
			.isEqualTo("one-digit-off");
	}

	private static String level(Comparison comparison, PeopleFixtures a, PeopleFixtures b) {
		int level = comparison.level(a.prepared(), b.prepared());
		return level < 0 ? "missing" : comparison.levels().get(level);
	}

}
