package care.seamless.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for a PostgreSQL {@code COPY ... FROM STDIN} in its text format, streamed to the
 * server as they are written: the one bulk path a module offers for filling its own
 * tables (ADR 45), so a million rows cost one statement, not a million. The values of a
 * row follow the column list the owning module publishes with its table. Rows are encoded
 * straight into UTF-8 bytes, the bytes {@code String.getBytes(UTF_8)} gives for the row's
 * text (ADR 98).
 */
public final class BulkRows {

	private static final int FLUSH_AT = 1 << 20;

	private static final byte[] NULL = { '\\', 'N' };

	private static final byte[] TRUE = { 't', 'r', 'u', 'e' };

	private static final byte[] FALSE = { 'f', 'a', 'l', 's', 'e' };

	private static final byte[] HEX = { '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e',
			'f' };

	/** Where the bytes go: the COPY, or a test's buffer. */
	interface Sink {

		void write(byte[] bytes, int length) throws SQLException;

	}

	private final Sink sink;

	// Bytes, not a StringBuilder: a builder that once held a character beyond Latin-1
	// stays two bytes a character, and turning it into a String and then into UTF-8
	// for each flush was most of what a bulk import allocated for its rows (ADR 98).
	private byte[] buffer = new byte[FLUSH_AT + 4096];

	private int length;

	private long rows;

	BulkRows(Sink sink) {
		this.sink = sink;
	}

	/** The table a {@code copy TABLE (...) from stdin} statement loads. */
	public static String tableOf(String copySql) {
		return copySql.replaceFirst("^copy (\\S+) .*$", "$1");
	}

	/**
	 * Refreshes the planner's statistics for a table just loaded, on the connection of
	 * the loading transaction, so the first queries after a load do not plan for an empty
	 * table.
	 */
	public static void analyse(Connection connection, String table) {
		try (var statement = connection.createStatement()) {
			statement.execute("analyze " + table);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException("analyze failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Runs {@code copySql} on the connection (which stays the caller's, in its
	 * transaction) and hands the writer to {@code rows}. Returns the rows written.
	 */
	public static long copy(Connection connection, String copySql, Consumer<BulkRows> rows) {
		try {
			CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
			BulkRows writer = new BulkRows((bytes, length) -> in.writeToCopy(bytes, 0, length));
			try {
				rows.accept(writer);
				writer.flush();
				in.endCopy();
			}
			finally {
				if (in.isActive()) {
					in.cancelCopy();
				}
			}
			return writer.rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY failed: " + ex.getMessage(), ex);
		}
	}

	/** One row: values in the table's published column order; null for SQL null. */
	public void row(@Nullable Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				put('\t');
			}
			append(values[i]);
		}
		put('\n');
		rows++;
		if (length >= FLUSH_AT) {
			flush();
		}
	}

	// The text each type's toString gives, which PostgreSQL parses; written without
	// making that String where it is simple to.
	private void append(@Nullable Object value) {
		if (value == null) {
			put(NULL);
		}
		else if (value instanceof String text) {
			escape(text);
		}
		else if (value instanceof Enum<?> e) {
			escape(e.name());
		}
		else if (value instanceof UUID uuid) {
			uuid(uuid);
		}
		else if (value instanceof Long number) {
			number(number);
		}
		else if (value instanceof Integer number) {
			number(number);
		}
		else if (value instanceof Boolean bool) {
			put(bool ? TRUE : FALSE);
		}
		else if (value instanceof LocalDate date && date.getYear() >= 0 && date.getYear() <= 9999) {
			date(date);
		}
		else {
			// Other numbers, times, a date outside four-digit years: as they print.
			escape(value.toString());
		}
	}

	// The text format's escapes: a tab, newline or backslash inside a value would
	// otherwise end a column or a row, and a NUL cannot be stored in PostgreSQL text.
	private void escape(String text) {
		room(text.length() * 3 + 2);
		int n = text.length();
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				switch (c) {
					case '\\' -> {
						buffer[length++] = '\\';
						buffer[length++] = '\\';
					}
					case '\t' -> {
						buffer[length++] = '\\';
						buffer[length++] = 't';
					}
					case '\n' -> {
						buffer[length++] = '\\';
						buffer[length++] = 'n';
					}
					case '\r' -> {
						buffer[length++] = '\\';
						buffer[length++] = 'r';
					}
					case '\0' -> {
					}
					default -> buffer[length++] = (byte) c;
				}
			}
			else if (c < 0x800) {
				buffer[length++] = (byte) (0xc0 | (c >> 6));
				buffer[length++] = (byte) (0x80 | (c & 0x3f));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
				int code = Character.toCodePoint(c, text.charAt(++i));
				buffer[length++] = (byte) (0xf0 | (code >> 18));
				buffer[length++] = (byte) (0x80 | ((code >> 12) & 0x3f));
				buffer[length++] = (byte) (0x80 | ((code >> 6) & 0x3f));
				buffer[length++] = (byte) (0x80 | (code & 0x3f));
			}
			else if (Character.isSurrogate(c)) {
				// What String.getBytes writes for half a pair.
				buffer[length++] = '?';
			}
			else {
				buffer[length++] = (byte) (0xe0 | (c >> 12));
				buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
				buffer[length++] = (byte) (0x80 | (c & 0x3f));
			}
		}
	}

	private void uuid(UUID uuid) {
		room(36);
		hex(uuid.getMostSignificantBits() >>> 32, 8);
		buffer[length++] = '-';
		hex(uuid.getMostSignificantBits() >>> 16, 4);
		buffer[length++] = '-';
		hex(uuid.getMostSignificantBits(), 4);
		buffer[length++] = '-';
		hex(uuid.getLeastSignificantBits() >>> 48, 4);
		buffer[length++] = '-';
		hex(uuid.getLeastSignificantBits(), 12);
	}

	private void hex(long bits, int digits) {
		for (int i = digits - 1; i >= 0; i--) {
			buffer[length + i] = HEX[(int) (bits & 0xf)];
			bits >>>= 4;
		}
		length += digits;
	}

	private void number(long number) {
		if (number == Long.MIN_VALUE) {
			escape(Long.toString(number));
			return;
		}
		room(20);
		if (number < 0) {
			buffer[length++] = '-';
			number = -number;
		}
		int digits = 1;
		for (long rest = number / 10; rest > 0; rest /= 10) {
			digits++;
		}
		digits(number, digits);
	}

	// ISO, as LocalDate prints a year of four digits.
	private void date(LocalDate date) {
		room(10);
		digits(date.getYear(), 4);
		buffer[length++] = '-';
		digits(date.getMonthValue(), 2);
		buffer[length++] = '-';
		digits(date.getDayOfMonth(), 2);
	}

	// The last count digits of a value not below 0, leading zeros included.
	private void digits(long value, int count) {
		for (int i = count - 1; i >= 0; i--) {
			buffer[length + i] = (byte) ('0' + value % 10);
			value /= 10;
		}
		length += count;
	}

	private void put(char c) {
		room(1);
		buffer[length++] = (byte) c;
	}

	private void put(byte[] bytes) {
		room(bytes.length);
		System.arraycopy(bytes, 0, buffer, length, bytes.length);
		length += bytes.length;
	}

	private void room(int more) {
		if (length + more > buffer.length) {
			buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
		}
	}

	/** Sends what is buffered. */
	void flush() {
		if (length == 0) {
			return;
		}
		try {
			sink.write(buffer, length);
		}
		catch (SQLException ex) {
			throw new UncheckedIOException(new IOException("COPY failed: " + ex.getMessage(), ex));
		}
		length = 0;
	}

}
