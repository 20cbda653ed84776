package care.seamless.careplan;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.consent.SqlCondition;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reviews and their goal attainment scores; both are only ever added, so they form the
 * history.
 */
@Repository
class ReviewRepository {

	/** Review notes are general information of the organisation that recorded them. */
	static final DataCategory NOTES_CATEGORY = DataCategory.GENERAL;

	private final JdbcClient jdbc;

	ReviewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID planId, PersonId person, Review.Kind kind, LocalDate heldOn, @Nullable String notes,
			OrganisationId organisation, String by, Instant at) {
		jdbc.sql("""
				insert into careplan.review (id, plan_id, person_id, kind, held_on, notes, category,
				       source_organisation_id, recorded_by, recorded_at)
				values (:id, :planId, :personId, :kind, :heldOn, :notes, :category, :organisationId, :by, :at)
				""")
			.param("category", NOTES_CATEGORY.name())
			.param("organisationId", organisation.id())
			.param("id", id)
			.param("planId", planId)
			.param("personId", person.id())
			.param("kind", kind.name())
			.param("heldOn", heldOn)
			.param("notes", notes)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	void insertScore(UUID reviewId, UUID objectiveId, PersonId person, Review.Scorer scorer, int score) {
		jdbc.sql("""
				insert into careplan.attainment_score (review_id, objective_id, person_id, scorer, score)
				values (:reviewId, :objectiveId, :personId, :scorer, :score)
				""")
			.param("reviewId", reviewId)
			.param("objectiveId", objectiveId)
			.param("personId", person.id())
			.param("scorer", scorer.name())
			.param("score", score)
			.update();
	}

	/**
	 * The plan's reviews, oldest first. Every review is listed (when it was held is part
	 * of the plan), but its notes only when the viewer may see them ({@code notesVisible}
	 * over alias {@code rv}), and only the scores of objectives the viewer may see
	 * ({@code objectiveVisible} over alias {@code obj}): decided in the query, so neither
	 * the text nor how many objectives are withheld leaves the database.
	 */
	List<Review> reviews(UUID planId, SqlCondition notesVisible, SqlCondition objectiveVisible) {
		Map<UUID, List<Review.Score>> scores = new LinkedHashMap<>();
		jdbc.sql("""
				select sc.review_id, sc.objective_id, sc.scorer, sc.score from careplan.attainment_score sc
				join careplan.review rv on rv.id = sc.review_id
				join careplan.objective obj on obj.id = sc.objective_id
				where rv.plan_id = :planId and %s
				""".formatted(objectiveVisible.sql()))
			.params(objectiveVisible.params())
			.param("planId", planId)
			.query((rs, n) -> {
				scores.computeIfAbsent(rs.getObject("review_id", UUID.class), k -> new ArrayList<>())
					.add(new Review.Score(rs.getObject("objective_id", UUID.class),
							Review.Scorer.valueOf(rs.getString("scorer")), rs.getInt("score")));
				return 0;
			})
			.list();
		return jdbc.sql("""
				select rv.id, rv.kind, rv.held_on, case when %s then rv.notes end as notes, rv.recorded_by
				from careplan.review rv where rv.plan_id = :planId
				order by rv.held_on, rv.recorded_at
				""".formatted(notesVisible.sql()))
			.params(notesVisible.params())
			.param("planId", planId)
			.query((rs, n) -> new Review(rs.getObject("id", UUID.class), Review.Kind.valueOf(rs.getString("kind")),
					rs.getDate("held_on").toLocalDate(), rs.getString("notes"), rs.getString("recorded_by"),
					scores.getOrDefault(rs.getObject("id", UUID.class), List.of())))
			.list();
	}

}
