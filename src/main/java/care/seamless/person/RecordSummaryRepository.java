package care.seamless.person;

import java.time.LocalDate;
import java.util.Map;

import care.seamless.consent.SqlCondition;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RecordSummaryRepository {

	private static final String SQL_SUMMARY = """
			select {assessment} as assessment, {eligibility} as eligibility, {planState} as plan_state,
			       cast({nextReview} as date) as next_review
			from person.person p where p.id = :summaryPerson
			""";

	private final JdbcClient jdbc;

	RecordSummaryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(@Nullable String assessment, @Nullable String eligibility, @Nullable String planState,
			@Nullable LocalDate nextReview) {
	}

	/**
	 * One row of the owners' scalars over {@code p.id}; their params are already merged.
	 */
	Row find(PersonId person, @Nullable SqlCondition assessment, @Nullable SqlCondition eligibility,
			@Nullable SqlCondition planState, @Nullable SqlCondition nextReview, Map<String, Object> params) {
		String sql = SQL_SUMMARY.replace("{assessment}", scalar(assessment))
			.replace("{eligibility}", scalar(eligibility))
			.replace("{planState}", scalar(planState))
			.replace("{nextReview}", scalar(nextReview));
		return jdbc.sql(sql).params(params).param("summaryPerson", person.id()).query((rs, n) -> {
			java.sql.Date review = rs.getDate("next_review");
			return new Row(rs.getString("assessment"), rs.getString("eligibility"), rs.getString("plan_state"),
					review == null ? null : review.toLocalDate());
		}).single();
	}

	private static String scalar(@Nullable SqlCondition fact) {
		return fact == null ? "null" : "(" + fact.sql() + ")";
	}

}
