package care.seamless.consent;

import java.util.function.Consumer;

import care.seamless.shared.BulkIndexes;
import care.seamless.shared.BulkRows;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk rows for people's consents, dissents and objections. Only for filling an empty
 * database with a synthetic population (the {@code population} module, ADR 45): rows go
 * straight into the tables, with neither the access policy nor the audit log, so nothing
 * else may call it (ArchitectureTests).
 */
@Component
public class ChoicesBulkLoad {

	/** The tables this module lets a population fill, each with its column order. */
	public enum Table {

		/**
		 * Columns: id, person_id, kind, organisation_id, category, how_given,
		 * effective_from, recorded_by, recorded_at.
		 */
		CHOICE("copy consent.choice (id, person_id, kind, organisation_id, category, how_given, effective_from, recorded_by, recorded_at) from stdin");

		private final String copySql;

		Table(String copySql) {
			this.copySql = copySql;
		}

	}

	private final ChoicesBulkLoadRepository repository;

	ChoicesBulkLoad(ChoicesBulkLoadRepository repository) {
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
