package care.seamless.terminology;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StarterVocabularyTests {

	private final Vocabulary vocabulary = Terminology.starterVocabulary();

	@Test
	void hasAtLeastOneHundredAndSeventyConcepts() {
		assertThat(this.vocabulary.size()).isGreaterThanOrEqualTo(170);
	}

	@Test
	void coversAllNineSapDomains() {
		Set<SapDomain> covered = this.vocabulary.concepts()
			.stream()
			.map(Concept::sapDomain)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(SapDomain.class)));
		assertThat(covered).containsExactlyInAnyOrder(SapDomain.values());
	}

	@Test
	void coversAllTenCareActOutcomes() {
		Set<CareActOutcome> covered = this.vocabulary.concepts()
			.stream()
			.map(Concept::careActOutcome)
			.filter(Objects::nonNull)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(CareActOutcome.class)));
		assertThat(covered).containsExactlyInAnyOrder(CareActOutcome.values());
	}

	@Test
	void hasEveryKindOfConcept() {
		assertThat(this.vocabulary.concepts().stream().map(Concept::kind).distinct())
			.containsExactlyInAnyOrder(ConceptKind.values());
	}

	@Test
	void hasNoDuplicateCodes() {
		Set<String> codes = new HashSet<>();
		assertThat(this.vocabulary.concepts())
			.allSatisfy((concept) -> assertThat(codes.add(concept.code())).as("duplicate %s", concept.code()).isTrue());
	}

	@Test
	void usesWellFormedIcfCodes() {
		assertThat(this.vocabulary.concepts().stream().map(Concept::icfCategory).filter(Objects::nonNull)).isNotEmpty()
			.allSatisfy((code) -> assertThat(code).matches("^[bdes]\\d{3,5}$"));
	}

	@Test
	void usesOnlyWellFormedSnomedConceptIds() {
		assertThat(this.vocabulary.concepts().stream().map(Concept::snomed).filter(Objects::nonNull))
			.allSatisfy((id) -> assertThat(SnomedIds.isConceptId(id)).as(id).isTrue());
	}

	@Test
	void keepsPlainEnglishShortAndFreeOfCodes() {
		assertThat(this.vocabulary.concepts()).allSatisfy((concept) -> {
			assertThat(concept.plainEnglish()).as(concept.code()).hasSizeLessThanOrEqualTo(60);
			assertThat(concept.plainEnglish()).as(concept.code()).doesNotContainPattern("\\b[bdes]\\d{3}");
		});
	}

	@Test
	void showsTheIssueExampleInEachAudiencesWords() {
		Concept personalCare = this.vocabulary.search("activities of daily living").get(0);
		assertThat(personalCare.display(Audience.HEALTH)).isEqualTo("Activities of daily living");
		assertThat(personalCare.display(Audience.SOCIAL_CARE)).isEqualTo("Personal care needs");
		assertThat(personalCare.display(Audience.PERSON)).isEqualTo("Help with washing and dressing");
	}

}
