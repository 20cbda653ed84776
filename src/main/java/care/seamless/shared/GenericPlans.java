package care.seamless.shared;

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

	/**
	 * The statement that runs the transaction's later statements on their generic plans;
	 * the setting ends with the transaction, so it must be run inside one (a repository
	 * runs it, as only repositories hold the database client).
	 */
	public static final String FOR_THIS_TRANSACTION = "set local plan_cache_mode = force_generic_plan";

	private GenericPlans() {
	}

}
