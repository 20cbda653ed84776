package care.seamless.consent;

import java.util.Map;

/**
 * An SQL query (not a condition) with its named parameters: a set of rows for another
 * query to start from, such as {@link AccessPolicy#reachablePeople}.
 */
public record SqlQuery(String sql, Map<String, Object> params) {

	public SqlQuery {
		params = Map.copyOf(params);
	}

}
