package care.seamless.shared;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import care.seamless.SeamlessTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A binary COPY stores what the text COPY stores for the same values (ADR 103): the same
 * rows are written both ways into two tables of the same columns, in the real database,
 * and PostgreSQL compares them, row by row.
 */
@SeamlessTest
class BulkRowsBinaryTests {

	private static final String COLUMNS = """
			n bigint, u uuid, t text, d date, b boolean, i integer, at timestamptz, e text""";

	private enum Kind {

		SOME_VALUE

	}

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void eachKindOfValueIsStoredAsTheTextFormatStoresIt() {
		List<Object[]> rows = new ArrayList<>();
		String[] texts = { "plain", "", "tab\there", "new\nline", "back\\slash", "cr\rhere", "nul\0gone", "\\N",
				"Łukasz Müller", "名前", "\u2400", "emoji \uD83D\uDE00 end", "half \uD83D pair", "low \uDE00 first",
				"ends high \uD83D", "\uDE00\uD83D", "\u07FF\u0800\uFFFF", "x".repeat(5_000) };
		LocalDate[] dates = { LocalDate.of(2000, 1, 1), LocalDate.of(1999, 12, 31), LocalDate.of(1, 1, 1),
				LocalDate.of(9999, 12, 31), LocalDate.of(1951, 9, 12), LocalDate.of(2026, 12, 7) };
		Instant[] times = { Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("1999-12-31T23:59:59.999999Z"),
				Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2026-12-07T02:15:34.250123Z"),
				Instant.parse("1900-03-04T05:06:07.000001Z"), Instant.parse("9999-12-31T23:59:59.999999Z") };
		// Numbers of their own: the first column is the key the rows are compared by.
		Long[] bigs = { -1L, -5L, Long.MAX_VALUE, Long.MIN_VALUE, 1_001_802L };
		Integer[] ints = { 0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 7 };
		for (int r = 0; r < texts.length * 2; r++) {
			rows.add(new Object[] { (long) r, r == 1 ? null : UUID.nameUUIDFromBytes(new byte[] { (byte) r }),
					r % 5 == 4 ? null : texts[r % texts.length], r % 7 == 6 ? null : dates[r % dates.length],
					r % 3 == 2 ? null : r % 2 == 0, r % 4 == 3 ? null : ints[r % ints.length],
					r % 6 == 5 ? null : times[r % times.length], r % 2 == 0 ? Kind.SOME_VALUE : "kind" });
		}
		rows.add(new Object[] { 1_000L, new UUID(0, 0), null, null, null, null, null, null });
		rows.add(new Object[] { 1_001L, new UUID(-1, -1), "x", LocalDate.of(2026, 2, 28), false, 2, times[3], null });
		// A bigint column takes an Integer too, as the text format printed it.
		rows.add(new Object[] { 1_002, UUID.randomUUID(), "n", null, true, 3, null, null });
		for (int r = 0; r < bigs.length; r++) {
			rows.add(new Object[] { bigs[r], null, null, null, null, null, null, null });
		}
		assertStoredAlike(rows);
	}

	@Test
	void randomRowsAcrossManyFlushesAreStoredAsTheTextFormatStoresThem() {
		Random random = new Random(103);
		List<Object[]> rows = new ArrayList<>();
		for (int r = 0; r < 20_000; r++) {
			char[] chars = new char[random.nextInt(60)];
			for (int i = 0; i < chars.length; i++) {
				chars[i] = switch (random.nextInt(4)) {
					case 0 -> (char) random.nextInt(0x80);
					case 1 -> (char) random.nextInt(0x800);
					default -> (char) random.nextInt(0x10000);
				};
			}
			rows.add(new Object[] { (long) r, new UUID(random.nextLong(), random.nextLong()),
					random.nextInt(10) == 0 ? null : new String(chars),
					LocalDate.ofEpochDay(random.nextInt(80_000) - 30_000), random.nextBoolean(), random.nextInt(),
					Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000) * 1_000L), "e" });
		}
		assertStoredAlike(rows);
	}

	@Test
	void aValueNotOfItsColumnsTypeFailsTheCopy() {
		assertThatThrownBy(() -> copyInto("text_as_uuid",
				out -> out.row(1L, "0192f3a4-5b6c-7d8e-9fa0-b1c2d3e4f506", null, null, null, null, null, null)))
			.hasMessageContaining("UUID");
		assertThatThrownBy(
				() -> copyInto("text_as_time", out -> out.row(1L, null, null, null, null, null, "2026-12-07", null)))
			.hasMessageContaining("Instant");
		assertThatThrownBy(
				() -> copyInto("nanos",
						out -> out.row(1L, null, null, null, null, null,
								Instant.parse("2026-12-07T02:15:34.250123456Z"), null)))
			.hasMessageContaining("microsecond");
		assertThatThrownBy(() -> copyInto("short_row", out -> out.row(1L, null))).hasMessageContaining("columns");
	}

	@Test
	void aColumnOfATypeWithoutABinaryWriterIsRefusedBeforeAnyRow() {
		transaction.executeWithoutResult(status -> {
			jdbc.sql("create temporary table bulk_rows_numeric (x numeric) on commit drop").update();
			Connection connection = DataSourceUtils.getConnection(dataSource);
			assertThatThrownBy(() -> BulkRows.copyBinary(connection, "copy bulk_rows_numeric (x) from stdin", out -> {
				throw new AssertionError("no row should be asked for");
			})).hasMessageContaining("numeric");
			status.setRollbackOnly();
		});
	}

	private void copyInto(String name, java.util.function.Consumer<BulkRows> rows) {
		transaction.executeWithoutResult(status -> {
			jdbc.sql("create temporary table bulk_rows_" + name + " (" + COLUMNS + ") on commit drop").update();
			try {
				BulkRows.copyBinary(DataSourceUtils.getConnection(dataSource),
						"copy bulk_rows_" + name + " (n, u, t, d, b, i, at, e) from stdin", rows);
			}
			finally {
				status.setRollbackOnly();
			}
		});
	}

	// Both tables in one transaction, compared by PostgreSQL: each row of one is the
	// same row of the other, in every column, nulls included.
	private void assertStoredAlike(List<Object[]> rows) {
		transaction.executeWithoutResult(status -> {
			jdbc.sql("create temporary table bulk_rows_as_text (" + COLUMNS + ") on commit drop").update();
			jdbc.sql("create temporary table bulk_rows_as_binary (" + COLUMNS + ") on commit drop").update();
			Connection connection = DataSourceUtils.getConnection(dataSource);
			long text = BulkRows.copy(connection, "copy bulk_rows_as_text (n, u, t, d, b, i, at, e) from stdin",
					out -> rows.forEach(out::row));
			long binary = BulkRows.copyBinary(connection, """
					copy bulk_rows_as_binary (n, u, t, d, b, i, at, e)
					from stdin
					""", out -> rows.forEach(out::row));
			assertThat(binary).isEqualTo(text).isEqualTo(rows.size());
			Long stored = jdbc.sql("select count(*) from bulk_rows_as_binary").query(Long.class).single();
			assertThat(stored).isEqualTo(rows.size());
			List<String> differing = jdbc
				.sql("""
						select coalesce(t.n, b.n)::text from bulk_rows_as_text t full join bulk_rows_as_binary b on b.n = t.n
						where (t.*) is distinct from (b.*)
						""")
				.query(String.class)
				.list();
			assertThat(differing).as("rows stored differently").isEmpty();
			status.setRollbackOnly();
		});
	}

}
