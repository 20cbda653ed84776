package care.seamless.terminology.web;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded text file read strictly as UTF-8, or the reason it cannot be. A spreadsheet
 * saved in another encoding would otherwise import with its accented letters and pound
 * signs silently garbled.
 *
 * @param problem a message key for the person, or null when the text is usable
 */
record UploadedText(String fileName, String text, @Nullable String problem) {

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	static UploadedText of(@Nullable MultipartFile file) throws IOException {
		boolean chosen = file != null && file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
		if (file == null || (file.isEmpty() && !chosen)) {
			return new UploadedText("", "", "terminology.import.noFile");
		}
		String name = chosen ? file.getOriginalFilename() : "upload.csv";
		if (file.isEmpty()) {
			return new UploadedText(name, "", "terminology.import.emptyFile");
		}
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file.getBytes()))
				.toString();
			// Excel's "CSV UTF-8" starts the file with a byte order mark, which would
			// otherwise become part of the first column's name.
			if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
				text = text.substring(1);
			}
			return new UploadedText(name, text, null);
		}
		catch (CharacterCodingException ex) {
			return new UploadedText(name, "", "terminology.import.notUtf8");
		}
	}

	Reader reader() {
		return new StringReader(this.text);
	}

}
