package care.seamless.person;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.consent.SqlCondition;
import care.seamless.shared.PersonId;
import care.seamless.team.CareTeamPeople;
import care.seamless.team.CareTeams;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CareTeamPeopleRepository {

	private static final String SQL_NAMES = """
			select p.id, p.given_name || ' ' || p.family_name as name from person.person p
			where p.id in (:ids) and %s
			""";

	private static final String SQL_UNALLOCATED = """
			select p.id, p.given_name || ' ' || p.family_name as name, p.date_of_birth from person.person p
			where %s and %s
			order by p.created_at, p.id
			limit 200
			""";

	private final JdbcClient jdbc;

	CareTeamPeopleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<PersonId, String> names(Collection<PersonId> people, SqlCondition visible) {
		Map<PersonId, String> names = new HashMap<>();
		jdbc.sql(SQL_NAMES.formatted(visible.sql()))
			.params(visible.params())
			.param("ids", people.stream().map(PersonId::id).toList())
			.query((rs, n) -> names.put(new PersonId(rs.getObject("id", UUID.class)), rs.getString("name")))
			.list();
		return names;
	}

	List<CareTeamPeople.Unallocated> unallocated(SqlCondition allocatable) {
		return jdbc.sql(SQL_UNALLOCATED.formatted(CareTeams.noCareTeamSql("p.id"), allocatable.sql()))
			.params(allocatable.params())
			.query((rs, n) -> new CareTeamPeople.Unallocated(new PersonId(rs.getObject("id", UUID.class)),
					rs.getString("name"), rs.getDate("date_of_birth").toLocalDate()))
			.list();
	}

}
