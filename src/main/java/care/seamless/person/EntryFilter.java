package care.seamless.person;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import care.seamless.consent.SqlCondition;
import care.seamless.shared.DataCategory;
import care.seamless.shared.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * Which case notes to list: of one kind (data category), by one author, recorded between
 * two days (inclusive, in Europe/London). Applied in the query beside the access rule, so
 * totals and pages count only what is shown.
 */
public record EntryFilter(@Nullable DataCategory category, @Nullable String author, @Nullable LocalDate from,
		@Nullable LocalDate to) {

	public static final EntryFilter NONE = new EntryFilter(null, null, null, null);

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	/**
	 * Reads the request's values; an unknown kind or a date that is not a real one is a
	 * {@link PersonRuleViolation} naming its field.
	 */
	public static EntryFilter parse(@Nullable String category, @Nullable String author, @Nullable String from,
			@Nullable String to) {
		DataCategory kind = null;
		if (category != null && !category.isBlank()) {
			kind = DataCategory.fromCode(category)
				.orElseThrow(() -> new PersonRuleViolation("category", ErrorCode.VALIDATION_FAILED,
						"Choose a kind of information from the list"));
		}
		String by = author == null || author.isBlank() ? null : author.strip();
		if (by != null && (by.length() > 100 || by.indexOf('\0') >= 0)) {
			throw new PersonRuleViolation("author", ErrorCode.VALIDATION_FAILED, "Enter an author's user name");
		}
		LocalDate start = date("from", from);
		LocalDate end = date("to", to);
		if (start != null && end != null && end.isBefore(start)) {
			throw new PersonRuleViolation("to", ErrorCode.VALIDATION_FAILED,
					"The end date must be the same as or after the start date");
		}
		return new EntryFilter(kind, by, start, end);
	}

	private static @Nullable LocalDate date(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			LocalDate day = LocalDate.parse(value.strip());
			if (day.getYear() < 1900 || day.getYear() > 2999) {
				throw new DateTimeException("out of range");
			}
			return day;
		}
		catch (DateTimeException ex) {
			throw new PersonRuleViolation(field, ErrorCode.VALIDATION_FAILED,
					"Enter a real date, for example 2026-03-27");
		}
	}

	/** The filter as SQL over an entry aliased {@code e}. */
	SqlCondition sql() {
		StringBuilder sql = new StringBuilder("true");
		Map<String, Object> params = new HashMap<>();
		if (category != null) {
			sql.append(" and e.category = :entryCategory");
			params.put("entryCategory", category.name());
		}
		if (author != null) {
			sql.append(" and e.author = :entryAuthor");
			params.put("entryAuthor", author);
		}
		if (from != null) {
			sql.append(" and e.recorded_at >= :entryFrom");
			params.put("entryFrom", OffsetDateTime.ofInstant(from.atStartOfDay(LONDON).toInstant(), ZoneOffset.UTC));
		}
		if (to != null) {
			sql.append(" and e.recorded_at < :entryTo");
			params.put("entryTo",
					OffsetDateTime.ofInstant(to.plusDays(1).atStartOfDay(LONDON).toInstant(), ZoneOffset.UTC));
		}
		return new SqlCondition(sql.toString(), params);
	}

}
