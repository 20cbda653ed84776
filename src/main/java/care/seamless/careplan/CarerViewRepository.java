package care.seamless.careplan;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import care.seamless.consent.SqlCondition;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Carers' views of objectives. Rows are only ever inserted, and only against the
 * objective's version the carer was shown.
 */
@Repository
class CarerViewRepository {

	private static final String SQL_INSERT = """
			insert into careplan.carer_view (id, objective_id, person_id, carer_person_id, carer_name, view, words,
				recorded_by_name, organisation_id, recorded_at, category)
			select :id, obj.id, obj.person_id, :carer, :carerName, :view, :words, :recordedBy, :organisation, :at,
				obj.category
			from careplan.objective obj
			where obj.id = :objective and obj.person_id = :person and obj.version = :version
			""";

	/** The views of a plan's objectives that the viewer may see, oldest first. */
	private static final String SQL_VIEWS = """
			select cv.id, cv.objective_id, cv.carer_person_id, cv.carer_name, cv.view, cv.words, cv.recorded_by_name,
				cv.organisation_id, cv.recorded_at
			from careplan.carer_view cv
			join careplan.objective obj on obj.id = cv.objective_id
			where obj.plan_id = :planId and %s
			order by cv.recorded_at, cv.id
			""";

	private final JdbcClient jdbc;

	CarerViewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(UUID id, UUID objectiveId, PersonId carer, String carerName, CarersView.View view, String words,
			String recordedBy, OrganisationId organisation, java.time.Instant recordedAt) {
	}

	record NewView(UUID objective, PersonId person, long version, PersonId carer, String carerName,
			CarersView.View view, String words, String recordedBy, OrganisationId organisation, java.time.Instant at) {
	}

	/** False when the objective is not at {@code version} any more. */
	boolean insert(UUID id, NewView view) {
		return jdbc.sql(SQL_INSERT)
			.param("id", id)
			.param("objective", view.objective())
			.param("person", view.person().id())
			.param("version", view.version())
			.param("carer", view.carer().id())
			.param("carerName", view.carerName())
			.param("view", view.view().name())
			.param("words", view.words())
			.param("recordedBy", view.recordedBy())
			.param("organisation", view.organisation().id())
			.param("at", Timestamp.from(view.at()))
			.update() == 1;
	}

	List<Row> visible(UUID planId, SqlCondition visible) {
		return jdbc.sql(visibleSql(visible))
			.params(visible.params())
			.param("planId", planId)
			.query((rs, n) -> map(Columns.of(rs)))
			.list();
	}

	static String visibleSql(SqlCondition visible) {
		return SQL_VIEWS.formatted(visible.sql());
	}

	static Row map(Columns row) throws SQLException {
		return new Row(row.uuid("id"), row.uuid("objective_id"), new PersonId(row.uuid("carer_person_id")),
				row.string("carer_name"), CarersView.View.valueOf(row.string("view")), row.string("words"),
				row.string("recorded_by_name"), new OrganisationId(row.uuid("organisation_id")),
				row.instant("recorded_at"));
	}

}
