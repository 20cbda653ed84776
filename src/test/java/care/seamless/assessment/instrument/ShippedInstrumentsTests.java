package care.seamless.assessment.instrument;

import care.seamless.shared.DataCategory;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import care.seamless.shared.Profession;
import care.seamless.terminology.SapDomain;
import care.seamless.terminology.Terminology;
import care.seamless.terminology.Vocabulary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedInstrumentsTests {

	private static final Vocabulary VOCABULARY = Terminology.starterVocabulary();

	private final Catalogue instruments = Instruments.shipped(VOCABULARY);

	@Test
	void loadsEveryShippedInstrument() {
		assertThat(this.instruments.all()).extracting(Instrument::id)
			.containsExactlyInAnyOrder("sap-contact", "sap-overview", "carers-assessment", "ot-home-assessment",
					"falls-nursing-assessment", "mental-health-assessment");
	}

	@Test
	void resolvesEveryCodedOptionInTheCommonLanguage() {
		Vocabulary vocabulary = VOCABULARY;
		assertThat(this.instruments.all().stream().flatMap((instrument) -> instrument.questions().stream()))
			.flatMap(Question::options)
			.isNotEmpty()
			.allSatisfy((code) -> assertThat(vocabulary.find(code)).as(code).isPresent());
	}

	@Test
	void coversAllNineSapDomainsInTheOverview() {
		Instrument overview = this.instruments.latest("sap-overview").orElseThrow();
		assertThat(overview.stage()).isEqualTo(Stage.OVERVIEW);
		assertThat(overview.sapDomains()).containsExactlyInAnyOrder(SapDomain.values());
	}

	@Test
	void asksFourToEightQuestionsPerDomainInTheOverview() {
		Map<SapDomain, Integer> perDomain = this.instruments.latest("sap-overview")
			.orElseThrow()
			.sections()
			.stream()
			.collect(Collectors.groupingBy(Section::sapDomain, Collectors.summingInt((s) -> s.questions().size())));
		assertThat(perDomain.values()).allSatisfy((count) -> assertThat(count).isBetween(4, 8));
	}

	@Test
	void screensEveryDomainAtContact() {
		assertThat(this.instruments.latest("sap-contact").orElseThrow().sapDomains())
			.containsExactlyInAnyOrder(SapDomain.values());
	}

	@Test
	void offersSpecialistInstrumentsFromAtLeastThreeProfessions() {
		Set<Profession> leads = EnumSet.noneOf(Profession.class);
		this.instruments.all()
			.stream()
			.filter((instrument) -> instrument.stage() == Stage.SPECIALIST)
			.forEach((instrument) -> leads.add(onlyProfessionsInEverySection(instrument)));
		assertThat(leads).hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void keepsMentalHealthAnswersInTheMentalHealthCategory() {
		assertThat(this.instruments.latest("mental-health-assessment").orElseThrow().sections())
			.filteredOn((section) -> section.sapDomain() == SapDomain.MENTAL_HEALTH)
			.isNotEmpty()
			.allSatisfy((section) -> assertThat(section.category()).isEqualTo(DataCategory.MENTAL_HEALTH));
	}

	@Test
	void sharesReuseKeysAcrossInstruments() {
		Map<String, Long> instrumentsPerKey = this.instruments.all()
			.stream()
			.flatMap((instrument) -> instrument.questions()
				.stream()
				.filter((question) -> question.reuseKey() != null)
				.map((question) -> Map.entry(question.reuseKey(), instrument.id()))
				.distinct())
			.collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.counting()));
		assertThat(instrumentsPerKey).containsKeys("selfcare.washing", "mobility.indoors", "falls.any-last-12-months",
				"health.conditions", "cognition.memory");
		assertThat(instrumentsPerKey.values().stream().filter((count) -> count > 1).count()).isGreaterThanOrEqualTo(15);
	}

	/**
	 * The profession that every section of a specialist instrument has in common: the one
	 * it is written for.
	 */
	private static Profession onlyProfessionsInEverySection(Instrument instrument) {
		Set<Profession> common = EnumSet.allOf(Profession.class);
		instrument.sections()
			.stream()
			.filter((section) -> !section.anyProfession())
			.forEach((section) -> common.retainAll(section.professions()));
		assertThat(common).as("a profession common to every section of %s", instrument).isNotEmpty();
		return common.iterator().next();
	}

}
