package care.seamless.person;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import care.seamless.shared.CalendarDates;
import care.seamless.shared.ErrorCode;
import care.seamless.shared.NhsNumber;

/**
 * What a practitioner typed into the search box, read as an NHS number, a date of birth
 * and/or name parts. Each name part must match the start of the given or family name, so
 * "jo smi" finds Joan Smith.
 *
 * <p>
 * {@code identifying} says whether the criteria pick out someone the searcher does not
 * already work with: an NHS number, or a full date of birth together with a name part of
 * at least two letters. Anything less finds only people in the searcher's care teams.
 * {@code shape} describes the criteria without their values ("name(5), date-of-birth"),
 * for the audit log.
 */
record SearchCriteria(String sql, Map<String, Object> params, boolean identifying, String shape) {

	static final int SHORTEST_NAME = 2;

	/**
	 * Reads the query, refusing one that could match a large part of the population: it
	 * needs an NHS number, a date of birth, or a name part of at least two letters.
	 */
	static SearchCriteria parse(String query) {
		String trimmed = query.trim();
		String digits = NhsNumber.normalise(trimmed);
		if (digits.matches("\\d{10}")) {
			if (!NhsNumber.isValid(digits)) {
				throw new PersonRuleViolation("q", ErrorCode.INVALID_NHS_NUMBER,
						"Enter a valid NHS number: 10 digits, the last one a check digit");
			}
			return new SearchCriteria("p.nhs_number = :nhs", Map.of("nhs", digits), true, "nhs-number");
		}
		List<String> conditions = new ArrayList<>();
		List<String> shape = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		boolean dateOfBirth = false;
		int longestName = 0;
		int i = 0;
		for (String token : trimmed.split("\\s+")) {
			if (token.isEmpty()) {
				continue;
			}
			LocalDate date = parseDate(token);
			if (date != null) {
				conditions.add("p.date_of_birth = :dob" + i);
				params.put("dob" + i++, date);
				shape.add("date-of-birth");
				dateOfBirth = true;
				continue;
			}
			String name = "name" + i++;
			conditions.add("(lower(p.family_name) like :" + name + " or lower(p.given_name) like :" + name
					+ " or lower(coalesce(p.preferred_name, '')) like :" + name + ")");
			params.put(name, escapeLike(token.toLowerCase(Locale.ROOT)) + "%");
			shape.add("name(" + token.length() + ")");
			longestName = Math.max(longestName, token.length());
		}
		if (!dateOfBirth && longestName < SHORTEST_NAME) {
			throw new SearchTooBroad(shape.isEmpty() ? "empty" : String.join(", ", shape));
		}
		return new SearchCriteria(String.join(" and ", conditions), params, dateOfBirth && longestName >= SHORTEST_NAME,
				String.join(", ", shape));
	}

	private static LocalDate parseDate(String token) {
		return CalendarDates.parse(token).orElse(null);
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
