package care.seamless.funding;

import java.util.function.Consumer;

import care.seamless.shared.BulkIndexes;
import care.seamless.shared.BulkRows;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk rows for personal budgets and the weekly costs of their services (amounts in
 * pounds with two decimals, written from BigDecimal). Only for filling an empty database
 * with a synthetic population (the {@code population} module, ADR 45): rows go straight
 * into the tables, with neither the access policy nor the audit log, so nothing else may
 * call it (ArchitectureTests).
 */
@Component
public class BudgetsBulkLoad {

	/** The tables this module lets a population fill, each with its column order. */
	public enum Table {

		/**
		 * Columns: id, person_id, team_id, organisation_id, financial_year,
		 * indicative_points, indicative_weekly, indicative_working, created_by,
		 * created_at.
		 */
		PERSONAL_BUDGET(
				"copy funding.personal_budget (id, person_id, team_id, organisation_id, financial_year, indicative_points, indicative_weekly, indicative_working, created_by, created_at) from stdin"),

		/**
		 * Columns: action_id, budget_id, person_id, organisation_id, weekly_cost, payer,
		 * recorded_by, recorded_at.
		 */
		SUPPORT_COST(
				"copy funding.support_cost (action_id, budget_id, person_id, organisation_id, weekly_cost, payer, recorded_by, recorded_at) from stdin");

		private final String copySql;

		Table(String copySql) {
			this.copySql = copySql;
		}

	}

	private final BudgetsBulkLoadRepository repository;

	BudgetsBulkLoad(BudgetsBulkLoadRepository repository) {
		this.repository = repository;
	}

	/** Writes rows into one table in the caller's transaction; returns how many. */
	@Transactional(propagation = Propagation.MANDATORY)
	public long load(Table table, Consumer<BulkRows> rows) {
		return repository.copy(table.copySql, rows);
	}

	/**
	 * Drops the keys and indexes of this module's tables until the handle returned builds
	 * them again, in the caller's transaction (ADR 56).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public BulkIndexes dropIndexes() {
		return repository.dropIndexes(java.util.Arrays.stream(Table.values())
			.map(table -> BulkRows.tableOf(table.copySql))
			.distinct()
			.toList());
	}

	/** Refreshes the planner's statistics for the loaded tables. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void analyse() {
		for (Table table : Table.values()) {
			repository.analyse(BulkRows.tableOf(table.copySql));
		}
	}

}
