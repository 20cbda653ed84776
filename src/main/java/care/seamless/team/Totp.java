package care.seamless.team;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time codes (RFC 6238) over HOTP (RFC 4226) with HMAC-SHA1, 30-second
 * steps and six digits: the settings every authenticator app understands.
 */
final class Totp {

	static final int STEP_SECONDS = 30;

	static final int DIGITS = 6;

	// Codes from one step either side are accepted, for a phone clock a little out.
	static final int DRIFT_STEPS = 1;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Totp() {
	}

	/** 160 random bits, the key length RFC 4226 recommends. */
	static byte[] newSecret() {
		byte[] secret = new byte[20];
		RANDOM.nextBytes(secret);
		return secret;
	}

	static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
	}

	static String code(byte[] secret, long step, int digits) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			int modulus = (int) Math.pow(10, digits);
			return String.format("%0" + digits + "d", binary % modulus);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is not available", ex);
		}
	}

	/**
	 * The step whose code this is, within the allowed drift of {@code now}, or -1.
	 * Compares every candidate so the time taken does not say which one matched.
	 */
	static long matchingStep(byte[] secret, String typed, Instant now) {
		String code = typed.replaceAll("\\s", "");
		if (!code.matches("\\d{" + DIGITS + "}")) {
			return -1;
		}
		long current = step(now);
		long found = -1;
		for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
			if (java.security.MessageDigest.isEqual(code(secret, step, DIGITS).getBytes(), code.getBytes())) {
				found = step;
			}
		}
		return found;
	}

	/** RFC 4648 base32 without padding, as authenticator apps expect the secret typed. */
	static String base32(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

}
