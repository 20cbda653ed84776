package care.seamless.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NhsNumberTests {

	private static final Path PDS_EXAMPLES = Path.of("src", "test", "resources", "testdata", "nhs-pds-examples");

	@ParameterizedTest
	@ValueSource(strings = { "9434765919", "943 476 5919", "943-476-5919", "9000000009", "9912003888" })
	void acceptsNumbersWithAValidCheckDigit(String text) {
		assertThat(NhsNumber.isValid(text)).isTrue();
		assertThat(NhsNumber.parse(text).value()).hasSize(10).containsOnlyDigits();
	}

	@ParameterizedTest
	@ValueSource(strings = { "9434765918", "943476591", "94347659190", "94347659a9", "", "0000000001" })
	void rejectsWrongCheckDigitsLengthsAndLetters(String text) {
		assertThat(NhsNumber.isValid(text)).isFalse();
	}

	@Test
	void rejectsNineDigitsWhoseCheckWouldBeTen() {
		// 1,0,0,0,0,0,0,0,1 weighted 10..2 sums to 12; 12 mod 11 = 1, so the check digit
		// would be 10: no valid number.
		for (int check = 0; check <= 9; check++) {
			assertThat(NhsNumber.isValid("100000001" + check)).isFalse();
		}
	}

	@Test
	void refusesToConstructAnInvalidNumber() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NhsNumber("9434765918"));
	}

	@Test
	void formatsInThreeThreeFourGroups() {
		assertThat(NhsNumber.parse("9434765919").formatted()).isEqualTo("943 476 5919");
	}

	@Test
	void checksEveryNhsNumberInThePdsExamples() throws IOException {
		Set<String> valid = new TreeSet<>();
		Set<String> invalid = new TreeSet<>();
		Pattern nhs = Pattern.compile("nhs-number\"\\s*,\\s*\"value\"\\s*:\\s*\"(\\d{10})\"");
		try (Stream<Path> files = Files.walk(PDS_EXAMPLES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
				Matcher matcher = nhs.matcher(Files.readString(file).replaceAll("\\s+", " "));
				while (matcher.find()) {
					(NhsNumber.isValid(matcher.group(1)) ? valid : invalid).add(matcher.group(1));
				}
			}
		}
		// The published PDS test patients; 9000000015 in PatientCompoundName.json has no
		// valid check digit, and the
		// validator must say so rather than trust the example.
		assertThat(valid).contains("9000000009", "9000000017", "9000000025", "9000000033");
		assertThat(invalid).containsExactly("9000000015");
	}

}
