package care.seamless.population;

import java.io.IOException;
import java.io.Writer;
import java.util.function.LongConsumer;

import org.springframework.stereotype.Component;

/**
 * The population's people as a CSV file for {@code import}, with headers the import
 * recognises. The same seed gives the same people as {@link Population}, so a file made
 * with the database's seed is a second source sending everyone again.
 */
@Component
public class PeopleCsv {

	private static final String HEADER = "nhs_number,title,given_name,family_name,date_of_birth,sex,address_1,town,postcode,phone\n";

	/** Writes {@code people} people; reports every ten thousand to {@code progress}. */
	public void write(Writer out, long people, long seed, LongConsumer progress) throws IOException {
		out.write(HEADER);
		StringBuilder line = new StringBuilder(256);
		for (long i = 0; i < people; i++) {
			SyntheticPerson p = SyntheticPerson.make(seed, i);
			line.setLength(0);
			field(line, p.nhsNumber()).append(',');
			field(line, p.title()).append(',');
			field(line, p.givenName()).append(',');
			field(line, p.familyName()).append(',');
			line.append(p.dateOfBirth()).append(',');
			line.append(p.sex()).append(',');
			field(line, p.addressLine1()).append(',');
			field(line, p.town()).append(',');
			field(line, p.postcode()).append(',');
			field(line, p.phone()).append('\n');
			out.append(line);
			if ((i + 1) % 10_000 == 0) {
				progress.accept(10_000);
			}
		}
	}

	private static StringBuilder field(StringBuilder line, String value) {
		if (value == null) {
			return line;
		}
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0) {
			return line.append(value);
		}
		return line.append('"').append(value.replace("\"", "\"\"")).append('"');
	}

}
