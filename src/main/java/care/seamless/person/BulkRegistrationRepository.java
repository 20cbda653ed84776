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

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	BulkRegistrationRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** Registers everyone; returns, by place in the list, who already held the number. */
	Map<Integer, PersonId> register(List<PersonId> ids, List<PersonDetails> people,
			@Nullable OrganisationId organisation) {
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

}
