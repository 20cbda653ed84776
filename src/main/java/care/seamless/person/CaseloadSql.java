package care.seamless.person;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import care.seamless.consent.LinkedIdentities;
import care.seamless.consent.SqlCondition;
import care.seamless.team.CareTeams;

/**
 * The caseload query's parts for one viewer and one {@link CaseloadQuery}: the rows
 * (people the access rule admits, each with its columns), the filter over them, and the
 * order. Only names defined by {@link CaseloadQuery}'s enums reach the SQL text; every
 * value is a parameter.
 */
record CaseloadSql(String rows, String filter, Map<String, Object> params) {

	private static final String ROWS = """
			select p.id, p.given_name, p.family_name, p.date_of_birth, p.nhs_number, p.restricted,
			  split_part(p.postcode, ' ', 1) as outward_code, true as in_care_team, ({linked}) as linked,
			  coalesce({role}, 'OTHER') as role,
			  (select max(e.recorded_at) from person.entry e where e.person_id = p.id and {contact}) as last_contact,
			  cast({NEXT_REVIEW} as date) as next_review,
			  coalesce(cast({NEXT_REVIEW} as date) < :caseloadToday, false) as review_overdue,
			  coalesce({ASSESSMENT_STATE}, 'NONE') as assessment_state,
			  coalesce({PLAN_STATE}, 'NONE') as plan_state
			from person.person p where {access}""";

	static CaseloadSql of(SqlCondition access, SqlCondition contact, Map<CaseloadFact.Kind, SqlCondition> facts,
			CaseloadQuery query, LocalDate today) {
		Map<String, Object> params = new HashMap<>(access.params());
		params.putAll(contact.params());
		facts.values().forEach(f -> params.putAll(f.params()));
		params.put("caseloadToday", today);
		String rows = ROWS.replace("{linked}", LinkedIdentities.linkedSql("p.id"))
			.replace("{role}", CareTeams.viewerRoleSql("p.id"))
			.replace("{contact}", contact.sql())
			.replace("{access}", access.sql());
		for (CaseloadFact.Kind kind : CaseloadFact.Kind.values()) {
			SqlCondition fact = facts.get(kind);
			rows = rows.replace("{" + kind.name() + "}", fact == null ? "null" : "(" + fact.sql() + ")");
		}
		StringBuilder filter = new StringBuilder("true");
		if (query.role() != null) {
			params.put("caseloadRole", query.role().name());
			filter.append(" and c.role = :caseloadRole");
		}
		if (query.plan() != null) {
			params.put("caseloadPlan", query.plan().name());
			filter.append(" and c.plan_state = :caseloadPlan");
		}
		if (query.overdueOnly()) {
			filter.append(" and c.review_overdue");
		}
		return new CaseloadSql(rows, filter.toString(), params);
	}

	/** What a sort orders by: a state by its place in its list, not alphabetically. */
	String order(CaseloadQuery.Sort sort, boolean descending) {
		String direction = descending ? " desc nulls last" : " asc nulls last";
		return switch (sort) {
			case NAME -> "lower(c.family_name)" + direction + ", lower(c.given_name)";
			case ROLE -> rank("c.role", CaseloadQuery.Role.values());
			case LAST_CONTACT -> "c.last_contact";
			case NEXT_REVIEW -> "c.next_review";
			case ASSESSMENT -> rank("c.assessment_state", CaseloadQuery.AssessmentState.values());
			case PLAN -> rank("c.plan_state", CaseloadQuery.PlanState.values());
		} + direction;
	}

	private static String rank(String column, Enum<?>[] values) {
		return "array_position(array["
				+ Arrays.stream(values).map(v -> "'" + v.name() + "'").collect(Collectors.joining(", ")) + "]::text[], "
				+ column + ")";
	}

}
