package care.seamless.careplan;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

	private final JdbcClient jdbc;

	ReviewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID planId, PersonId person, Review.Kind kind, LocalDate heldOn, @Nullable String notes,
			String by, Instant at) {
		jdbc.sql("""
				insert into careplan.review (id, plan_id, person_id, kind, held_on, notes, recorded_by, recorded_at)
				values (:id, :planId, :personId, :kind, :heldOn, :notes, :by, :at)
				""")
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

	/** The plan's reviews, oldest first, each with its scores. */
	List<Review> reviews(UUID planId) {
		Map<UUID, List<Review.Score>> scores = new LinkedHashMap<>();
		jdbc.sql("""
				select sc.review_id, sc.objective_id, sc.scorer, sc.score from careplan.attainment_score sc
				join careplan.review rv on rv.id = sc.review_id where rv.plan_id = :planId
				""").param("planId", planId).query((rs, n) -> {
			scores.computeIfAbsent(rs.getObject("review_id", UUID.class), k -> new ArrayList<>())
				.add(new Review.Score(rs.getObject("objective_id", UUID.class),
						Review.Scorer.valueOf(rs.getString("scorer")), rs.getInt("score")));
			return 0;
		}).list();
		return jdbc.sql("""
				select id, kind, held_on, notes, recorded_by from careplan.review where plan_id = :planId
				order by held_on, recorded_at
				""")
			.param("planId", planId)
			.query((rs, n) -> new Review(rs.getObject("id", UUID.class), Review.Kind.valueOf(rs.getString("kind")),
					rs.getDate("held_on").toLocalDate(), rs.getString("notes"), rs.getString("recorded_by"),
					scores.getOrDefault(rs.getObject("id", UUID.class), List.of())))
			.list();
	}

}
