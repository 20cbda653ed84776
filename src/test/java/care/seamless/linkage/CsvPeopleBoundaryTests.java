package care.seamless.linkage;

import java.time.LocalDate;
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
