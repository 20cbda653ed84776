package care.seamless.person;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.seamless.shared.PersonId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Links between a person's record and the own record of someone who cares for them. */
@Repository
class CarerRepository {

	private static final String SQL_LINK = """
			insert into person.related_person (id, person_id, relationship, name, phone, email, may_contact,
				period_start, related_record_id)
			values (:id, :person, 'CARER', :name, :phone, :email, true, :start, :carer)
			on conflict do nothing
			""";

	private static final String SQL_CARED_FOR = """
			select r.person_id as id, p.given_name || ' ' || p.family_name as name
			from person.related_person r join person.person p on p.id = r.person_id
			where r.related_record_id = :carer and r.relationship = 'CARER'
				and (r.period_end is null or r.period_end >= current_date)
			order by p.family_name, p.given_name
			""";

	private static final String SQL_CARERS = """
			select r.related_record_id as id, r.name
			from person.related_person r
			where r.person_id = :person and r.relationship = 'CARER' and r.related_record_id is not null
				and (r.period_end is null or r.period_end >= current_date)
			order by r.name
			""";

	private final JdbcClient jdbc;

	CarerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** False when this carer is already linked to this person. */
	boolean link(UUID id, PersonId person, PersonId carer, String name, String phone, String email, LocalDate start) {
		return jdbc.sql(SQL_LINK)
			.param("id", id)
			.param("person", person.id())
			.param("carer", carer.id())
			.param("name", name)
			.param("phone", phone)
			.param("email", email)
			.param("start", Date.valueOf(start))
			.update() == 1;
	}

	List<CaredFor> caredFor(PersonId carer) {
		return jdbc.sql(SQL_CARED_FOR)
			.param("carer", carer.id())
			.query((rs, n) -> new CaredFor(new PersonId(rs.getObject("id", UUID.class)), rs.getString("name")))
			.list();
	}

	List<CaredFor> carers(PersonId person) {
		return jdbc.sql(SQL_CARERS)
			.param("person", person.id())
			.query((rs, n) -> new CaredFor(new PersonId(rs.getObject("id", UUID.class)), rs.getString("name")))
			.list();
	}

}
