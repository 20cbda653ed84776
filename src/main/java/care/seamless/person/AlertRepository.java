package care.seamless.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.consent.SqlCondition;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AlertRepository {

	private static final String SQL_COLUMNS = """
			select a.id, a.person_id, a.kind, a.category, a.source_organisation_id, a.note, a.raised_by_name,
			       a.raised_at, a.version
			from person.alert a
			""";

	private static final String SQL_INSERT = """
			insert into person.alert (id, person_id, kind, category, source_organisation_id, note, raised_by,
			       raised_by_name, raised_at)
			values (:id, :person, :kind, :category, :source, :note, :raisedBy, :raisedByName, :at)
			""";

	private static final String SQL_END = """
			update person.alert set ended_by = :by, ended_at = :at, end_reason = :reason, version = version + 1
			where id = :id and version = :version and ended_at is null
			""";

	private final JdbcClient jdbc;

	AlertRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Alert alert, String raisedBy) {
		jdbc.sql(SQL_INSERT)
			.param("id", alert.id())
			.param("person", alert.personId().id())
			.param("kind", alert.kind().name())
			.param("category", alert.category().name())
			.param("source", alert.sourceOrganisationId().id())
			.param("note", alert.note())
			.param("raisedBy", raisedBy)
			.param("raisedByName", alert.raisedByName())
			.param("at", Timestamp.from(alert.raisedAt()))
			.update();
	}

	/**
	 * Current alerts of the person that {@code visible} (over alias {@code a}) admits.
	 */
	List<Alert> current(PersonId person, SqlCondition visible) {
		return jdbc
			.sql(SQL_COLUMNS + " where a.person_id = :person and a.ended_at is null and " + visible.sql()
					+ " order by a.raised_at, a.id")
			.params(visible.params())
			.param("person", person.id())
			.query(AlertRepository::map)
			.list();
	}

	record Withheld(String reason, OrganisationId source) {
	}

	/**
	 * Why current alerts are withheld, once per reason and organisation; never how many.
	 */
	List<Withheld> withheld(PersonId person, SqlCondition reason) {
		return jdbc.sql("select distinct r.reason, r.source from (select " + reason.sql()
				+ " as reason, a.source_organisation_id as source from person.alert a"
				+ " where a.person_id = :person and a.ended_at is null) r where r.reason is not null order by r.reason")
			.params(reason.params())
			.param("person", person.id())
			.query((rs, n) -> new Withheld(rs.getString("reason"),
					new OrganisationId(rs.getObject("source", UUID.class))))
			.list();
	}

	Optional<Alert> find(PersonId person, UUID id) {
		return jdbc.sql(SQL_COLUMNS + " where a.person_id = :person and a.id = :id and a.ended_at is null")
			.param("person", person.id())
			.param("id", id)
			.query(AlertRepository::map)
			.optional();
	}

	int end(UUID id, long version, String by, String reason, Instant at) {
		return jdbc.sql(SQL_END)
			.param("id", id)
			.param("version", version)
			.param("by", by)
			.param("reason", reason)
			.param("at", Timestamp.from(at))
			.update();
	}

	private static Alert map(ResultSet rs, int n) throws SQLException {
		return new Alert(rs.getObject("id", UUID.class), new PersonId(rs.getObject("person_id", UUID.class)),
				AlertKind.valueOf(rs.getString("kind")), DataCategory.valueOf(rs.getString("category")),
				new OrganisationId(rs.getObject("source_organisation_id", UUID.class)), rs.getString("note"),
				rs.getString("raised_by_name"), rs.getTimestamp("raised_at").toInstant(), rs.getLong("version"));
	}

}
