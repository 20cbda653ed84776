package care.seamless.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One row's columns by name, whether it came as a JDBC row or as one element of a
 * {@code json_agg} in the summary's single read ({@link SummaryRepository}), so that a
 * section, an answer and a disagreement each keep one row mapper for both. In the JSON,
 * PostgreSQL writes a uuid as text and a {@code timestamptz} as ISO 8601 with its offset.
 * The care plan's read has the same adapter for its own rows ({@code careplan.Columns},
 * ADR 73); it is not shared, as modules share values only.
 */
interface Columns {

	@Nullable String string(String column) throws SQLException;

	@Nullable UUID uuid(String column) throws SQLException;

	@Nullable Instant instant(String column) throws SQLException;

	long longValue(String column) throws SQLException;

	int intValue(String column) throws SQLException;

	boolean bool(String column) throws SQLException;

	static Columns of(ResultSet rs) {
		return new Columns() {

			@Override
			public @Nullable String string(String column) throws SQLException {
				return rs.getString(column);
			}

			@Override
			public @Nullable UUID uuid(String column) throws SQLException {
				return rs.getObject(column, UUID.class);
			}

			@Override
			public @Nullable Instant instant(String column) throws SQLException {
				Timestamp at = rs.getTimestamp(column);
				return (at != null) ? at.toInstant() : null;
			}

			@Override
			public long longValue(String column) throws SQLException {
				return rs.getLong(column);
			}

			@Override
			public int intValue(String column) throws SQLException {
				return rs.getInt(column);
			}

			@Override
			public boolean bool(String column) throws SQLException {
				return rs.getBoolean(column);
			}

		};
	}

	static Columns of(JsonNode row) {
		return new Columns() {

			private @Nullable JsonNode value(String column) {
				JsonNode value = row.get(column);
				return (value == null || value.isNull()) ? null : value;
			}

			@Override
			public @Nullable String string(String column) {
				JsonNode value = value(column);
				return (value != null) ? value.stringValue() : null;
			}

			@Override
			public @Nullable UUID uuid(String column) {
				String value = string(column);
				return (value != null) ? UUID.fromString(value) : null;
			}

			@Override
			public @Nullable Instant instant(String column) {
				String value = string(column);
				return (value != null) ? OffsetDateTime.parse(value).toInstant() : null;
			}

			@Override
			public long longValue(String column) {
				JsonNode value = value(column);
				return (value != null) ? value.longValue() : 0;
			}

			@Override
			public int intValue(String column) {
				JsonNode value = value(column);
				return (value != null) ? value.intValue() : 0;
			}

			@Override
			public boolean bool(String column) {
				JsonNode value = value(column);
				return value != null && value.booleanValue();
			}

		};
	}

}
