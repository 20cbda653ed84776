package care.seamless.linkage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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

}
