package care.seamless.linkage.cli;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import care.seamless.linkage.Record;
import care.seamless.linkage.Role;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code seamless link generate}: writes made-up people with known duplicates as CSV, the
 * person each record describes in the {@code person} column, for
 * {@code link evaluate --truth-column person}.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
		description = "Write synthetic people with known duplicates (truth in the 'person' column) as CSV.")
class GenerateCommand implements Callable<Integer> {

	static final List<Role> COLUMNS = List.of(Role.GIVEN_NAME, Role.FAMILY_NAME, Role.DATE_OF_BIRTH, Role.POSTCODE,
			Role.ADDRESS_1, Role.LOCALITY, Role.EMAIL, Role.SEX, Role.NHS_NUMBER);

	@Spec
	@Nullable CommandSpec spec;

	@Option(names = "--records", defaultValue = "20000", description = "How many records (default ${DEFAULT-VALUE}).")
	int records;

	@Option(names = "--output", required = true, description = "CSV file to write.")
	@Nullable Path output;

	@Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--hard",
			description = "Hard cases: households, no NHS numbers, and every duplicate with --errors errors.")
	boolean hard;

	@Option(names = "--no-date-of-birth", description = "With --hard: leave the date of birth out of every record.")
	boolean noDateOfBirth;

	@Option(names = "--errors", defaultValue = "3",
			description = "With --hard: errors per duplicate, each in a different field (default ${DEFAULT-VALUE}).")
	int errors;

	@Option(names = "--households", defaultValue = "0.3",
			description = "With --hard: share of people living with a namesake (default ${DEFAULT-VALUE}).")
	double households;

	@Override
	public Integer call() throws Exception {
		SyntheticPeople generator = new SyntheticPeople(seed);
		SyntheticPeople.People people = hard
				? generator.generate(records, new SyntheticPeople.Hard(!noDateOfBirth, households, errors))
				: generator.generate(records);
		write(people, output);
		spec.commandLine()
			.getOut()
			.printf(Locale.ROOT, "records=%d people=%d file=%s%n", people.records().size(),
					people.truth().stream().distinct().count(), output);
		spec.commandLine().getOut().flush();
		return 0;
	}

	static void write(SyntheticPeople.People people, Path file) throws Exception {
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
			List<Object> header = new ArrayList<>(List.of("id"));
			COLUMNS.forEach(role -> header.add(role.name().toLowerCase(Locale.ROOT)));
			header.add("person");
			csv.printRecord(header);
			for (int i = 0; i < people.records().size(); i++) {
				Record record = people.records().get(i);
				List<Object> row = new ArrayList<>(List.of(record.id()));
				COLUMNS.forEach(role -> row.add(record.value(role)));
				row.add(people.truth().get(i));
				csv.printRecord(row);
			}
		}
	}

}
