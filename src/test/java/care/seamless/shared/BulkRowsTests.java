package care.seamless.shared;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rows written as bytes are the bytes of the text the writer built before ADR 98 (a
 * StringBuilder, then {@code getBytes(UTF_8)}), kept here as the reference.
 */
class BulkRowsTests {

	private enum Kind {

		SOME_VALUE

	}

	@Test
	void eachKindOfValueIsWrittenAsItsTextWas() {
		List<Object[]> rows = List.of(
				new Object[] { UUID.fromString("0192f3a4-5b6c-7d8e-9fa0-b1c2d3e4f506"), "9000000068", null, "Siu Lan",
						LocalDate.of(1951, 9, 12), Kind.SOME_VALUE, true, false, 0L, -1L, Long.MAX_VALUE,
						Long.MIN_VALUE, 7, Integer.MIN_VALUE, 2.5, Instant.parse("2026-12-06T23:02:34.250123Z") },
				new Object[] { "tab\there", "new\nline", "back\\slash", "cr\rhere", "nul\0gone", "\\N", "" },
				new Object[] { LocalDate.of(10_000, 1, 1), LocalDate.of(-1, 12, 31), LocalDate.of(0, 1, 1),
						LocalDate.of(999, 3, 4) },
				new Object[] { "Łukasz Müller", "Zoë O'Brien", "名前", "\u2400", "emoji \uD83D\uDE00 end",
						"half \uD83D pair", "low \uDE00 first", "ends high \uD83D", "\uDE00\uD83D",
						"\u07FF\u0800\uFFFF" },
				new Object[] { new StringBuilder("not a string"), UUID.randomUUID(), new UUID(0, 0),
						new UUID(-1, -1) });
		assertThat(written(rows)).isEqualTo(reference(rows));
	}

	@Test
	void randomTextIsWrittenAsItsTextWasAcrossManyFlushes() {
		Random random = new Random(98);
		List<Object[]> rows = new ArrayList<>();
		for (int r = 0; r < 20_000; r++) {
			Object[] row = new Object[6];
			for (int c = 0; c < row.length; c++) {
				char[] chars = new char[random.nextInt(40)];
				for (int i = 0; i < chars.length; i++) {
					chars[i] = switch (random.nextInt(4)) {
						case 0 -> (char) random.nextInt(0x80);
						case 1 -> (char) random.nextInt(0x800);
						default -> (char) random.nextInt(0x10000);
					};
				}
				row[c] = random.nextInt(10) == 0 ? null : new String(chars);
			}
			rows.add(row);
		}
		assertThat(written(rows)).isEqualTo(reference(rows));
	}

	private static byte[] written(List<Object[]> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		BulkRows writer = new BulkRows((bytes, length) -> out.write(bytes, 0, length));
		rows.forEach(writer::row);
		writer.flush();
		return out.toByteArray();
	}

	private static byte[] reference(List<Object[]> rows) {
		StringBuilder text = new StringBuilder();
		for (Object[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				if (i > 0) {
					text.append('\t');
				}
				Object value = row[i];
				if (value == null) {
					text.append("\\N");
				}
				else if (value instanceof Enum<?> e) {
					text.append(e.name());
				}
				else if (value instanceof Boolean || value instanceof Number || value instanceof UUID
						|| value instanceof LocalDate || value instanceof Instant) {
					text.append(value);
				}
				else {
					for (char c : value.toString().toCharArray()) {
						switch (c) {
							case '\\' -> text.append("\\\\");
							case '\t' -> text.append("\\t");
							case '\n' -> text.append("\\n");
							case '\r' -> text.append("\\r");
							case '\0' -> {
							}
							default -> text.append(c);
						}
					}
				}
			}
			text.append('\n');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

}
