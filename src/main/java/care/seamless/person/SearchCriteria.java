package care.seamless.person;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import care.seamless.shared.NhsNumber;

/**
 * What a practitioner typed into the search box, read as an NHS number, a date of birth
 * and/or name parts. Each name part must match the start of the given or family name, so
 * "jo smi" finds Joan Smith.
 */
record SearchCriteria(String sql, Map<String, Object> params) {

	private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ofPattern("d/M/uuuu"),
			DateTimeFormatter.ofPattern("d-M-uuuu"), DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("d.M.uuuu"));

	static SearchCriteria parse(String query) {
		String trimmed = query.trim();
		String digits = NhsNumber.normalise(trimmed);
		if (digits.matches("\\d{10}")) {
			return new SearchCriteria("p.nhs_number = :nhs", Map.of("nhs", digits));
		}
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		int i = 0;
		for (String token : trimmed.split("\\s+")) {
			if (token.isEmpty()) {
				continue;
			}
			LocalDate date = parseDate(token);
			if (date != null) {
				conditions.add("p.date_of_birth = :dob");
				params.put("dob", date);
				continue;
			}
			String name = "name" + i++;
			conditions.add("(lower(p.family_name) like :" + name + " or lower(p.given_name) like :" + name
					+ " or lower(coalesce(p.preferred_name, '')) like :" + name + ")");
			params.put(name, escapeLike(token.toLowerCase(Locale.ROOT)) + "%");
		}
		if (conditions.isEmpty()) {
			return new SearchCriteria("false", Map.of());
		}
		return new SearchCriteria(String.join(" and ", conditions), params);
	}

	private static LocalDate parseDate(String token) {
		for (DateTimeFormatter format : DATE_FORMATS) {
			try {
				return LocalDate.parse(token, format);
			}
			catch (DateTimeParseException ignored) {
				// try the next format
			}
		}
		return null;
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
