package care.seamless.linkage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import care.seamless.person.People;
import care.seamless.shared.BulkRows;
import care.seamless.shared.PersonId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The candidate pairs of a whole imported file in one query: each blocking key is one
 * join that PostgreSQL answers with a hash join or the person table's indexes, instead of
 * one candidate query per imported person. The keys are the selective ones of
 * docs/linkage.md (names with the date of birth, swapped names, postcode with initial);
 * date of birth alone and year of birth, which at a million people bring hundreds of
 * candidates each, are left to the online match.
 */
@Repository
class ImportMatchRepository {

	private static final String PEOPLE = People.matchingRecordsSql();

	// No key: the batch is only ever hashed (its join and its exists), and a million-row
	// key cost more to fill than the rows themselves (ADR 72).
	private static final String SQL_BATCH = """
			create temp table if not exists linkage_import_batch (id uuid) on commit drop
			""";

	private static final String SQL_PAIRS = """
			with batch as (select n.id, n.given_name, n.family_name, n.date_of_birth, n.postcode
			  from linkage_import_batch b join %1$s n on n.id = b.id),
			pairs as (
			  select n.id as new_id, o.id as other_id from batch n
			    join %1$s o on lower(o.family_name) = lower(n.family_name) and o.date_of_birth = n.date_of_birth
			  union
			  select n.id, o.id from batch n
			    join %1$s o on lower(o.given_name) = lower(n.given_name) and o.date_of_birth = n.date_of_birth
			  union
			  select n.id, o.id from batch n
			    join %1$s o on lower(o.family_name) = lower(n.given_name) and lower(o.given_name) = lower(n.family_name)
			  union
			  select n.id, o.id from batch n
			    join %1$s o on replace(o.postcode, ' ', '') = replace(n.postcode, ' ', '')
			     and lower(left(o.given_name, 1)) = lower(left(n.given_name, 1))
			)
			select pairs.new_id, p.id, p.nhs_number, p.given_name, p.family_name, p.date_of_birth, p.sex,
			       p.address_line_1, p.address_line_2, p.town, p.postcode, p.phone, p.email
			from pairs join %1$s p on p.id = pairs.other_id
			where pairs.new_id <> pairs.other_id
			  and not (pairs.other_id < pairs.new_id
			           and exists (select 1 from linkage_import_batch b where b.id = pairs.other_id))
			  and not exists (select 1 from linkage.person_link l where l.merged = p.id and l.undone_at is null)
			""".formatted(PEOPLE);

	private static final String SQL_REGISTER = """
			select p.id, p.nhs_number, p.given_name, p.family_name, p.date_of_birth, p.sex, p.address_line_1,
			       p.address_line_2, p.town, p.postcode, p.phone, p.email
			from %1$s p limit ?
			""".formatted(PEOPLE);

	// The records the query's last condition leaves out: merged into another and not
	// undone.
	private static final String SQL_MERGED = """
			select merged from linkage.person_link where undone_at is null
			""";

	// What PostgreSQL's lower does with names that are not ASCII; the first row checks
	// that it lowers ASCII letters plainly, as FilePairs does itself.
	private static final String SQL_LOWERED = """
			select t.x, lower(t.x), lower(left(t.x, 1)) from unnest(?) as t(x)
			""";

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

	/**
	 * Someone already registered, as the matcher reads them and as the keys compare them.
	 */
	record Registered(Record record, FilePairs.Keys keys) {
	}

	/**
	 * A pair found: the imported person and the other record, as the matcher reads it.
	 */
	record Pair(PersonId imported, Record other) {
	}

	interface PairHandler {

		void pair(Pair pair);

	}

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	ImportMatchRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * Streams every pair of an imported person and another record (registered before, or
	 * imported in the same file, each such pair once) that share a blocking key.
	 */
	void pairs(List<PersonId> imported, PairHandler handler) {
		// Each blocking key is a hash join over the whole file: with the default 4 MB the
		// file's side went to temporary files in batches (ADR 62); this transaction only.
		jdbc.sql("set local work_mem = '128MB'").update();
		jdbc.sql(SQL_BATCH).update();
		jdbc.sql("truncate linkage_import_batch").update();
		BulkRows.copy(DataSourceUtils.getConnection(dataSource), "copy linkage_import_batch (id) from stdin",
				out -> ascending(imported).forEach(id -> out.row(id.id())));
		jdbc.sql("analyze linkage_import_batch").update();
		// Read in slices rather than held whole: a million-person file can find a million
		// pairs.
		try (var statement = DataSourceUtils.getConnection(dataSource).prepareStatement(SQL_PAIRS)) {
			statement.setFetchSize(10_000);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					handler.pair(new Pair(new PersonId(rs.getObject(1, UUID.class)), record(rs)));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Finding candidate pairs failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Everyone registered, if there are no more than {@code most} of them; otherwise
	 * empty, and the query of {@link #pairs} finds the pairs.
	 */
	Optional<List<Registered>> registerOfAtMost(int most) {
		List<Registered> register = new ArrayList<>();
		try (var statement = DataSourceUtils.getConnection(dataSource).prepareStatement(SQL_REGISTER)) {
			statement.setLong(1, most + 1L);
			statement.setFetchSize(10_000);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					register.add(new Registered(record(rs),
							new FilePairs.Keys(rs.getString("given_name"), rs.getString("family_name"),
									rs.getObject("date_of_birth", LocalDate.class), rs.getString("postcode"))));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Reading the register failed: " + ex.getMessage(), ex);
		}
		return register.size() > most ? Optional.empty() : Optional.of(register);
	}

	/** The records merged into another by a link not undone. */
	Set<PersonId> merged() {
		return new HashSet<>(jdbc.sql(SQL_MERGED).query((rs, n) -> new PersonId(rs.getObject(1, UUID.class))).list());
	}

	/**
	 * PostgreSQL's {@code lower} of each name that is not ASCII, and of its first letter;
	 * empty if this database's {@code lower} does not lower ASCII letters plainly (a
	 * Turkish locale's dotless i), where only the query compares names as it does.
	 */
	Optional<Map<String, String[]>> lowered(Collection<String> names) {
		String[] texts = new String[names.size() + 1];
		texts[0] = ALPHABET;
		int at = 1;
		for (String name : names) {
			texts[at++] = name;
		}
		Map<String, String[]> lowered = new HashMap<>();
		var connection = DataSourceUtils.getConnection(dataSource);
		try (var statement = connection.prepareStatement(SQL_LOWERED)) {
			statement.setArray(1, connection.createArrayOf("text", texts));
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					lowered.put(rs.getString(1), new String[] { rs.getString(2), rs.getString(3) });
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Lowering names failed: " + ex.getMessage(), ex);
		}
		String[] alphabet = lowered.get(ALPHABET);
		if (!ALPHABET.toLowerCase(Locale.ROOT).equals(alphabet[0])) {
			return Optional.empty();
		}
		return Optional.of(lowered);
	}

	// In key order, so the batch's primary key is appended to: a million ids in random
	// order spilled the temporary table's few local buffers on every row (ADR 72).
	private static List<PersonId> ascending(List<PersonId> ids) {
		List<PersonId> sorted = new ArrayList<>(ids);
		sorted.sort(PersonId.ASCENDING);
		return sorted;
	}

	private static Record record(ResultSet rs) throws SQLException {
		Map<Role, String> values = new EnumMap<>(Role.class);
		MatchRepository.put(values, Role.NHS_NUMBER, rs.getString("nhs_number"));
		MatchRepository.put(values, Role.GIVEN_NAME, rs.getString("given_name"));
		MatchRepository.put(values, Role.FAMILY_NAME, rs.getString("family_name"));
		MatchRepository.put(values, Role.DATE_OF_BIRTH, rs.getObject("date_of_birth", LocalDate.class).toString());
		MatchRepository.put(values, Role.SEX, rs.getString("sex"));
		MatchRepository.put(values, Role.ADDRESS_1, rs.getString("address_line_1"));
		MatchRepository.put(values, Role.ADDRESS_2, rs.getString("address_line_2"));
		MatchRepository.put(values, Role.LOCALITY, rs.getString("town"));
		MatchRepository.put(values, Role.POSTCODE, rs.getString("postcode"));
		MatchRepository.put(values, Role.PHONE, rs.getString("phone"));
		MatchRepository.put(values, Role.EMAIL, rs.getString("email"));
		return new Record(rs.getObject("id", UUID.class).toString(), values);
	}

}
