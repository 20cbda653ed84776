package care.seamless.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a search's raw query parameters before anything is looked up, refusing what we do
 * not support with the parameter's name as the location: an unknown parameter or modifier
 * (silently ignoring it would return more than the client asked for), a value list
 * (commas), a bad date or prefix, a bad number. A {@code _count} over the most we return
 * is lowered to it, as FHIR allows.
 */
final class SearchParameters {

	static final int DEFAULT_COUNT = 20;

	static final int MAX_COUNT = 100;

	static final int MAX_OFFSET = 10_000;

	/** Parameters HAPI itself answers (format, pretty printing) on every search. */
	private static final Set<String> GENERAL = Set.of("_format", "_pretty", "_count", "_offset");

	private static final Pattern DATE = Pattern
		.compile("^(eq|gt|ge|lt|le)?(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(T[0-9:.]+(?:Z|[+-]\\d{2}:\\d{2}))?)?)?$");

	private final Map<String, String[]> raw;

	private SearchParameters(Map<String, String[]> raw) {
		this.raw = raw;
	}

	static SearchParameters check(Map<String, String[]> raw, Set<String> supported) {
		for (Map.Entry<String, String[]> parameter : raw.entrySet()) {
			String name = parameter.getKey();
			if (!supported.contains(name) && !GENERAL.contains(name)) {
				throw new FhirFailure(FhirError.UNKNOWN_PARAMETER, name,
						name.contains(":") ? "The modifier in '" + name + "' is not supported"
								: "Unknown search parameter '" + name + "'");
			}
			for (String value : parameter.getValue()) {
				if (value.contains(",") && !name.startsWith("_")) {
					throw new FhirFailure(FhirError.INVALID_PARAMETER, name,
							"Lists of values (with commas) are not supported: repeat the search for each value");
				}
				if (value.length() > 200 || value.indexOf('\0') >= 0) {
					throw new FhirFailure(FhirError.INVALID_PARAMETER, name, "The value is too long or not text");
				}
			}
		}
		return new SearchParameters(raw);
	}

	@Nullable String single(String name) {
		String[] values = raw.get(name);
		if (values == null || values.length == 0) {
			return null;
		}
		if (values.length > 1) {
			throw new FhirFailure(FhirError.INVALID_PARAMETER, name, "Give '" + name + "' once");
		}
		String value = values[0].trim();
		if (value.isEmpty()) {
			throw new FhirFailure(FhirError.INVALID_PARAMETER, name, "'" + name + "' is empty");
		}
		return value;
	}

	int count() {
		Integer count = integer("_count");
		return count == null ? DEFAULT_COUNT : Math.min(count, MAX_COUNT);
	}

	int offset() {
		Integer offset = integer("_offset");
		if (offset != null && offset > MAX_OFFSET) {
			throw new FhirFailure(FhirError.INVALID_PARAMETER, "_offset",
					"'_offset' goes up to " + MAX_OFFSET + ": narrow the search instead");
		}
		return offset == null ? 0 : offset;
	}

	private @Nullable Integer integer(String name) {
		String value = single(name);
		if (value == null) {
			return null;
		}
		if (!value.matches("\\d{1,9}")) {
			throw new FhirFailure(FhirError.INVALID_PARAMETER, name,
					"'" + name + "' must be a whole number, 0 or more");
		}
		return Integer.parseInt(value);
	}

	/**
	 * One inclusive-exclusive range of instants, the intersection of every value given.
	 */
	record Range(@Nullable Instant from, @Nullable Instant before) {

		@Nullable LocalDate fromDate() {
			return from == null ? null : LocalDate.ofInstant(from, ZoneOffset.UTC);
		}

		@Nullable LocalDate beforeDate() {
			return before == null ? null : LocalDate.ofInstant(before, ZoneOffset.UTC);
		}

	}

	/**
	 * The dates in {@code name} as one range; a date without a time is a whole day (or
	 * month, or year) in UTC, so {@code birthdate=1950} finds everyone born in 1950.
	 */
	Range dates(String name) {
		String[] values = raw.get(name);
		Instant from = null;
		Instant before = null;
		for (String value : values == null ? new String[0] : values) {
			Matcher m = DATE.matcher(value.trim());
			if (!m.matches()) {
				throw new FhirFailure(FhirError.INVALID_PARAMETER, name, "'" + name
						+ "' must be a date such as 1950-03-21, optionally with a prefix eq, gt, ge, lt or le");
			}
			Instant[] period = period(name, m);
			String prefix = m.group(1) == null ? "eq" : m.group(1);
			Instant low = switch (prefix) {
				case "eq", "ge" -> period[0];
				case "gt" -> period[1];
				default -> null;
			};
			Instant high = switch (prefix) {
				case "eq", "le" -> period[1];
				case "lt" -> period[0];
				default -> null;
			};
			from = low != null && (from == null || low.isAfter(from)) ? low : from;
			before = high != null && (before == null || high.isBefore(before)) ? high : before;
		}
		return new Range(from, before);
	}

	private static Instant[] period(String name, Matcher m) {
		try {
			int year = Integer.parseInt(m.group(2));
			if (m.group(3) == null) {
				LocalDate start = LocalDate.of(year, 1, 1);
				return new Instant[] { utc(start), utc(start.plusYears(1)) };
			}
			if (m.group(4) == null) {
				YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(3)));
				return new Instant[] { utc(month.atDay(1)), utc(month.plusMonths(1).atDay(1)) };
			}
			LocalDate day = LocalDate.of(year, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
			if (m.group(5) == null) {
				return new Instant[] { utc(day), utc(day.plusDays(1)) };
			}
			Instant at = OffsetDateTime.parse(m.group(0).replaceFirst("^(eq|gt|ge|lt|le)", "")).toInstant();
			return new Instant[] { at, at.plusMillis(1) };
		}
		catch (java.time.DateTimeException ex) {
			throw new FhirFailure(FhirError.INVALID_PARAMETER, name, "'" + name + "' is not a real date");
		}
	}

	private static Instant utc(LocalDate date) {
		return date.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** A token as system and code; either may be null (no bar: any system). */
	record Token(@Nullable String system, String code) {
	}

	@Nullable Token token(String name) {
		String value = single(name);
		if (value == null) {
			return null;
		}
		int bar = value.indexOf('|');
		if (bar < 0) {
			return new Token(null, value);
		}
		String code = value.substring(bar + 1);
		if (code.isEmpty()) {
			throw new FhirFailure(FhirError.INVALID_PARAMETER, name, "'" + name + "' needs a value after the '|'");
		}
		return new Token(bar == 0 ? null : value.substring(0, bar), code);
	}

	/**
	 * The {@code _include} values asked for, each one of {@code allowed} (anything else
	 * would silently return less than was asked for, so it is refused).
	 */
	Set<String> includes(Set<String> allowed) {
		String[] values = raw.get("_include");
		if (values == null) {
			return Set.of();
		}
		for (String value : values) {
			if (!allowed.contains(value)) {
				throw new FhirFailure(allowed.isEmpty() ? FhirError.UNKNOWN_PARAMETER : FhirError.INVALID_PARAMETER,
						"_include", allowed.isEmpty() ? "This search includes nothing"
								: "'_include' may be " + String.join(", ", allowed.stream().sorted().toList()));
			}
		}
		return Set.copyOf(java.util.Arrays.asList(values));
	}

	List<String> names() {
		return List.copyOf(raw.keySet());
	}

}
