package care.seamless.shared;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's plan kept for any values, for the rest of the current transaction.
 * <p>
 * A statement that carries the access rules (tens of relations in subqueries) costs far
 * more to plan than to run, and PostgreSQL plans a prepared statement afresh on every
 * call whenever the plan for the actual values looks cheaper than the one it would keep,
 * which for these statements is always. Where something in the statement bounds its rows
 * whatever the values (an equality on an indexed column, the viewer's own people), the
 * kept plan is as good, and each call saves the planning (ADRs 66 and 139).
 */
public final class GenericPlans {

	private GenericPlans() {
	}

	/**
	 * Runs the transaction's later statements on their generic plans; the setting ends
	 * with the transaction, so the caller must be inside one.
	 */
	public static void forThisTransaction(JdbcClient jdbc) {
		jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
	}

}
