package care.seamless.population;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import care.seamless.shared.NhsNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeopleCsvTests {

	@Test
	void theSameSeedWritesTheSameFileOfValidPeople() throws Exception {
		String first = write(400, 11);
		assertThat(write(400, 11)).isEqualTo(first);
		assertThat(write(400, 12)).isNotEqualTo(first);
		List<String> lines = first.lines().toList();
		assertThat(lines).hasSize(401);
		assertThat(lines.get(0)).startsWith("nhs_number,title,given_name,family_name,date_of_birth");
		List<String> numbers = lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
		// About one in twelve has no number; the rest are valid and all different.
		assertThat(numbers.stream().filter(String::isEmpty).count()).isBetween(10L, 70L);
		List<String> given = numbers.stream().filter(n -> !n.isEmpty()).toList();
		assertThat(given).allMatch(NhsNumber::isValid).doesNotHaveDuplicates();
	}

	@Test
	void theFastCheckDigitIsTheRegistersCheckDigit() {
		for (long stem = 900_000_000L; stem < 900_200_000L; stem += 101) {
			assertThat(SyntheticPerson.withCheckDigit(stem)).isEqualTo(NhsNumber.withCheckDigit(Long.toString(stem)));
		}
	}

	@Test
	void nhsNumbersNeverRepeat() {
		long[] stems = new long[100_000];
		for (int i = 0; i < stems.length; i++) {
			stems[i] = Long.parseLong(SyntheticPerson.nhsNumber(42, i));
		}
		Arrays.sort(stems);
		for (int i = 1; i < stems.length; i++) {
			assertThat(stems[i]).isNotEqualTo(stems[i - 1]);
		}
		assertThat(NhsNumber.isValid(Long.toString(stems[0]))).isTrue();
	}

	private static String write(long people, long seed) throws Exception {
		StringWriter out = new StringWriter();
		new PeopleCsv().write(out, people, seed, n -> {
		});
		return out.toString();
	}

}
