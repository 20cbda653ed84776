package care.seamless.person;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import care.seamless.shared.ArrayParameters;
import care.seamless.shared.BulkRows;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Phases;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * A file of people registered in two statements whatever its size: the file's NHS numbers
 * looked up in the register by one query, then one COPY straight into the register (ADR
 * 65).
 */
@Repository
class BulkRegistrationRepository {

	private static final String SQL_COPY = """
			copy person.person (id, nhs_number, title, given_name, family_name, preferred_name, how_addressed,
			  date_of_birth, sex, gender, address_line_1, address_line_2, town, postcode, phone, email, language,
			  interpreter_needed, communication_needs, gp_practice_name, gp_ods_code, source_organisation_id) from stdin
			""";

	private static final String SQL_HOLDERS_OF_ARRAY = """
			select nhs_number, id from person.person where nhs_number = any(?)
			""";

	// The indexes a registration only adds to: the searches' and the blocking keys'. The
	// primary key and the NHS number's uniqueness stay, as they are rules, not speed.
	private static final String SQL_SECONDARY_INDEXES = """
			select quote_ident(n.nspname) || '.' || quote_ident(x.relname) as name, pg_get_indexdef(i.indexrelid) as def
			from pg_index i
			join pg_class x on x.oid = i.indexrelid
			join pg_namespace n on n.oid = x.relnamespace
			where i.indrelid = 'person.person'::regclass and not i.indisunique and not i.indisprimary
			order by x.relname
			""";

	/**
	 * From this many people a file loaded into a register no bigger than itself has the
	 * person table's secondary indexes built once after the load instead of row by row
	 * (ADR 65).
	 */
	static final int REBUILD_INDEXES_FROM = 10_000;

	// A few people (a request's): a COPY costs more than it saves, so everyone is
	// inserted by one statement from arrays (ADR 60). Each column is one array parameter,
	// so the text is the same whatever the number of people: a list would be spelt out
	// as one parameter per person, a new statement for PostgreSQL at every size and 21
	// parameters a person to bind (ADR 129, as ADR 85 for the audit's).
	static final int FEW = 200;

	private static final String SQL_INSERT_FEW = """
			insert into person.person (id, nhs_number, title, given_name, family_name, preferred_name, how_addressed,
			       date_of_birth, sex, gender, address_line_1, address_line_2, town, postcode, phone, email, language,
			       interpreter_needed, communication_needs, gp_practice_name, gp_ods_code, source_organisation_id)
			select id, nhs_number, title, given_name, family_name, preferred_name, how_addressed, date_of_birth, sex,
			       gender, address_line_1, address_line_2, town, postcode, phone, email, language, interpreter_needed,
			       communication_needs, gp_practice_name, gp_ods_code, cast(:organisation as uuid)
			from unnest(cast(:id as uuid[]), cast(:nhsNumber as text[]), cast(:title as text[]),
			       cast(:givenName as text[]), cast(:familyName as text[]),
			       cast(:preferredName as text[]), cast(:howAddressed as text[]),
			       cast(:dateOfBirth as date[]), cast(:sex as text[]), cast(:gender as text[]),
			       cast(:addressLine1 as text[]), cast(:addressLine2 as text[]),
			       cast(:town as text[]), cast(:postcode as text[]), cast(:phone as text[]),
			       cast(:email as text[]), cast(:language as text[]),
			       cast(:interpreterNeeded as boolean[]), cast(:communicationNeeds as text[]),
			       cast(:gpPracticeName as text[]), cast(:gpOdsCode as text[]))
			  with ordinality as p(id, nhs_number, title, given_name, family_name, preferred_name, how_addressed,
			       date_of_birth, sex, gender, address_line_1, address_line_2, town, postcode, phone, email, language,
			       interpreter_needed, communication_needs, gp_practice_name, gp_ods_code, n)
			order by n
			""";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	BulkRegistrationRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** Registers everyone; returns, by place in the list, who already held the number. */
	Map<Integer, PersonId> register(List<PersonId> ids, List<PersonDetails> people,
			@Nullable OrganisationId organisation, int[] order, Phases phases,
			Consumer<Map<Integer, PersonId>> beforeRows) {
		if (people.size() <= FEW) {
			return registerFew(ids, people, organisation, beforeRows);
		}
		boolean registerNoBigger = registerNoBiggerThan(people.size());
		return register(ids, people, organisation, order, registerNoBigger && people.size() >= REBUILD_INDEXES_FROM,
				registerNoBigger, phases, beforeRows);
	}

	/**
	 * {@link #register(List, List, OrganisationId, int[], Phases)} in list order with the
	 * choices of a first load (building the secondary indexes again after the load,
	 * reading the register's numbers whole) made by the caller (a test's).
	 */
	Map<Integer, PersonId> register(List<PersonId> ids, List<PersonDetails> people,
			@Nullable OrganisationId organisation, boolean rebuildIndexes, boolean readAllHolders) {
		int[] order = new int[people.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		return register(ids, people, organisation, order, rebuildIndexes, readAllHolders, new Phases(), same -> {
		});
	}

	/**
	 * Rows go in in {@code order} (the caller's: ascending ids, so each key is appended
	 * to its index, ADR 72).
	 */
	private Map<Integer, PersonId> register(List<PersonId> ids, List<PersonDetails> people,
			@Nullable OrganisationId organisation, int[] order, boolean rebuildIndexes, boolean readAllHolders,
			Phases phases, Consumer<Map<Integer, PersonId>> beforeRows) {
		Map<String, PersonId> holders = readAllHolders ? holdersOfAll(people) : holdersOfArray(people);
		List<@Nullable String> kept = new ArrayList<>(people.size());
		Map<Integer, PersonId> same = sameNumbers(ids, people, holders, kept);
		phases.end("NHS numbers looked up");
		beforeRows.accept(same);
		Connection connection = DataSourceUtils.getConnection(dataSource);
		List<String[]> dropped = rebuildIndexes ? dropSecondaryIndexes() : List.of();
		// Straight into the register (ADR 65): the numbers are settled above, so there is
		// no staging table, and no second copy of every row by an insert from it. Binary,
		// so the server parses no text (ADR 103).
		UUID source = organisation == null ? null : organisation.id();
		BulkRows.copyBinary(connection, SQL_COPY, out -> {
			for (int i : order) {
				PersonDetails d = people.get(i);
				out.row(ids.get(i).id(), kept.get(i), d.title(), d.givenName(), d.familyName(), d.preferredName(),
						d.howAddressed(), d.dateOfBirth(), d.sex(), d.gender(), d.addressLine1(), d.addressLine2(),
						d.town(), d.postcode(), d.phone(), d.email(), d.language(), d.interpreterNeeded(),
						d.communicationNeeds(), d.gpPracticeName(), d.gpOdsCode(), source);
			}
		});
		phases.end("register COPY");
		rebuild(dropped);
		phases.end("indexes rebuilt");
		return same;
	}

	/**
	 * For a register no bigger than the list: every number it holds, read by one scan. An
	 * array of a million numbers probed one by one in the unique index cost more than
	 * reading a register that small (ADR 72).
	 */
	private Map<String, PersonId> holdersOfAll(List<PersonDetails> people) {
		// Every number the register holds, not only the list's: it is no bigger than the
		// list, and the list's numbers are looked up in it one by one afterwards anyway,
		// so a set of them first would be a million more entries for nothing. Sized for
		// the list's numbers, which are added to it as they are given out.
		Map<String, PersonId> holders = new HashMap<>(people.size() * 4 / 3 + 1);
		jdbc.sql("select nhs_number, id from person.person where nhs_number is not null")
			.query((RowCallbackHandler) rs -> {
				holders.put(rs.getString(1), new PersonId(rs.getObject(2, UUID.class)));
			});
		return holders;
	}

	private Map<String, PersonId> holdersOfArray(List<PersonDetails> people) {
		String[] numbers = people.stream()
			.map(PersonDetails::nhsNumber)
			.filter(n -> n != null)
			.distinct()
			.toArray(String[]::new);
		Map<String, PersonId> holders = new HashMap<>();
		if (numbers.length == 0) {
			return holders;
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try (PreparedStatement statement = connection.prepareStatement(SQL_HOLDERS_OF_ARRAY)) {
			statement.setArray(1, connection.createArrayOf("text", numbers));
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					holders.put(rs.getString(1), new PersonId(rs.getObject(2, UUID.class)));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Looking up NHS numbers failed: " + ex.getMessage(), ex);
		}
		return holders;
	}

	/**
	 * Whether the register holds no more people than the list. A file of at least
	 * {@link #REBUILD_INDEXES_FROM} people into such a register (a first load) has the
	 * secondary indexes dropped in this transaction and built again by one sort each once
	 * the rows are in: far cheaper than placing every row in each. Until the import
	 * commits, the register is locked against other readers, which is why a file smaller
	 * than the register, where the rebuild would cost more than it saves, keeps them (ADR
	 * 65).
	 */
	private boolean registerNoBiggerThan(int incoming) {
		Long registered = jdbc.sql("select count(*) from (select 1 from person.person limit :n) p")
			.param("n", incoming + 1)
			.query(Long.class)
			.single();
		return registered <= incoming;
	}

	private List<String[]> dropSecondaryIndexes() {
		List<String[]> indexes = jdbc.sql(SQL_SECONDARY_INDEXES)
			.query((rs, n) -> new String[] { rs.getString("name"), rs.getString("def") })
			.list();
		for (String[] index : indexes) {
			jdbc.sql("drop index " + index[0]).update();
		}
		return indexes;
	}

	private void rebuild(List<String[]> dropped) {
		if (dropped.isEmpty()) {
			return;
		}
		jdbc.sql("set local maintenance_work_mem = '256MB'").update();
		for (String[] index : dropped) {
			jdbc.sql(index[1]).update();
		}
	}

	/**
	 * A number held already stays with its holder, and within the list the first to give
	 * a number keeps it, the later ones named as the same as its holder. Fills
	 * {@code kept} with each person's number as registered.
	 */
	private static Map<Integer, PersonId> sameNumbers(List<PersonId> ids, List<PersonDetails> people,
			Map<String, PersonId> holders, List<@Nullable String> kept) {
		Map<Integer, PersonId> same = new HashMap<>();
		for (int i = 0; i < people.size(); i++) {
			String nhs = people.get(i).nhsNumber();
			PersonId holder = nhs == null ? null : holders.get(nhs);
			if (holder != null) {
				same.put(i, holder);
				kept.add(null);
			}
			else {
				if (nhs != null) {
					holders.put(nhs, ids.get(i));
				}
				kept.add(nhs);
			}
		}
		return same;
	}

	/**
	 * The same rules as the staging table's joins: a number held already stays with its
	 * holder, and within the list the first to give a number keeps it, the later ones
	 * named as the same as its holder.
	 */
	private Map<Integer, PersonId> registerFew(List<PersonId> ids, List<PersonDetails> people,
			@Nullable OrganisationId organisation, Consumer<Map<Integer, PersonId>> beforeRows) {
		if (people.isEmpty()) {
			beforeRows.accept(Map.of());
			return Map.of();
		}
		Map<String, PersonId> holders = holdersOfArray(people);
		List<@Nullable String> kept = new ArrayList<>(people.size());
		Map<Integer, PersonId> same = sameNumbers(ids, people, holders, kept);
		beforeRows.accept(same);
		jdbc.sql(SQL_INSERT_FEW)
			.param("id", ArrayParameters.texts(ids, id -> id.id().toString()))
			.param("nhsNumber", kept.toArray(String[]::new))
			.param("title", ArrayParameters.texts(people, PersonDetails::title))
			.param("givenName", ArrayParameters.texts(people, PersonDetails::givenName))
			.param("familyName", ArrayParameters.texts(people, PersonDetails::familyName))
			.param("preferredName", ArrayParameters.texts(people, PersonDetails::preferredName))
			.param("howAddressed", ArrayParameters.texts(people, PersonDetails::howAddressed))
			.param("dateOfBirth", ArrayParameters.texts(people, d -> d.dateOfBirth().toString()))
			.param("sex", ArrayParameters.texts(people, d -> d.sex().name()))
			.param("gender", ArrayParameters.texts(people, PersonDetails::gender))
			.param("addressLine1", ArrayParameters.texts(people, PersonDetails::addressLine1))
			.param("addressLine2", ArrayParameters.texts(people, PersonDetails::addressLine2))
			.param("town", ArrayParameters.texts(people, PersonDetails::town))
			.param("postcode", ArrayParameters.texts(people, PersonDetails::postcode))
			.param("phone", ArrayParameters.texts(people, PersonDetails::phone))
			.param("email", ArrayParameters.texts(people, PersonDetails::email))
			.param("language", ArrayParameters.texts(people, PersonDetails::language))
			.param("interpreterNeeded", people.stream().map(PersonDetails::interpreterNeeded).toArray(Boolean[]::new))
			.param("communicationNeeds", ArrayParameters.texts(people, PersonDetails::communicationNeeds))
			.param("gpPracticeName", ArrayParameters.texts(people, PersonDetails::gpPracticeName))
			.param("gpOdsCode", ArrayParameters.texts(people, PersonDetails::gpOdsCode))
			.param("organisation", organisation == null ? null : organisation.id())
			.update();
		return same;
	}

}
