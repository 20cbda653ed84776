package care.seamless.linkage;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class CsvPeopleBoundaryTests {

	private static Record person(String id, String given) {
		return Record.of(id,
				Map.of(Role.GIVEN_NAME, given, Role.FAMILY_NAME, "Okafor", Role.DATE_OF_BIRTH, "1950-02-03"));
	}

	@Test
	void reportsANulOrAHugeValueByLineLikeAnyOtherBadLine() {
		CsvPeople.Parsed parsed = CsvPeople.parse(
				List.of(person("1", "Ada"), person("2", "Ad\u0000a"), person("3", "x".repeat(1_000_000))),
				LocalDate.of(2026, 12, 5));
		assertThat(parsed.people()).extracting(ImportedPerson::line).containsExactly(2);
		assertThat(parsed.problems()).containsExactly(new ImportProblem(3, null, "matching.import.error.unstorable"),
				new ImportProblem(4, null, "matching.import.error.unstorable"));
	}

	/**
	 * Lines are checked on every core (ADR 83), yet the problems come in file order, a
	 * line's own in the order checked, and the first line to give a number keeps it
	 * wherever the lines fell: a file big enough to be split.
	 */
	@Test
	void aBigFileCheckedInPartsReportsInFileOrderAndTheFirstNumberKeepsIt() {
		List<Record> file = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			file.add(person(String.valueOf(i), "Ada"));
		}
		file.set(5_000, withNhsNumber("Ada", "1950-02-03", "9434765919"));
		file.set(10_000, withNhsNumber("Ada", "1950-02-03", "9434765918"));
		file.set(12_000, Record.of("x", Map.of(Role.FAMILY_NAME, "Okafor", Role.DATE_OF_BIRTH, "2099-01-01")));
		file.set(15_000, withNhsNumber("Ada", "1950-02-03", "943 476 5919"));
		file.set(16_000, withNhsNumber(" ", "1950-02-03", "9434765919"));
		file.set(17_000, withNhsNumber("Ad\u0000a", "1950-02-03", "9434765919"));

		CsvPeople.Parsed parsed = CsvPeople.parse(file, LocalDate.of(2026, 12, 5));

		assertThat(parsed.problems()).containsExactly(
				new ImportProblem(10_002, "nhs_number", "matching.import.error.nhsNumber"),
				new ImportProblem(12_002, "given_name", "matching.import.error.givenName"),
				new ImportProblem(12_002, "date_of_birth", "matching.import.error.dateOfBirthFuture"),
				new ImportProblem(15_002, "nhs_number", "matching.import.error.nhsNumberTwice"),
				new ImportProblem(16_002, "nhs_number", "matching.import.error.nhsNumberTwice"),
				new ImportProblem(16_002, "given_name", "matching.import.error.givenName"),
				new ImportProblem(17_002, null, "matching.import.error.unstorable"));
		assertThat(parsed.people()).hasSize(20_000 - 5).extracting(ImportedPerson::line).isSorted();
		assertThat(parsed.people().get(5_000).line()).isEqualTo(5_002);
		assertThat(parsed.people().get(5_000).details().nhsNumber()).isEqualTo("9434765919");
	}

	/**
	 * A file's lines are checked while it is still being read (ADR 120): every whole part
	 * is handed over before the reader reaches the end of the file, yet a bad line at the
	 * very end is reported with the rest, in file order, and nobody on a bad line is
	 * kept, exactly as when the file is checked once read whole.
	 */
	@Test
	void aFileIsCheckedWhileItIsReadAndALateBadLineIsStillReported() throws Exception {
		int lines = CsvPeople.Checking.PART * 2 + 10;
		StringBuilder csv = new StringBuilder("given_name,family_name,date_of_birth,nhs_number\n");
		for (int i = 0; i < lines - 1; i++) {
			csv.append(i == 3 ? "Ada,Okafor,1950-02-03,9434765919\n" : "Ada,Okafor,1950-02-03,\n");
		}
		csv.append(",Okafor,1950-02-03,943 476 5919\n");
		List<Integer> handedAtTheEnd = new ArrayList<>();
		List<Runnable> handed = new ArrayList<>();
		Reader file = new StringReader(csv.toString()) {
			@Override
			public int read(char[] into, int from, int length) throws IOException {
				int read = super.read(into, from, length);
				if (read < 0 && handedAtTheEnd.isEmpty()) {
					handedAtTheEnd.add(handed.size());
				}
				return read;
			}
		};
		LocalDate today = LocalDate.of(2026, 12, 5);
		CsvPeople.Checking checking = new CsvPeople.Checking(today, task -> {
			handed.add(task);
			task.run();
		});

		new RecordReader(Map.of(), Truth.none()).read(file, checking);
		CsvPeople.Parsed parsed = checking.parsed();

		assertThat(handedAtTheEnd).containsExactly(2);
		assertThat(parsed.problems()).containsExactly(
				new ImportProblem(lines + 1, "nhs_number", "matching.import.error.nhsNumberTwice"),
				new ImportProblem(lines + 1, "given_name", "matching.import.error.givenName"));
		assertThat(parsed.people()).hasSize(lines - 1).extracting(ImportedPerson::line).isSorted();
		List<Record> whole = new RecordReader(Map.of(), Truth.none()).read(new StringReader(csv.toString())).records();
		assertThat(parsed).isEqualTo(CsvPeople.parse(whole, today));
	}

	private static Record withNhsNumber(String given, String born, String nhs) {
		return Record.of("n", Map.of(Role.GIVEN_NAME, given, Role.FAMILY_NAME, "Okafor", Role.DATE_OF_BIRTH, born,
				Role.NHS_NUMBER, nhs));
	}

	/**
	 * The command line and the FHIR API print a problem without a page to resolve its
	 * message on: each must read as the page's words, never as a message key.
	 */
	@Test
	void eachProblemReadsInWordsWithItsLineForTheCommandLineAndWithoutItForFhir() {
		Record twice = Record.of("3", Map.of(Role.GIVEN_NAME, "Zoë", Role.FAMILY_NAME, "Okafor", Role.DATE_OF_BIRTH,
				"1950-02-03", Role.NHS_NUMBER, "943 476 5919"));
		Record first = Record.of("2", Map.of(Role.GIVEN_NAME, "Ada", Role.FAMILY_NAME, "Okafor", Role.DATE_OF_BIRTH,
				"1950-02-03", Role.NHS_NUMBER, "9434765919"));
		Record future = Record.of("4",
				Map.of(Role.GIVEN_NAME, "Łucja", Role.FAMILY_NAME, "Nowak", Role.DATE_OF_BIRTH, "2099-01-01"));
		Record unnamed = Record.of("5", Map.of(Role.FAMILY_NAME, "Nowak", Role.DATE_OF_BIRTH, "1950-02-03"));
		CsvPeople.Parsed parsed = CsvPeople.parse(List.of(first, twice, future, unnamed), LocalDate.of(2026, 12, 5));

		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages/matching");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		assertThat(parsed.problems()).hasSize(3)
			.allSatisfy((problem) -> assertThat(problem.describe(messages)).doesNotContain("matching.")
				.startsWith("Line " + problem.line() + ": "));
		assertThat(parsed.problems()).map((problem) -> problem.describe(messages))
			.contains("Line 3: this NHS number is also on an earlier line of the file", "Line 5: enter a given name");
		assertThat(parsed.problems()).map((problem) -> problem.reason(messages))
			.contains("this NHS number is also on an earlier line of the file", "enter a given name");
	}

}
