package care.seamless.terminology;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TerminologyTests {

	private final Terminology terminology = new Terminology(ConceptFixtures.vocabulary());

	@Test
	void loadsTheStarterVocabularyWhenCreatedBySpring() {
		Terminology starter = new Terminology();
		assertThat(starter.display("d510", "social-worker")).isEqualTo("Help with washing and bathing");
		assertThat(starter.search("zimmer frame")).extracting(Concept::code).contains("d465");
	}

	@Test
	void addsAndOverridesConceptsByCode() {
		String csv = VocabularyCsvTests.HEADER
				+ """
						d510,icf,need,personal-care,hygiene,Washing oneself,Personal hygiene support,Having a wash,,,
						LCC-CARE-01,local,service,personal-care,,Shared Lives,Shared Lives placement,Shared Lives carer,adult placement,,
						""";
		ImportResult result = this.terminology.importCsv(new StringReader(csv));
		assertThat(result.succeeded()).isTrue();
		assertThat(result.added()).isEqualTo(1);
		assertThat(result.replaced()).isEqualTo(1);
		assertThat(this.terminology.display("d510", Audience.PERSON)).isEqualTo("Having a wash");
		assertThat(this.terminology.search("adult placement")).extracting(Concept::code).containsExactly("LCC-CARE-01");
	}

	@Test
	void importsNothingWhenAnyLineIsBad() {
		String csv = VocabularyCsvTests.HEADER + """
				d510,icf,need,personal-care,hygiene,Washing oneself,Personal hygiene support,Having a wash,,,
				LCC-CARE-01,local,servise,personal-care,,Shared Lives,Shared Lives placement,Shared Lives,,,
				""";
		ImportResult result = this.terminology.importCsv(new StringReader(csv));
		assertThat(result.succeeded()).isFalse();
		assertThat(result.errors()).singleElement().extracting(CsvError::line).isEqualTo(3);
		assertThat(this.terminology.display("d510", Audience.PERSON)).isEqualTo("Washing myself");
		assertThat(this.terminology.find("LCC-CARE-01")).isEmpty();
	}

	@Test
	void exportsWhatCanBeImportedAgain() throws IOException {
		StringWriter out = new StringWriter();
		this.terminology.exportCsv(out);
		Terminology copy = new Terminology(Vocabulary.of(java.util.List.of()));
		ImportResult result = copy.importCsv(new StringReader(out.toString()));
		assertThat(result.added()).isEqualTo(3);
		assertThat(copy.vocabulary().concepts()).isEqualTo(this.terminology.vocabulary().concepts());
	}

}
