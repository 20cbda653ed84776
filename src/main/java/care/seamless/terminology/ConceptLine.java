package care.seamless.terminology;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * One data line of a vocabulary CSV, turned into a concept or into errors naming the
 * column at fault.
 */
final class ConceptLine {

	static final Pattern ICF_CODE = Pattern.compile("^[bdes]\\d{3,5}$");

	// Local codes are kept to characters that survive URLs, FHIR codings and spreadsheets
	// unchanged.
	private static final Pattern LOCAL_CODE = Pattern.compile("^[A-Za-z][A-Za-z0-9._-]{1,63}$");

	private final CSVRecord record;

	private final int line;

	private final List<CsvError> errors;

	private boolean valid = true;

	private final java.util.Set<String> unreadable = new java.util.HashSet<>();

	ConceptLine(CSVRecord record, int line, List<CsvError> errors) {
		this.record = record;
		this.line = line;
		this.errors = errors;
	}

	/**
	 * The concept on this line, or null after recording every error found on it.
	 */
	@Nullable Concept toConcept() {
		if (!this.record.isConsistent()) {
			error("", "expected " + VocabularyCsv.COLUMNS.size() + " values but found " + this.record.size());
			return null;
		}
		CodeSystem system = coded("system", CodeSystem::fromCode, CodeSystem.values(), CodeSystem::code);
		String code = code(system);
		ConceptKind kind = coded("kind", ConceptKind::fromCode, ConceptKind.values(), ConceptKind::code);
		SapDomain domain = coded("sap_domain", SapDomain::fromCode, SapDomain.values(), SapDomain::code);
		CareActOutcome outcome = value("care_act_outcome").isEmpty() ? null
				: coded("care_act_outcome", CareActOutcome::fromCode, CareActOutcome.values(), CareActOutcome::code);
		String health = required("health_term");
		String socialCare = required("social_care_term");
		String plain = required("plain_english");
		String snomed = snomed();
		String icf = matching("icf", ICF_CODE, "not an ICF code such as d510");
		if (!this.valid) {
			return null;
		}
		return new Concept(code, system, kind, domain, outcome, health, socialCare, plain, synonyms(), snomed, icf);
	}

	private String code(@Nullable CodeSystem system) {
		String code = required("code");
		if (code.isEmpty() || system == null) {
			return code;
		}
		Pattern pattern = (system == CodeSystem.ICF) ? ICF_CODE : LOCAL_CODE;
		if (!pattern.matcher(code).matches()) {
			error("code", (system == CodeSystem.ICF) ? "'" + code + "' is not an ICF code such as d510"
					: "'" + code + "' must start with a letter and use only letters, digits, '.', '_' and '-'");
		}
		return code;
	}

	private List<String> synonyms() {
		return Arrays.stream(value("synonyms").split("\\|")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	private @Nullable String snomed() {
		String snomed = value("snomed");
		if (snomed.isEmpty()) {
			return null;
		}
		if (!SnomedIds.isConceptId(snomed)) {
			error("snomed", "'" + snomed + "' is not a valid SNOMED CT concept id (check digit or partition is wrong)");
		}
		return snomed;
	}

	private @Nullable String matching(String column, Pattern pattern, String problem) {
		String value = value(column);
		if (value.isEmpty()) {
			return null;
		}
		if (!pattern.matcher(value).matches()) {
			error(column, "'" + value + "' is " + problem);
		}
		return value;
	}

	private <T> @Nullable T coded(String column, Function<String, Optional<T>> lookup, T[] allowed,
			Function<T, String> code) {
		String value = value(column);
		Optional<T> found = lookup.apply(value);
		if (found.isEmpty()) {
			String expected = String.join(", ", Arrays.stream(allowed).map(code).toList());
			error(column, value.isEmpty() ? "missing " + column + " (expected one of " + expected + ")"
					: "unknown " + column + " '" + value + "' (expected one of " + expected + ")");
		}
		return found.orElse(null);
	}

	private String required(String column) {
		String value = value(column);
		if (value.isEmpty()) {
			error(column, "missing " + column.replace('_', ' '));
		}
		return value;
	}

	private String value(String column) {
		String value = this.record.isSet(column) ? this.record.get(column).strip() : "";
		if (value.chars().anyMatch(ConceptLine::isControl)) {
			// PostgreSQL refuses NUL outright, and no control character belongs in a
			// term: the line is reported like any other bad value, not saved, and once.
			if (!this.unreadable.contains(column)) {
				error(column, "contains a control character (such as NUL), which cannot be stored; remove it");
				this.unreadable.add(column);
			}
			return "";
		}
		return value;
	}

	private static boolean isControl(int c) {
		return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
	}

	private void error(String column, String message) {
		if (this.unreadable.contains(column)) {
			return;
		}
		this.errors.add(new CsvError(this.line, column, message));
		this.valid = false;
	}

}
