package care.seamless.team;

import java.io.ByteArrayOutputStream;
import java.time.Instant;

/**
 * What an authenticator app does with the key it was given: the current code. For tests
 * in other packages, which cannot reach {@link Totp}.
 */
public final class TotpCodes {

	private TotpCodes() {
	}

	/** The code for this step of time, from the key as the setup page shows it. */
	public static String code(String shownKey, long step) {
		return Totp.code(fromBase32(shownKey.replace(" ", "")), step, Totp.DIGITS);
	}

	public static long stepNow() {
		return Totp.step(Instant.now());
	}

	public static byte[] fromBase32(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : text.toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

}
