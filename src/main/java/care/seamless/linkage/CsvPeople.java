package care.seamless.linkage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

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
		Checking checking = new Checking(today, ForkJoinPool.commonPool());
		records.forEach(checking);
		return checking.parsed();
	}

	/**
	 * A file's lines checked while it is still being read (ADR 120): each part of
	 * {@link #PART} lines is handed to the pool as soon as it is read, so one core reads
	 * the file while another checks what has been read; each line's own checks are their
	 * own (ADR 83). {@link #parsed} checks on the caller's thread whatever part no worker
	 * has started, then settles the number given twice, which compares lines, and the
	 * report's order, in file order.
	 */
	static final class Checking implements Consumer<Record> {

		static final int PART = 4_096;

		private final LocalDate today;

		private final Executor pool;

		private final List<FutureTask<Line[]>> parts = new ArrayList<>();

		private List<Record> part = new ArrayList<>(PART);

		private int read;

		// Whether any line has one of the columns a person needs (missingColumns).
		private boolean anyNeeded;

		Checking(LocalDate today, Executor pool) {
			this.today = today;
			this.pool = pool;
		}

		@Override
		public void accept(Record record) {
			anyNeeded = anyNeeded || !(record.value(Role.DATE_OF_BIRTH).isEmpty()
					&& record.value(Role.GIVEN_NAME).isEmpty() && record.value(Role.FAMILY_NAME).isEmpty());
			part.add(record);
			read++;
			if (part.size() == PART) {
				start();
			}
		}

		private void start() {
			List<Record> these = part;
			// The header is line 1.
			int first = read - these.size() + 2;
			FutureTask<Line[]> task = new FutureTask<>(() -> {
				Line[] lines = new Line[these.size()];
				for (int i = 0; i < lines.length; i++) {
					lines[i] = line(these.get(i), first + i, today);
				}
				return lines;
			});
			parts.add(task);
			pool.execute(task);
			part = new ArrayList<>(PART);
		}

		Parsed parsed() {
			if (!part.isEmpty()) {
				start();
			}
			List<ImportProblem> problems = new ArrayList<>(missingColumns(read, anyNeeded));
			List<ImportedPerson> people = new ArrayList<>(read);
			Map<String, Integer> nhsNumbers = new HashMap<>();
			// A part a worker has started is left to it; run() does nothing then.
			parts.forEach(FutureTask::run);
			for (FutureTask<Line[]> task : parts) {
				for (Line line : Waited.result(task, "checking a file's lines")) {
					problems.addAll(line.numberProblems());
					boolean twice = line.nhs() != null && nhsNumbers.putIfAbsent(line.nhs(), line.line()) != null;
					if (twice) {
						problems.add(new ImportProblem(line.line(), field(Role.NHS_NUMBER),
								"matching.import.error.nhsNumberTwice"));
					}
					problems.addAll(line.otherProblems());
					if (!twice && line.person() != null) {
						people.add(line.person());
					}
				}
			}
			return new Parsed(people, problems);
		}

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
	private static List<ImportProblem> missingColumns(int lines, boolean anyNeeded) {
		if (lines == 0) {
			return List.of(new ImportProblem(1, null, "matching.import.error.empty"));
		}
		if (!anyNeeded) {
			return List.of(new ImportProblem(1, null, "matching.import.error.columns"));
		}
		return List.of();
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
