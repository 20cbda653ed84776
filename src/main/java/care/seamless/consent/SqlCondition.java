package care.seamless.consent;

import java.util.Map;

/**
 * A boolean SQL expression with its named parameters, to be AND-ed into a query's WHERE
 * clause.
 */
public record SqlCondition(String sql, Map<String, Object> params) {

	public SqlCondition {
		params = Map.copyOf(params);
	}

	/**
	 * Both conditions; their parameters must agree where they share a name (as every
	 * condition of one actor from {@link AccessPolicy} does).
	 */
	public SqlCondition and(SqlCondition other) {
		java.util.Map<String, Object> both = new java.util.HashMap<>(params);
		both.putAll(other.params());
		return new SqlCondition("(" + sql + ") and (" + other.sql() + ")", both);
	}

	public static SqlCondition never() {
		return new SqlCondition("false", Map.of());
	}

}
