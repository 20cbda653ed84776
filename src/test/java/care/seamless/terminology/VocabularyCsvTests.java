package care.seamless.terminology;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VocabularyCsvTests {

	static final String HEADER = String.join(",", VocabularyCsv.COLUMNS) + "\n";

	@Test
	void readsWhatItWroteUnchanged() throws IOException {
		List<Concept> concepts = ConceptFixtures.vocabulary().concepts();
		CsvResult read = VocabularyCsv.read(new StringReader(write(concepts)));
		assertThat(read.errors()).isEmpty();
		assertThat(read.concepts()).isEqualTo(concepts);
	}

	@Test
	void roundTripsTheStarterVocabulary() throws IOException {
		List<Concept> starter = Terminology.starterVocabulary().concepts();
		CsvResult first = VocabularyCsv.read(new StringReader(write(starter)));
		CsvResult second = VocabularyCsv.read(new StringReader(write(first.concepts())));
		assertThat(first.concepts()).isEqualTo(starter);
		assertThat(second.concepts()).isEqualTo(starter);
	}

	@Test
	void reportsEachBadLineWithItsNumberAndColumn() {
		String csv = HEADER + """
				X-1,local,need,safety,,Term,Term,Plain,,,
				X-2,local,needs,safety,,Term,Term,Plain,,,
				X-3,local,need,safety,,Term,Term,,,,
				X-1,local,need,safety,,Term,Term,Plain,,,
				d51,icf,need,safety,,Term,Term,Plain,,,
				X-5,local,need,safety,nutrition,Term,Term,Plain,,22298007,
				""";
		CsvResult read = VocabularyCsv.read(new StringReader(csv));
		assertThat(read.errors()).extracting(CsvError::line, CsvError::column)
			.containsExactly(tuple(3, "kind"), tuple(4, "plain_english"), tuple(5, "code"), tuple(6, "code"),
					tuple(7, "snomed"));
		assertThat(read.errors().get(0).toString()).isEqualTo("Line 3, column kind: unknown kind 'needs' "
				+ "(expected one of need, ability, risk, strength, condition, service, outcome)");
		assertThat(read.errors().get(1).message()).isEqualTo("missing plain english");
		assertThat(read.errors().get(2).message()).isEqualTo("duplicate code 'X-1', first on line 2");
	}

	@Test
	void reportsALineHoldingANulOrOtherControlCharacterOnceWithItsNumber() {
		String csv = HEADER + "X-1,local,need,safety,,Term,Term,Plain,,,\n"
				+ "X-2,local,need,safety,,Te\u0000rm,Term,Plain,,,\n"
				+ "X-3,local,ne\u0007ed,safety,,Term,Term,Plain,,,\n"
				+ "X-4,local,need,safety,,Term,Term,Plain\u001b[31m,,,\n";
		CsvResult read = VocabularyCsv.read(new StringReader(csv));
		assertThat(read.errors()).extracting(CsvError::line, CsvError::column)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "health_term"),
					org.assertj.core.groups.Tuple.tuple(4, "kind"),
					org.assertj.core.groups.Tuple.tuple(5, "plain_english"));
		assertThat(read.errors().get(0).message()).contains("control character");
		assertThat(read.concepts()).extracting(Concept::code).containsExactly("X-1");
	}

	@Test
	void countsLinesFromTheStartOfARecordThatSpansLines() {
		String csv = HEADER + """
				X-1,local,need,safety,,"Two
				lines",Term,Plain,,,
				X-2,local,need,nowhere,,Term,Term,Plain,,,
				""";
		CsvResult read = VocabularyCsv.read(new StringReader(csv));
		assertThat(read.errors()).extracting(CsvError::line).containsExactly(4);
	}

	@Test
	void reportsMissingColumns() {
		CsvResult read = VocabularyCsv.read(new StringReader("code,system,kind\nX-1,local,need\n"));
		assertThat(read.errors()).singleElement().satisfies((error) -> {
			assertThat(error.line()).isEqualTo(1);
			assertThat(error.column()).contains("sap_domain", "plain_english");
		});
	}

	@Test
	void reportsALineWithTheWrongNumberOfValues() {
		CsvResult read = VocabularyCsv.read(new StringReader(HEADER + "X-1,local,need\n"));
		assertThat(read.errors()).singleElement().extracting(CsvError::line).isEqualTo(2);
	}

	@Test
	void splitsSynonymsOnPipesAndTrimsThem() {
		CsvResult read = VocabularyCsv.read(new StringReader(HEADER + "X-1,local,need,safety,,T,T,P, a | b ||c,,\n"));
		assertThat(read.concepts()).singleElement().extracting(Concept::synonyms).isEqualTo(List.of("a", "b", "c"));
	}

	static String write(Collection<Concept> concepts) throws IOException {
		StringWriter writer = new StringWriter();
		VocabularyCsv.write(writer, concepts);
		return writer.toString();
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

}
