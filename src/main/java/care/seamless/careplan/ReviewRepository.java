package care.seamless.careplan;

import java.sql.SQLException;
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
		List<ScoreRow> scores = jdbc.sql(scoresSql(objectiveVisible))
			.params(objectiveVisible.params())
			.param("planId", planId)
			.query((rs, n) -> mapScore(Columns.of(rs)))
			.list();
		List<ReviewRow> reviews = jdbc.sql(reviewsSql(notesVisible))
			.params(notesVisible.params())
			.param("planId", planId)
			.query((rs, n) -> mapReview(Columns.of(rs)))
			.list();
		return reviews(reviews, scores);
	}

	static String scoresSql(SqlCondition objectiveVisible) {
		return """
				select sc.review_id, sc.objective_id, sc.scorer, sc.score from careplan.attainment_score sc
				join careplan.review rv on rv.id = sc.review_id
				join careplan.objective obj on obj.id = sc.objective_id
				where rv.plan_id = :planId and %s
				""".formatted(objectiveVisible.sql());
	}

	static String reviewsSql(SqlCondition notesVisible) {
		return """
				select rv.id, rv.kind, rv.held_on, case when %s then rv.notes end as notes, rv.recorded_by
				from careplan.review rv where rv.plan_id = :planId
				order by rv.held_on, rv.recorded_at
				""".formatted(notesVisible.sql());
	}

	/** Each review with the scores read for it, in the order the scores came. */
	static List<Review> reviews(List<ReviewRow> reviews, List<ScoreRow> scoreRows) {
		Map<UUID, List<Review.Score>> scores = new LinkedHashMap<>();
		scoreRows.forEach(s -> scores.computeIfAbsent(s.reviewId(), k -> new ArrayList<>()).add(s.score()));
		return reviews.stream()
			.map(r -> new Review(r.id(), r.kind(), r.heldOn(), r.notes(), r.recordedBy(),
					scores.getOrDefault(r.id(), List.of())))
			.toList();
	}

	record ScoreRow(UUID reviewId, Review.Score score) {
	}

	record ReviewRow(UUID id, Review.Kind kind, LocalDate heldOn, @Nullable String notes, String recordedBy) {
	}

	static ScoreRow mapScore(Columns row) throws SQLException {
		return new ScoreRow(row.uuid("review_id"), new Review.Score(row.uuid("objective_id"),
				Review.Scorer.valueOf(row.string("scorer")), row.intValue("score")));
	}

	static ReviewRow mapReview(Columns row) throws SQLException {
		return new ReviewRow(row.uuid("id"), Review.Kind.valueOf(row.string("kind")), row.date("held_on"),
				row.string("notes"), row.string("recorded_by"));
	}

}
