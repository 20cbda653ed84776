package care.seamless.person;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.consent.SqlCondition;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the record's summary in one query from the SQL the owning modules publish
 * ({@link RecordSummaryFact}, and the plan's {@link CaseloadFact}s), so each value is
 * decided by its owner's access rule inside the SQL. Called by the record page after it
 * has opened (and audited) the record.
 */
@Service
public class RecordSummaries {

	private static final String WITHHELD = "WITHHELD";

	private final JdbcClient jdbc;

	private final List<RecordSummaryFact> summaryFacts;

	private final List<CaseloadFact> caseloadFacts;

	RecordSummaries(JdbcClient jdbc, List<RecordSummaryFact> summaryFacts, List<CaseloadFact> caseloadFacts) {
		this.jdbc = jdbc;
		this.summaryFacts = summaryFacts;
		this.caseloadFacts = caseloadFacts;
	}

	@Transactional(readOnly = true)
	public RecordSummary of(Actor actor, PersonId person) {
		Map<RecordSummaryFact.Kind, SqlCondition> facts = new EnumMap<>(RecordSummaryFact.Kind.class);
		summaryFacts.forEach(f -> facts.put(f.kind(), f.sql(actor, "p.id")));
		Map<CaseloadFact.Kind, SqlCondition> plan = new EnumMap<>(CaseloadFact.Kind.class);
		caseloadFacts.stream()
			.filter(f -> f.kind() != CaseloadFact.Kind.ASSESSMENT_STATE)
			.forEach(f -> plan.put(f.kind(), f.sql(actor, "p.id")));
		Map<String, Object> params = new HashMap<>();
		facts.values().forEach(f -> params.putAll(f.params()));
		plan.values().forEach(f -> params.putAll(f.params()));
		params.put("summaryPerson", person.id());
		String sql = "select " + scalar(facts.get(RecordSummaryFact.Kind.LATEST_ASSESSMENT)) + " as assessment, "
				+ scalar(facts.get(RecordSummaryFact.Kind.LATEST_ELIGIBILITY)) + " as eligibility, "
				+ scalar(plan.get(CaseloadFact.Kind.PLAN_STATE)) + " as plan_state, " + "cast("
				+ scalar(plan.get(CaseloadFact.Kind.NEXT_REVIEW)) + " as date) as next_review"
				+ " from person.person p where p.id = :summaryPerson";
		return jdbc.sql(sql).params(params).query((rs, n) -> {
			java.sql.Date review = rs.getDate("next_review");
			return new RecordSummary(item(rs.getString("assessment"), 3, true),
					item(rs.getString("eligibility"), 2, false),
					planItem(rs.getString("plan_state"), review == null ? null : review.toLocalDate()));
		}).single();
	}

	private static String scalar(@Nullable SqlCondition fact) {
		return fact == null ? "null" : "(" + fact.sql() + ")";
	}

	/**
	 * Splits an owner's value: its fields, the last one a date, the first an id if asked.
	 */
	private static RecordSummary.@Nullable Item item(@Nullable String value, int dateIndex, boolean withId) {
		if (value == null) {
			return null;
		}
		if (WITHHELD.equals(value)) {
			return RecordSummary.Item.withheldItem();
		}
		List<String> parts = Arrays.asList(value.split("\\|", -1));
		UUID id = withId ? UUID.fromString(parts.get(0)) : null;
		List<String> fields = parts.subList(withId ? 1 : 0, dateIndex);
		return new RecordSummary.Item(false, id, List.copyOf(fields), LocalDate.parse(parts.get(dateIndex)));
	}

	private static RecordSummary.@Nullable Item planItem(@Nullable String state, @Nullable LocalDate nextReview) {
		if (state == null) {
			return null;
		}
		if (WITHHELD.equals(state)) {
			return RecordSummary.Item.withheldItem();
		}
		return new RecordSummary.Item(false, null, List.of(state), nextReview);
	}

}
