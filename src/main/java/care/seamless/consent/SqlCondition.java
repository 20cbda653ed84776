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

	public static SqlCondition never() {
		return new SqlCondition("false", Map.of());
	}

}
