package care.seamless.careplan;

import java.util.function.Consumer;

import care.seamless.shared.BulkIndexes;
import care.seamless.shared.BulkRows;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk rows for care plans: plans, the outcomes the person wants, objectives and actions.
 * Only for filling an empty database with a synthetic population (the {@code population}
 * module, ADR 45): rows go straight into the tables, with neither the access policy nor
 * the audit log, so nothing else may call it (ArchitectureTests).
 */
@Component
public class CarePlanBulkLoad {

	/** The tables this module lets a population fill, each with its column order. */
	public enum Table {

		/**
		 * Columns: id, person_id, assessment_episode_id, source_organisation_id,
		 * created_by, created_at, next_review_on.
		 */
		CARE_PLAN(
				"copy careplan.care_plan (id, person_id, assessment_episode_id, source_organisation_id, created_by, created_at, next_review_on) from stdin"),

		/** Columns: id, plan_id, person_id, words, recorded_by, recorded_at. */
		OUTCOME("copy careplan.outcome (id, plan_id, person_id, words, recorded_by, recorded_at) from stdin"),

		/**
		 * Columns: id, plan_id, person_id, outcome_id, section, description, target,
		 * measure, target_date, category, source_organisation_id, created_by, created_at.
		 */
		OBJECTIVE(
				"copy careplan.objective (id, plan_id, person_id, outcome_id, section, description, target, measure, target_date, category, source_organisation_id, created_by, created_at) from stdin"),

		/**
		 * Columns: id, plan_id, person_id, objective_id, kind, description, category,
		 * owner_organisation_id, owner_practitioner_id, owner_team_id, due_on, status.
		 */
		ACTION("copy careplan.action (id, plan_id, person_id, objective_id, kind, description, category, owner_organisation_id, owner_practitioner_id, owner_team_id, due_on, status) from stdin");

		private final String copySql;

		Table(String copySql) {
			this.copySql = copySql;
		}

	}

	private final CarePlanBulkLoadRepository repository;

	CarePlanBulkLoad(CarePlanBulkLoadRepository repository) {
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
