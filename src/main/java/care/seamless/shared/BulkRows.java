package care.seamless.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

	// Null for the text format; for the binary one, each column's type in order.
	private final Column @Nullable [] columns;

	// Bytes, not a StringBuilder: a builder that once held a character beyond Latin-1
	// stays two bytes a character, and turning it into a String and then into UTF-8
	// for each flush was most of what a bulk import allocated for its rows (ADR 98).
	private byte[] buffer = new byte[FLUSH_AT + 4096];

	private int length;

	private long rows;

	BulkRows(Sink sink) {
		this.sink = sink;
		this.columns = null;
	}

	// Binary: the header goes first, before any row.
	BulkRows(Sink sink, List<Column> columns) {
		this.sink = sink;
		this.columns = columns.toArray(Column[]::new);
		put(BINARY_HEADER);
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
		return copy(connection, copySql, null, rows);
	}

	/**
	 * {@link #copy}, in PostgreSQL's binary format (ADR 103): each value goes as the
	 * bytes the column's type stores, so the server neither splits lines nor parses the
	 * text of a uuid, a date or a time. For the bulk writers whose rows are most of an
	 * import's work. The columns' types are read from the catalog first, and each value
	 * must be of the Java type its column takes ({@link Column}): a value of another type
	 * fails the COPY rather than be stored as some other type's bytes.
	 */
	public static long copyBinary(Connection connection, String copySql, Consumer<BulkRows> rows) {
		return copy(connection, copySql.strip() + " with (format binary)", columnsOf(connection, copySql), rows);
	}

	// The text format without columns, the binary one with their types.
	private static long copy(Connection connection, String copySql, @Nullable List<Column> columns,
			Consumer<BulkRows> rows) {
		try {
			CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
			Sink sink = (bytes, length) -> in.writeToCopy(bytes, 0, length);
			BulkRows writer = columns == null ? new BulkRows(sink) : new BulkRows(sink, columns);
			try {
				rows.accept(writer);
				if (columns != null) {
					writer.put(BINARY_TRAILER);
				}
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

	/** The types a binary COPY writes, each with the one Java type it takes. */
	enum Column {

		/** {@link UUID}. */
		UUID_COLUMN,
		/** {@link String}, or an {@link Enum}'s name. */
		TEXT,
		/** {@link LocalDate}. */
		DATE,
		/** {@link Boolean}. */
		BOOLEAN,
		/** {@link Long} or {@link Integer}. */
		BIGINT,
		/** {@link Integer}. */
		INTEGER,
		/** {@link Instant}, to the microsecond. */
		TIMESTAMPTZ;

		static Column of(String type) {
			return switch (type) {
				case "uuid" -> UUID_COLUMN;
				case "text" -> TEXT;
				case "date" -> DATE;
				case "boolean" -> BOOLEAN;
				case "bigint" -> BIGINT;
				case "integer" -> INTEGER;
				case "timestamp with time zone" -> TIMESTAMPTZ;
				default -> throw new IllegalArgumentException("No binary COPY for a column of type " + type);
			};
		}

	}

	private static final java.util.regex.Pattern COPY_COLUMNS = java.util.regex.Pattern
		.compile("^copy (\\S+) \\(([^)]*)\\) from stdin$");

	// The types of the COPY's columns, in its order, as the catalog has them.
	static List<Column> columnsOf(Connection connection, String copySql) {
		var statement = COPY_COLUMNS.matcher(copySql.strip().replaceAll("\\s+", " "));
		if (!statement.matches()) {
			throw new IllegalArgumentException("Not a COPY of named columns from stdin: " + copySql);
		}
		String[] names = statement.group(2).split(",");
		List<Column> columns = new ArrayList<>(names.length);
		try (var query = connection.prepareStatement("""
				select format_type(a.atttypid, null) from pg_attribute a
				where a.attrelid = cast(? as regclass) and a.attname = ? and a.attnum > 0 and not a.attisdropped
				""")) {
			for (String name : names) {
				query.setString(1, statement.group(1));
				query.setString(2, name.strip());
				try (var rs = query.executeQuery()) {
					if (!rs.next()) {
						throw new IllegalArgumentException("No column " + name.strip() + " in " + statement.group(1));
					}
					columns.add(Column.of(rs.getString(1)));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Reading the columns of a COPY failed: " + ex.getMessage(), ex);
		}
		return columns;
	}

	// "PGCOPY\n\377\r\n\0", no flags, no header extension.
	private static final byte[] BINARY_HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0,
			0, 0, 0, 0, 0, 0 };

	private static final byte[] BINARY_TRAILER = { (byte) 0xff, (byte) 0xff };

	// PostgreSQL counts dates and times from 2000-01-01.
	private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

	private static final long POSTGRES_EPOCH_SECOND = POSTGRES_EPOCH_DAY * 86_400;

	private void binaryRow(@Nullable Object[] values) {
		Column[] types = columns;
		if (values.length != types.length) {
			throw new IllegalArgumentException(values.length + " values for " + types.length + " columns");
		}
		room(2);
		buffer[length++] = (byte) (types.length >>> 8);
		buffer[length++] = (byte) types.length;
		for (int i = 0; i < values.length; i++) {
			binary(types[i], values[i]);
		}
		rows++;
		if (length >= FLUSH_AT) {
			flush();
		}
	}

	private void binary(Column type, @Nullable Object value) {
		if (value == null) {
			int32(-1);
			return;
		}
		switch (type) {
			case UUID_COLUMN -> {
				UUID uuid = (UUID) typed(type, value, UUID.class);
				int32(16);
				int64(uuid.getMostSignificantBits());
				int64(uuid.getLeastSignificantBits());
			}
			case TEXT -> {
				String text = value instanceof Enum<?> e ? e.name() : (String) typed(type, value, String.class);
				room(4 + text.length() * 3);
				int at = length;
				length += 4;
				utf8(text, false);
				int size = length - at - 4;
				length = at;
				int32(size);
				length += size;
			}
			case DATE -> {
				LocalDate date = (LocalDate) typed(type, value, LocalDate.class);
				int32(4);
				int32(Math.toIntExact(date.toEpochDay() - POSTGRES_EPOCH_DAY));
			}
			case BOOLEAN -> {
				int32(1);
				room(1);
				buffer[length++] = (byte) (((Boolean) typed(type, value, Boolean.class)) ? 1 : 0);
			}
			case BIGINT -> {
				long number = value instanceof Integer small ? small : (Long) typed(type, value, Long.class);
				int32(8);
				int64(number);
			}
			case INTEGER -> {
				int32(4);
				int32((Integer) typed(type, value, Integer.class));
			}
			case TIMESTAMPTZ -> {
				Instant at = (Instant) typed(type, value, Instant.class);
				if (at.getNano() % 1_000 != 0) {
					throw new IllegalArgumentException("A time for PostgreSQL is to the microsecond: " + at);
				}
				int32(8);
				int64(Math.addExact(Math.multiplyExact(at.getEpochSecond() - POSTGRES_EPOCH_SECOND, 1_000_000L),
						at.getNano() / 1_000));
			}
		}
	}

	private static Object typed(Column type, Object value, Class<?> expected) {
		if (!expected.isInstance(value)) {
			throw new IllegalArgumentException("A " + type + " column takes a " + expected.getSimpleName() + ", not a "
					+ value.getClass().getName());
		}
		return value;
	}

	private void int32(int value) {
		room(4);
		buffer[length++] = (byte) (value >>> 24);
		buffer[length++] = (byte) (value >>> 16);
		buffer[length++] = (byte) (value >>> 8);
		buffer[length++] = (byte) value;
	}

	private void int64(long value) {
		int32((int) (value >>> 32));
		int32((int) value);
	}

	/** One row: values in the table's published column order; null for SQL null. */
	public void row(@Nullable Object... values) {
		if (columns != null) {
			binaryRow(values);
			return;
		}
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

	private void escape(String text) {
		room(text.length() * 3 + 2);
		utf8(text, true);
	}

	// The text format's escapes: a tab, newline or backslash inside a value would
	// otherwise end a column or a row. A NUL cannot be stored in PostgreSQL text, in
	// either format. Room for three bytes a character is made by the caller.
	private void utf8(String text, boolean escaped) {
		int n = text.length();
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			if (c < 0x80 && !escaped) {
				if (c != '\0') {
					buffer[length++] = (byte) c;
				}
			}
			else if (c < 0x80) {
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
