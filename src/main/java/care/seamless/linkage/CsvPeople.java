package care.seamless.linkage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import care.seamless.person.PersonDetails;
import care.seamless.person.Sex;
import care.seamless.shared.CalendarDates;
import care.seamless.shared.NhsNumber;
import org.jspecify.annotations.Nullable;

/**
 * Turns the rows of a people CSV (columns recognised as {@link RecordReader} does) into
 * people to import, and finds every problem that would stop a row being registered.
 */
final class CsvPeople {

	private static final int MAX_VALUE_LENGTH = 1_000;

	record Parsed(List<ImportedPerson> people, List<ImportProblem> problems) {

	}

	private CsvPeople() {
	}

	static Parsed parse(List<Record> records, LocalDate today) {
		// Each line's own checks on every core (ADR 83); the number given twice, which
		// compares lines, and the report's order are settled after, in file order.
		Line[] lines = IntStream.range(0, records.size())
			.parallel()
			.mapToObj(i -> line(records.get(i), i + 2, today))
			.toArray(Line[]::new);
		List<ImportedPerson> people = new ArrayList<>(records.size());
		List<ImportProblem> problems = new ArrayList<>(missingColumns(records));
		Map<String, Integer> nhsNumbers = new HashMap<>();
		for (Line line : lines) {
			problems.addAll(line.numberProblems());
			boolean twice = line.nhs() != null && nhsNumbers.putIfAbsent(line.nhs(), line.line()) != null;
			if (twice) {
				problems.add(
						new ImportProblem(line.line(), field(Role.NHS_NUMBER), "matching.import.error.nhsNumberTwice"));
			}
			problems.addAll(line.otherProblems());
			if (!twice && line.person() != null) {
				people.add(line.person());
			}
		}
		return new Parsed(people, problems);
	}

	/**
	 * One line's checks: the problems found before and after the NHS number's check
	 * against earlier lines, and the person if it has neither.
	 */
	private record Line(int line, @Nullable String nhs, List<ImportProblem> numberProblems,
			List<ImportProblem> otherProblems, @Nullable ImportedPerson person) {
	}

	// The header is line 1.
	private static Line line(Record record, int line, LocalDate today) {
		if (unstorable(record)) {
			return new Line(line, null, List.of(new ImportProblem(line, null, "matching.import.error.unstorable")),
					List.of(), null);
		}
		List<ImportProblem> numberProblems = new ArrayList<>(0);
		String nhs = nhsNumber(record, line, numberProblems);
		List<ImportProblem> otherProblems = new ArrayList<>(0);
		require(record, Role.GIVEN_NAME, line, "matching.import.error.givenName", otherProblems);
		require(record, Role.FAMILY_NAME, line, "matching.import.error.familyName", otherProblems);
		LocalDate born = dateOfBirth(record, line, today, otherProblems);
		ImportedPerson person = numberProblems.isEmpty() && otherProblems.isEmpty() && born != null
				? new ImportedPerson(line, details(record, nhs, born)) : null;
		return new Line(line, nhs, numberProblems, otherProblems, person);
	}

	/**
	 * A NUL (which PostgreSQL refuses) or another control character, or a value longer
	 * than any field of a person holds: the line is reported like any other bad line.
	 */
	private static boolean unstorable(Record record) {
		for (String value : record.values().values()) {
			if (value.length() > MAX_VALUE_LENGTH) {
				return true;
			}
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (Character.isISOControl(c) && c != '\t') {
					return true;
				}
			}
		}
		return false;
	}

	// A file without the columns at all gets one message, not one per line.
	private static List<ImportProblem> missingColumns(List<Record> records) {
		List<ImportProblem> problems = new ArrayList<>();
		if (records.isEmpty()) {
			problems.add(new ImportProblem(1, null, "matching.import.error.empty"));
			return problems;
		}
		if (records.stream()
			.allMatch(record -> record.value(Role.DATE_OF_BIRTH).isEmpty() && record.value(Role.GIVEN_NAME).isEmpty()
					&& record.value(Role.FAMILY_NAME).isEmpty())) {
			problems.add(new ImportProblem(1, null, "matching.import.error.columns"));
		}
		return problems;
	}

	private static void require(Record record, Role role, int line, String key, List<ImportProblem> problems) {
		if (record.value(role).isBlank()) {
			problems.add(new ImportProblem(line, field(role), key));
		}
	}

	private static @Nullable String nhsNumber(Record record, int line, List<ImportProblem> problems) {
		String raw = record.value(Role.NHS_NUMBER);
		if (raw.isBlank()) {
			return null;
		}
		String nhs = NhsNumber.normalise(raw);
		if (!NhsNumber.isValid(nhs)) {
			problems.add(new ImportProblem(line, field(Role.NHS_NUMBER), "matching.import.error.nhsNumber"));
			return null;
		}
		return nhs;
	}

	private static @Nullable LocalDate dateOfBirth(Record record, int line, LocalDate today,
			List<ImportProblem> problems) {
		String raw = record.value(Role.DATE_OF_BIRTH).trim();
		if (raw.isEmpty()) {
			problems.add(new ImportProblem(line, field(Role.DATE_OF_BIRTH), "matching.import.error.dateOfBirth"));
			return null;
		}
		// ISO, the day-first forms UK files use, and FEBRL's bare digits, all strict.
		LocalDate date = CalendarDates.parse(raw).orElse(null);
		if (date != null && date.isAfter(today)) {
			problems.add(new ImportProblem(line, field(Role.DATE_OF_BIRTH), "matching.import.error.dateOfBirthFuture"));
			return null;
		}
		if (date != null) {
			return date;
		}
		problems.add(new ImportProblem(line, field(Role.DATE_OF_BIRTH), "matching.import.error.dateOfBirthFormat"));
		return null;
	}

	private static String field(Role role) {
		return role.name().toLowerCase(Locale.ROOT);
	}

	private static PersonDetails details(Record record, @Nullable String nhs, LocalDate born) {
		String street = street(record.value(Role.STREET_NUMBER), record.value(Role.ADDRESS_1));
		return new PersonDetails(nhs, null, record.value(Role.GIVEN_NAME).trim(), record.value(Role.FAMILY_NAME).trim(),
				null, null, born, sex(record.value(Role.SEX)), null, orNull(street),
				orNull(record.value(Role.ADDRESS_2)), orNull(record.value(Role.LOCALITY)),
				orNull(record.value(Role.POSTCODE)), orNull(record.value(Role.PHONE)), orNull(record.value(Role.EMAIL)),
				null, false, null);
	}

	// The number and the first line joined by a space and trimmed; either alone is only
	// trimmed, which for a value already trimmed makes no new String (ADR 98).
	private static String street(String number, String line) {
		if (number.isEmpty()) {
			return line.trim();
		}
		return line.isEmpty() ? number.trim() : String.join(" ", number, line).trim();
	}

	private static Sex sex(String raw) {
		String value = raw.trim().toLowerCase(Locale.ROOT);
		if (value.equals("f") || value.equals("female")) {
			return Sex.FEMALE;
		}
		if (value.equals("m") || value.equals("male")) {
			return Sex.MALE;
		}
		// Anything else is not guessed at.
		return value.equals("o") || value.equals("other") ? Sex.OTHER : Sex.UNKNOWN;
	}

	private static @Nullable String orNull(String value) {
		return value.isBlank() ? null : value.trim();
	}

}
