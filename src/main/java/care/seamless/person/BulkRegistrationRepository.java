package care.seamless.person;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import care.seamless.shared.BulkRows;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * A file of people registered in four statements whatever its size: COPY into a staging
 * table of the transaction, the NHS numbers checked against the register and within the
 * file by two joins, then one insert.
 */
@Repository
class BulkRegistrationRepository {

	private static final String SQL_STAGE = """
			create temp table if not exists person_import_stage (
			  idx int, id uuid, nhs_number text, title text, given_name text, family_name text, preferred_name text,
			  how_addressed text, date_of_birth date, sex text, gender text, address_line_1 text, address_line_2 text,
			  town text, postcode text, phone text, email text, language text, interpreter_needed boolean,
			  communication_needs text, gp_practice_name text, gp_ods_code text, same_as uuid
			) on commit drop
			""";

	private static final String SQL_COPY = """
			copy person_import_stage (idx, id, nhs_number, title, given_name, family_name, preferred_name,
			  how_addressed, date_of_birth, sex, gender, address_line_1, address_line_2, town, postcode, phone, email,
			  language, interpreter_needed, communication_needs, gp_practice_name, gp_ods_code) from stdin
			""";

	private static final String SQL_SAME_REGISTERED = """
			update person_import_stage s set same_as = p.id
			from person.person p
			where s.nhs_number is not null and p.nhs_number = s.nhs_number
			""";

	// Within the file the first to give a number keeps it; later ones are registered
	// without it and named as the same as the first.
	private static final String SQL_SAME_IN_FILE = """
			with first as (
			  select distinct on (nhs_number) nhs_number, idx, coalesce(same_as, id) as holder
			  from person_import_stage where nhs_number is not null order by nhs_number, idx)
			update person_import_stage s set same_as = first.holder
			from first
			where s.nhs_number = first.nhs_number and s.idx > first.idx and s.same_as is null
			""";

	private static final String SQL_INSERT = """
			insert into person.person (id, nhs_number, title, given_name, family_name, preferred_name, how_addressed,
			       date_of_birth, sex, gender, address_line_1, address_line_2, town, postcode, phone, email, language,
			       interpreter_needed, communication_needs, gp_practice_name, gp_ods_code, source_organisation_id)
			select id, case when same_as is null then nhs_number end, title, given_name, family_name, preferred_name,
			       how_addressed, date_of_birth, sex, gender, address_line_1, address_line_2, town, postcode, phone,
			       email, language, interpreter_needed, communication_needs, gp_practice_name, gp_ods_code, :organisation
			from person_import_stage order by idx
			""";

	// A few people (a request's): the staging table's six statements would cost more than
	// they save, so the numbers are looked up in one query and everyone is inserted by
	// one
	// statement from arrays (ADR 60).
	static final int FEW = 200;

	private static final String SQL_HOLDERS = """
			select nhs_number, id from person.person where nhs_number = any(cast(array[:numbers] as text[]))
			""";

	private static final String SQL_INSERT_FEW = """
			insert into person.person (id, nhs_number, title, given_name, family_name, preferred_name, how_addressed,
			       date_of_birth, sex, gender, address_line_1, address_line_2, town, postcode, phone, email, language,
			       interpreter_needed, communication_needs, gp_practice_name, gp_ods_code, source_organisation_id)
			select id, nhs_number, title, given_name, family_name, preferred_name, how_addressed, date_of_birth, sex,
			       gender, address_line_1, address_line_2, town, postcode, phone, email, language, interpreter_needed,
			       communication_needs, gp_practice_name, gp_ods_code, cast(:organisation as uuid)
			from unnest(cast(array[:id] as uuid[]), cast(array[:nhsNumber] as text[]), cast(array[:title] as text[]),
			       cast(array[:givenName] as text[]), cast(array[:familyName] as text[]),
			       cast(array[:preferredName] as text[]), cast(array[:howAddressed] as text[]),
			       cast(array[:dateOfBirth] as date[]), cast(array[:sex] as text[]), cast(array[:gender] as text[]),
			       cast(array[:addressLine1] as text[]), cast(array[:addressLine2] as text[]),
			       cast(array[:town] as text[]), cast(array[:postcode] as text[]), cast(array[:phone] as text[]),
			       cast(array[:email] as text[]), cast(array[:language] as text[]),
			       cast(array[:interpreterNeeded] as boolean[]), cast(array[:communicationNeeds] as text[]),
			       cast(array[:gpPracticeName] as text[]), cast(array[:gpOdsCode] as text[]))
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
			@Nullable OrganisationId organisation) {
		if (people.size() <= FEW) {
			return registerFew(ids, people, organisation);
		}
		// The default 4 MB sent the ordered insert's sort and the NHS-number joins of a
		// 100,000-person file to temporary files (ADR 62); this transaction only.
		jdbc.sql("set local work_mem = '128MB'").update();
		jdbc.sql(SQL_STAGE).update();
		jdbc.sql("truncate person_import_stage").update();
		BulkRows.copy(DataSourceUtils.getConnection(dataSource), SQL_COPY, out -> {
			for (int i = 0; i < people.size(); i++) {
				PersonDetails d = people.get(i);
				out.row(i, ids.get(i).id(), d.nhsNumber(), d.title(), d.givenName(), d.familyName(), d.preferredName(),
						d.howAddressed(), d.dateOfBirth(), d.sex(), d.gender(), d.addressLine1(), d.addressLine2(),
						d.town(), d.postcode(), d.phone(), d.email(), d.language(), d.interpreterNeeded(),
						d.communicationNeeds(), d.gpPracticeName(), d.gpOdsCode());
			}
		});
		jdbc.sql("analyze person_import_stage").update();
		jdbc.sql(SQL_SAME_REGISTERED).update();
		jdbc.sql(SQL_SAME_IN_FILE).update();
		jdbc.sql(SQL_INSERT).param("organisation", organisation == null ? null : organisation.id()).update();
		Map<Integer, PersonId> same = new HashMap<>();
		jdbc.sql("select idx, same_as from person_import_stage where same_as is not null")
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> same.put(rs.getInt(1),
					new PersonId(rs.getObject(2, java.util.UUID.class))));
		return same;
	}

	/**
	 * The same rules as the staging table's joins: a number held already stays with its
	 * holder, and within the list the first to give a number keeps it, the later ones
	 * named as the same as its holder.
	 */
	private Map<Integer, PersonId> registerFew(List<PersonId> ids, List<PersonDetails> people,
			@Nullable OrganisationId organisation) {
		if (people.isEmpty()) {
			return Map.of();
		}
		List<String> numbers = people.stream().map(PersonDetails::nhsNumber).filter(n -> n != null).distinct().toList();
		Map<String, PersonId> holders = new HashMap<>();
		if (!numbers.isEmpty()) {
			jdbc.sql(SQL_HOLDERS)
				.param("numbers", numbers)
				.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> holders.put(rs.getString(1),
						new PersonId(rs.getObject(2, java.util.UUID.class))));
		}
		Map<Integer, PersonId> same = new HashMap<>();
		List<@Nullable String> kept = new java.util.ArrayList<>(people.size());
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
		jdbc.sql(SQL_INSERT_FEW)
			.param("id", ids.stream().map(PersonId::id).toList())
			.param("nhsNumber", kept)
			.param("title", column(people, PersonDetails::title))
			.param("givenName", column(people, PersonDetails::givenName))
			.param("familyName", column(people, PersonDetails::familyName))
			.param("preferredName", column(people, PersonDetails::preferredName))
			.param("howAddressed", column(people, PersonDetails::howAddressed))
			.param("dateOfBirth", column(people, PersonDetails::dateOfBirth))
			.param("sex", column(people, d -> d.sex().name()))
			.param("gender", column(people, PersonDetails::gender))
			.param("addressLine1", column(people, PersonDetails::addressLine1))
			.param("addressLine2", column(people, PersonDetails::addressLine2))
			.param("town", column(people, PersonDetails::town))
			.param("postcode", column(people, PersonDetails::postcode))
			.param("phone", column(people, PersonDetails::phone))
			.param("email", column(people, PersonDetails::email))
			.param("language", column(people, PersonDetails::language))
			.param("interpreterNeeded", column(people, PersonDetails::interpreterNeeded))
			.param("communicationNeeds", column(people, PersonDetails::communicationNeeds))
			.param("gpPracticeName", column(people, PersonDetails::gpPracticeName))
			.param("gpOdsCode", column(people, PersonDetails::gpOdsCode))
			.param("organisation", organisation == null ? null : organisation.id())
			.update();
		return same;
	}

	private static <T> List<@Nullable T> column(List<PersonDetails> people,
			java.util.function.Function<PersonDetails, @Nullable T> value) {
		List<@Nullable T> column = new java.util.ArrayList<>(people.size());
		people.forEach(d -> column.add(value.apply(d)));
		return column;
	}

}
