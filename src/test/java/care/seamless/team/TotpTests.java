package care.seamless.team;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The code computation against the published test values of RFC 4226 and RFC 6238. */
class TotpTests {

	private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void matchesTheHotpTestValuesOfRfc4226() {
		String[] expected = { "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871",
				"520489" };
		for (int counter = 0; counter < expected.length; counter++) {
			assertThat(Totp.code(RFC_SECRET, counter, 6)).as("counter %d", counter).isEqualTo(expected[counter]);
		}
	}

	@Test
	void matchesTheSha1TotpTestValuesOfRfc6238() {
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)), 8)).isEqualTo("94287082");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)), 8)).isEqualTo("07081804");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890)), 8)).isEqualTo("89005924");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(20000000000L)), 8)).isEqualTo("65353130");
	}

	@Test
	void acceptsOneStepEitherSideAndNoMore() {
		Instant now = Instant.ofEpochSecond(1234567890);
		long step = Totp.step(now);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1, 6), now)).isEqualTo(step - 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1, 6), now)).isEqualTo(step + 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2, 6), now)).isEqualTo(-1);
		assertThat(Totp.matchingStep(RFC_SECRET, "12345", now)).isEqualTo(-1);
		assertThat(Totp.matchingStep(RFC_SECRET, "abcdef", now)).isEqualTo(-1);
		assertThat(Totp.matchingStep(RFC_SECRET, "1234567\u0000", now)).isEqualTo(-1);
	}

	@Test
	void base32IsWhatAuthenticatorAppsRead() {
		// RFC 4648 test vectors.
		assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(Totp.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
		byte[] secret = Totp.newSecret();
		assertThat(TotpCodes.fromBase32(Totp.base32(secret))).isEqualTo(secret);
	}

}
