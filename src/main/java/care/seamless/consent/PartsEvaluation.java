package care.seamless.consent;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What {@link AccessPolicy#recordWithParts} evaluated in the caller's query, read from
 * the caller's row, for {@link AccessPolicy#auditWithParts} to decide on. Opaque to the
 * caller, so that only this module turns an evaluation into a decision.
 */
public final class PartsEvaluation {

	private final AccessRepository.PairEvaluation pair;

	private PartsEvaluation(AccessRepository.PairEvaluation pair) {
		this.pair = pair;
	}

	/**
	 * The evaluation in the current row of a query that selected the derived table's
	 * columns.
	 */
	public static PartsEvaluation of(ResultSet rs) throws SQLException {
		return new PartsEvaluation(AccessRepository.pairOf(rs));
	}

	AccessRepository.PairEvaluation pair() {
		return pair;
	}

}
