package care.seamless.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for a PostgreSQL {@code COPY ... FROM STDIN} in its text format, streamed to the
 * server as they are written: the one bulk path a module offers for filling its own
 * tables (ADR 45), so a million rows cost one statement, not a million. The values of a
 * row follow the column list the owning module publishes with its table.
 */
public final class BulkRows {

	private static final int FLUSH_AT = 1 << 20;

	private final CopyIn copy;

	private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);

	private long rows;

	private BulkRows(CopyIn copy) {
		this.copy = copy;
	}

	/**
	 * Runs {@code copySql} on the connection (which stays the caller's, in its
	 * transaction) and hands the writer to {@code rows}. Returns the rows written.
	 */
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

	public static long copy(Connection connection, String copySql, Consumer<BulkRows> rows) {
		try {
			CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
			BulkRows writer = new BulkRows(in);
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
				buffer.append('\t');
			}
			append(values[i]);
		}
		buffer.append('\n');
		rows++;
		if (buffer.length() >= FLUSH_AT) {
			flush();
		}
	}

	private void append(@Nullable Object value) {
		if (value == null) {
			buffer.append("\\N");
		}
		else if (value instanceof Enum<?> e) {
			buffer.append(e.name());
		}
		else if (value instanceof Boolean || value instanceof Number || value instanceof java.util.UUID
				|| value instanceof LocalDate || value instanceof Instant) {
			buffer.append(value);
		}
		else {
			escape(value.toString());
		}
	}

	// The text format's escapes: a tab, newline or backslash inside a value would
	// otherwise end a column or a row, and a NUL cannot be stored in PostgreSQL text.
	private void escape(String text) {
		int plain = 0;
		while (plain < text.length() && !special(text.charAt(plain))) {
			plain++;
		}
		// Most values (hashes, ids, codes) need no escape: appended in one copy.
		buffer.append(text, 0, plain);
		for (int i = plain; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> buffer.append("\\\\");
				case '\t' -> buffer.append("\\t");
				case '\n' -> buffer.append("\\n");
				case '\r' -> buffer.append("\\r");
				case '\0' -> {
				}
				default -> buffer.append(c);
			}
		}
	}

	private static boolean special(char c) {
		return c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\0';
	}

	private void flush() {
		if (buffer.isEmpty()) {
			return;
		}
		byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
		buffer.setLength(0);
		try {
			copy.writeToCopy(bytes, 0, bytes.length);
		}
		catch (SQLException ex) {
			throw new UncheckedIOException(new IOException("COPY failed: " + ex.getMessage(), ex));
		}
	}

}
