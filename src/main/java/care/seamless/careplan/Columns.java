package care.seamless.careplan;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One row's columns by name, whether the row came as a JDBC row or as one element of a
 * part's {@code json_agg} in the plan's single read ({@link PlanPartsRepository}), so
 * that each record has one row mapper for both. In the JSON, PostgreSQL writes a uuid and
 * a date as text, a {@code timestamptz} as ISO 8601 with its offset, and a text array as
 * an array.
 */
interface Columns {

	@Nullable String string(String column) throws SQLException;

	@Nullable UUID uuid(String column) throws SQLException;

	@Nullable Instant instant(String column) throws SQLException;

	@Nullable LocalDate date(String column) throws SQLException;

	@Nullable Boolean bool(String column) throws SQLException;

	long longValue(String column) throws SQLException;

	int intValue(String column) throws SQLException;

	List<String> strings(String column) throws SQLException;

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
				return at == null ? null : at.toInstant();
			}

			@Override
			public @Nullable LocalDate date(String column) throws SQLException {
				Date on = rs.getDate(column);
				return on == null ? null : on.toLocalDate();
			}

			@Override
			public @Nullable Boolean bool(String column) throws SQLException {
				return (Boolean) rs.getObject(column);
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
			public List<String> strings(String column) throws SQLException {
				Array array = rs.getArray(column);
				return Arrays.asList((String[]) array.getArray());
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
				return value == null ? null : value.stringValue();
			}

			@Override
			public @Nullable UUID uuid(String column) {
				String value = string(column);
				return value == null ? null : UUID.fromString(value);
			}

			@Override
			public @Nullable Instant instant(String column) {
				String value = string(column);
				return value == null ? null : OffsetDateTime.parse(value).toInstant();
			}

			@Override
			public @Nullable LocalDate date(String column) {
				String value = string(column);
				return value == null ? null : LocalDate.parse(value);
			}

			@Override
			public @Nullable Boolean bool(String column) {
				JsonNode value = value(column);
				return value == null ? null : value.booleanValue();
			}

			@Override
			public long longValue(String column) {
				JsonNode value = value(column);
				return value == null ? 0 : value.longValue();
			}

			@Override
			public int intValue(String column) {
				JsonNode value = value(column);
				return value == null ? 0 : value.intValue();
			}

			@Override
			public List<String> strings(String column) {
				List<String> strings = new ArrayList<>();
				JsonNode value = value(column);
				if (value != null) {
					value.values().forEach(s -> strings.add(s.stringValue()));
				}
				return strings;
			}

		};
	}

}
