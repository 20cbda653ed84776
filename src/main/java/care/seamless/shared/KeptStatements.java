package care.seamless.shared;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Statements whose text is put together from the access policy's conditions, built once
 * per shape and kept with positional parameters (ADR 78). A condition's text depends only
 * on the columns it is over (the viewer is in its parameters), so one kept {@code String}
 * serves every viewer of a shape: its tens of kilobytes are not concatenated, parsed for
 * named parameters, copied with {@code ?} and hashed again on every read, and the driver
 * finds its server-side prepared statement by the very same instance.
 */
public final class KeptStatements {

	/**
	 * More shapes than the code base makes for one read (staff and person-side viewers of
	 * each kind); past it, statements are built afresh rather than more kept.
	 */
	private static final int MOST_SHAPES = 64;

	private final Map<List<String>, Statement> kept = new ConcurrentHashMap<>();

	private final int mostShapes;

	public KeptStatements() {
		this(MOST_SHAPES);
	}

	private KeptStatements(int mostShapes) {
		this.mostShapes = mostShapes;
	}

	/**
	 * Keeps nothing: every statement is built and run named, as before ADR 78 (the
	 * reference that tests compare the kept statements with).
	 */
	public static KeptStatements none() {
		return new KeptStatements(0);
	}

	/**
	 * A statement with positional parameters and the names they are bound from, in order.
	 */
	public record Statement(String sql, ParsedSql parsed) {

		/**
		 * The parameters' values in the order of the statement's placeholders; throws as
		 * a named statement would when one is missing.
		 */
		public Object[] args(Map<String, ?> params) {
			return NamedParameterUtils.buildValueArray(parsed, new MapSqlParameterSource(params), null);
		}

	}

	/**
	 * The statement kept for {@code shape} (every text it is built from, the conditions'
	 * own), built by {@code namedSql} the first time. Null, for the caller to run the
	 * named statement as before, when a parameter would expand into a list (the number of
	 * placeholders would then depend on the value) or once the shapes kept are many more
	 * than expected.
	 */
	public @Nullable Statement statement(List<String> shape, Map<String, ?> params, Supplier<String> namedSql) {
		for (Object value : params.values()) {
			if (value instanceof Iterable<?> || (value != null && value.getClass().isArray())) {
				return null;
			}
		}
		Statement statement = kept.get(shape);
		if (statement != null || kept.size() >= mostShapes) {
			return statement;
		}
		return kept.computeIfAbsent(List.copyOf(shape), (s) -> {
			ParsedSql parsed = NamedParameterUtils.parseSqlStatement(namedSql.get());
			return new Statement(NamedParameterUtils.substituteNamedParameters(parsed, null), parsed);
		});
	}

	/**
	 * The text to run for {@code shape} and how to bind its parameters: the kept
	 * statement's, or the named statement's as before where none is kept. {@code shape}
	 * names the statement and holds every condition text {@code namedSql} puts in it.
	 */
	public Bound bind(List<String> shape, Map<String, ?> params, Supplier<String> namedSql) {
		Statement statement = statement(shape, params, namedSql);
		return (statement == null) ? new Bound(namedSql.get(), null, params)
				: new Bound(statement.sql(), statement.args(params), params);
	}

	/**
	 * A statement's text with its parameters: positional when kept, named otherwise. Run
	 * as {@code bound.params(jdbc.sql(bound.sql()))}.
	 */
	public record Bound(String sql, Object @Nullable [] args, Map<String, ?> named) {

		public JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec) {
			return (args != null) ? spec.params(args) : spec.params(named);
		}

	}

}
