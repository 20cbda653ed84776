package care.seamless.terminology;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class VocabularyTests {

	private final Vocabulary vocabulary = ConceptFixtures.vocabulary();

	@Test
	void showsTheSameConceptInEachAudiencesWords() {
		assertThat(this.vocabulary.display("d510", Audience.HEALTH)).isEqualTo("Washing oneself");
		assertThat(this.vocabulary.display("d510", Audience.SOCIAL_CARE)).isEqualTo("Help with washing and bathing");
		assertThat(this.vocabulary.display("d510", Audience.PERSON)).isEqualTo("Washing myself");
	}

	@Test
	void showsTheWordsForTheViewersProfession() {
		assertThat(this.vocabulary.display("d510", Audience.forViewer("district-nurse"))).isEqualTo("Washing oneself");
		assertThat(this.vocabulary.display("d510", Audience.forViewer("care-manager")))
			.isEqualTo("Help with washing and bathing");
		assertThat(this.vocabulary.display("d510", Audience.forViewer("carer"))).isEqualTo("Washing myself");
	}

	@Test
	void showsAnUnknownCodeAsItself() {
		assertThat(this.vocabulary.display("PARTNER-X-1", Audience.PERSON)).isEqualTo("PARTNER-X-1");
	}

	@Test
	void findsAConceptBySynonymIgnoringCase() {
		assertThat(this.vocabulary.search("STRIP Wash")).extracting(Concept::code).containsExactly("d510");
	}

	@Test
	void findsAConceptByCode() {
		assertThat(this.vocabulary.search("d510")).extracting(Concept::code).containsExactly("d510");
	}

	@Test
	void ranksExactMatchesThenPrefixesThenContains() {
		Vocabulary vocabulary = Vocabulary.of(List.of(ConceptFixtures.bath(), ConceptFixtures.washing(),
				concept("X-1", "Assisted bathing"), concept("X-2", "Bath")));
		assertThat(vocabulary.search("bath")).extracting(Concept::code)
			.containsExactly("X-2", "SEAM-SVC-99", "d510", "X-1");
	}

	@Test
	void findsNothingForBlankText() {
		assertThat(this.vocabulary.search("  ")).isEmpty();
	}

	@Test
	void refusesDuplicateCodes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Vocabulary.of(List.of(ConceptFixtures.washing(), ConceptFixtures.washing())))
			.withMessageContaining("d510");
	}

	@Test
	void replacesConceptsByCodeWithoutChangingTheOriginal() {
		Concept reworded = concept("d510", "Having a wash");
		Vocabulary changed = this.vocabulary.with(List.of(reworded));
		assertThat(changed.display("d510", Audience.PERSON)).isEqualTo("Having a wash");
		assertThat(changed.size()).isEqualTo(this.vocabulary.size());
		assertThat(this.vocabulary.display("d510", Audience.PERSON)).isEqualTo("Washing myself");
	}

	private static Concept concept(String code, String words) {
		return new Concept(code, CodeSystem.LOCAL, ConceptKind.NEED, SapDomain.PERSONAL_CARE, null, words, words, words,
				List.of(), null, null);
	}

}
