package care.seamless.terminology;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes vocabularies as CSV, the format partners can edit in a spreadsheet.
 * Reading never throws on bad content: every problem is reported with its line and column
 * so the whole file can be fixed in one go.
 */
public final class VocabularyCsv {

	static final List<String> COLUMNS = List.of("code", "system", "kind", "sap_domain", "care_act_outcome",
			"health_term", "social_care_term", "plain_english", "synonyms", "snomed", "icf");

	private static final CSVFormat READ_FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setTrim(true)
		.setIgnoreEmptyLines(true)
		.get();

	private static final CSVFormat WRITE_FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader(COLUMNS.toArray(String[]::new))
		.setRecordSeparator('\n')
		.get();

	private VocabularyCsv() {
	}

	public static CsvResult read(Reader reader) {
		List<Concept> concepts = new ArrayList<>();
		List<CsvError> errors = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(reader, READ_FORMAT)) {
			List<String> missing = COLUMNS.stream()
				.filter((column) -> !parser.getHeaderMap().containsKey(column))
				.toList();
			if (!missing.isEmpty()) {
				return new CsvResult(List.of(), List.of(new CsvError(1, String.join(", ", missing), "missing column")));
			}
			readRecords(parser, concepts, errors);
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException ex) {
			// commons-csv reports malformed quoting and duplicate headers this way; it
			// carries its own position.
			errors.add(new CsvError(0, "", "the file could not be read as CSV: " + ex.getMessage()));
		}
		return new CsvResult(concepts, errors);
	}

	private static void readRecords(CSVParser parser, List<Concept> concepts, List<CsvError> errors) {
		Map<String, Integer> firstLineOfCode = new HashMap<>();
		Iterator<CSVRecord> records = parser.iterator();
		while (true) {
			// Taken before reading, so a quoted value spanning lines still reports the
			// line the record starts on.
			int line = (int) parser.getCurrentLineNumber() + 1;
			if (!records.hasNext()) {
				return;
			}
			ConceptLine row = new ConceptLine(records.next(), line, errors);
			Concept concept = row.toConcept();
			if (concept == null) {
				continue;
			}
			Integer first = firstLineOfCode.putIfAbsent(concept.code(), line);
			if (first != null) {
				errors
					.add(new CsvError(line, "code", "duplicate code '" + concept.code() + "', first on line " + first));
			}
			else {
				concepts.add(concept);
			}
		}
	}

	public static void write(Writer writer, Collection<Concept> concepts) throws IOException {
		try (CSVPrinter printer = new CSVPrinter(writer, WRITE_FORMAT)) {
			for (Concept concept : concepts) {
				printer.printRecord(concept.code(), concept.system().code(), concept.kind().code(),
						concept.sapDomain().code(), codeOrEmpty(concept.careActOutcome()), concept.healthTerm(),
						concept.socialCareTerm(), concept.plainEnglish(), String.join("|", concept.synonyms()),
						Objects.toString(concept.snomed(), ""), Objects.toString(concept.icf(), ""));
			}
		}
	}

	private static String codeOrEmpty(@Nullable CareActOutcome outcome) {
		return (outcome != null) ? outcome.code() : "";
	}

}
