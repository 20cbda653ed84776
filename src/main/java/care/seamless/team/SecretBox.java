package care.seamless.team;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the second-factor secrets with AES-GCM under a key kept outside the database:
 * {@code seamless.secret-key} (base64, 32 bytes) when set, otherwise a key file made once
 * in the data folder. A copy of the database alone then does not give the secrets away.
 */
@Component
class SecretBox {

	private static final int NONCE_BYTES = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	SecretBox(@Value("${seamless.secret-key:}") String configured, @Value("${seamless.data-dir}") String dataDir) {
		byte[] bytes = configured.isBlank() ? keyFile(Path.of(dataDir, "secret.key"))
				: Base64.getDecoder().decode(configured.strip());
		if (bytes.length != 32) {
			throw new IllegalStateException("seamless.secret-key must be 32 bytes, base64-encoded");
		}
		this.key = new SecretKeySpec(bytes, "AES");
	}

	byte[] seal(byte[] plain) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt a secret", ex);
		}
	}

	byte[] open(byte[] sealed) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
			return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A second-factor secret could not be decrypted: was the key changed?", ex);
		}
	}

	private static byte[] keyFile(Path file) {
		try {
			if (!Files.exists(file)) {
				byte[] fresh = new byte[32];
				RANDOM.nextBytes(fresh);
				Files.createDirectories(file.getParent());
				Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
				try {
					Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException ex) {
					// Not a POSIX file system; the folder's own permissions have to do.
				}
			}
			return Base64.getDecoder().decode(Files.readString(file).strip());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
