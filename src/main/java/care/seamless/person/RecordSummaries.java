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

	private final RecordSummaryRepository repository;

	private final List<RecordSummaryFact> summaryFacts;

	private final List<CaseloadFact> caseloadFacts;

	RecordSummaries(RecordSummaryRepository repository, List<RecordSummaryFact> summaryFacts,
			List<CaseloadFact> caseloadFacts) {
		this.repository = repository;
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
		RecordSummaryRepository.Row row = repository.find(person, facts.get(RecordSummaryFact.Kind.LATEST_ASSESSMENT),
				facts.get(RecordSummaryFact.Kind.LATEST_ELIGIBILITY), plan.get(CaseloadFact.Kind.PLAN_STATE),
				plan.get(CaseloadFact.Kind.NEXT_REVIEW), params);
		return new RecordSummary(item(row.assessment(), 3, true), item(row.eligibility(), 2, false),
				planItem(row.planState(), row.nextReview()));
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
