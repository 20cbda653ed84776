package care.seamless.linkage;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads person records from CSV. Headers and values are trimmed because FEBRL separates
 * fields with ", "; commons-csv accepts LF, CRLF and a missing final line ending.
 */
public final class RecordReader {

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setTrim(true)
		.setIgnoreSurroundingSpaces(true)
		.setIgnoreEmptyLines(true)
		.get();

	private final Map<Role, String> explicitColumns;

	private final Truth truth;

	/**
	 * @param explicitColumns role to header, taking precedence over recognised header
	 * names
	 * @param truth where the answer key comes from; its column is never read as matching
	 * input
	 */
	public RecordReader(Map<Role, String> explicitColumns, Truth truth) {
		this.explicitColumns = Map.copyOf(explicitColumns);
		this.truth = truth;
	}

	public LoadedRecords read(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return read(reader);
		}
	}

	/**
	 * Reads records from an open reader (an upload, say), which the caller closes. A
	 * record's id is its {@code id} column if there is one, else its row number.
	 */
	public LoadedRecords read(Reader reader) throws IOException {
		List<Record> records = new ArrayList<>();
		List<String> keys = truth.isNone() ? null : new ArrayList<>();
		List<String> unused = read(reader, records::add, keys);
		return new LoadedRecords(records, keys, unused);
	}

	/**
	 * Hands each record to {@code each} as soon as its line is read, so that the caller
	 * can work on the first lines while the rest are still being read (ADR 120). Returns
	 * the headers no role was read from.
	 */
	List<String> read(Reader reader, java.util.function.Consumer<Record> each) throws IOException {
		return read(reader, each, null);
	}

	private List<String> read(Reader reader, java.util.function.Consumer<Record> each, @Nullable List<String> keys)
			throws IOException {
		try (CSVParser parser = FORMAT.parse(reader)) {
			Map<Role, String> columns = columns(parser.getHeaderNames());
			boolean splitFullName = columns.containsKey(Role.FULL_NAME) && !columns.containsKey(Role.GIVEN_NAME)
					&& !columns.containsKey(Role.FAMILY_NAME);
			int row = 0;
			for (CSVRecord csv : parser) {
				row++;
				Map<Role, String> values = new EnumMap<>(Role.class);
				// By key, not by entry: an EnumMap makes a new entry object for each
				// one iterated, a dozen a line (ADR 98).
				for (Role role : columns.keySet()) {
					String header = columns.get(role);
					String value = csv.isMapped(header) && csv.isSet(header) ? csv.get(header).trim() : "";
					if (!value.isEmpty() && role != Role.ID) {
						values.put(role, value);
					}
				}
				String fullName = values.remove(Role.FULL_NAME);
				if (splitFullName && fullName != null) {
					splitFullName(fullName, values);
				}
				String id = columns.containsKey(Role.ID) ? csv.get(columns.get(Role.ID)).trim() : String.valueOf(row);
				each.accept(new Record(id, values));
				if (keys != null) {
					keys.add(truth.key(id, columnValue(csv, truth.column())));
				}
			}
			return unused(parser.getHeaderNames(), columns);
		}
	}

	/**
	 * "Smith, Anne" puts the family name first; "Anne Mary Smith" has it last. Middle
	 * names are dropped, as the comparisons expect one given name.
	 */
	static void splitFullName(String fullName, Map<Role, String> values) {
		int comma = fullName.indexOf(',');
		String family;
		String given;
		if (comma >= 0) {
			family = fullName.substring(0, comma).trim();
			String rest = fullName.substring(comma + 1).trim();
			int space = rest.indexOf(' ');
			given = space < 0 ? rest : rest.substring(0, space);
		}
		else {
			String[] words = fullName.trim().split("\\s+");
			given = words.length > 1 ? words[0] : "";
			family = words[words.length - 1];
		}
		if (!given.isEmpty()) {
			values.put(Role.GIVEN_NAME, given);
		}
		if (!family.isEmpty()) {
			values.put(Role.FAMILY_NAME, family);
		}
	}

	private List<String> unused(List<String> headers, Map<Role, String> columns) {
		List<String> unused = new ArrayList<>();
		for (String header : headers) {
			String clean = header.replace("\uFEFF", "").trim();
			boolean isTruth = clean.equalsIgnoreCase(truth.column() == null ? "" : truth.column());
			if (!isTruth && !clean.isEmpty() && !columns.containsValue(header)) {
				unused.add(clean);
			}
		}
		return unused;
	}

	private static String columnValue(CSVRecord csv, @Nullable String column) {
		return column != null && csv.isMapped(column) ? csv.get(column).trim() : "";
	}

	Map<Role, String> columns(List<String> headers) {
		Map<Role, String> columns = new EnumMap<>(Role.class);
		Map<String, String> trimmed = new LinkedHashMap<>();
		// Spreadsheets often start a UTF-8 file with a byte-order mark, which would hide
		// the first header.
		headers.forEach(header -> trimmed.put(header.replace("\uFEFF", "").trim(), header));
		for (String header : trimmed.keySet()) {
			boolean isTruth = header.equalsIgnoreCase(truth.column() == null ? "" : truth.column());
			boolean mappedExplicitly = explicitColumns.containsValue(header);
			if (!isTruth && !mappedExplicitly) {
				Role.forHeader(header).ifPresent(role -> columns.putIfAbsent(role, trimmed.get(header)));
			}
		}
		explicitColumns.forEach((role, header) -> {
			if (!trimmed.containsKey(header)) {
				throw new ColumnNotFound(header, role);
			}
			if (header.equalsIgnoreCase(truth.column() == null ? "" : truth.column())) {
				throw new IllegalArgumentException("The truth column " + header + " cannot be matching input");
			}
			columns.put(role, trimmed.get(header));
		});
		if (truth.column() != null && !trimmed.containsKey(truth.column())) {
			throw new IllegalArgumentException("No truth column named " + truth.column());
		}
		return columns;
	}

	/** Parses {@code role=header,role=header} as given on the command line. */
	public static Map<Role, String> parseColumns(@Nullable String spec) {
		Map<Role, String> columns = new EnumMap<>(Role.class);
		if (spec == null || spec.isBlank()) {
			return columns;
		}
		for (String part : spec.split(",")) {
			String[] pair = part.split("=", 2);
			if (pair.length != 2) {
				throw new IllegalArgumentException("Expected role=header but got " + part);
			}
			columns.put(Role.named(pair[0]), pair[1].trim());
		}
		return columns;
	}

}
