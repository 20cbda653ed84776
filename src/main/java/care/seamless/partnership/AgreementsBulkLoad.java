package care.seamless.partnership;

import java.util.function.Consumer;

import care.seamless.shared.BulkRows;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk rows for information-sharing agreements. Only for filling an empty database with a
 * synthetic population (the {@code population} module, ADR 45): rows go straight into the
 * tables, with neither the access policy nor the audit log, so nothing else may call it
 * (ArchitectureTests).
 */
@Component
public class AgreementsBulkLoad {

	/** The tables this module lets a population fill, each with its column order. */
	public enum Table {

		/**
		 * Columns: id, title, lawful_basis, start_date, review_date, status, created_at.
		 */
		SHARING_AGREEMENT(
				"copy partnership.sharing_agreement (id, title, lawful_basis, start_date, review_date, status, created_at) from stdin"),

		/** Columns: agreement_id, organisation_id. */
		AGREEMENT_PARTY("copy partnership.agreement_party (agreement_id, organisation_id) from stdin"),

		/** Columns: agreement_id, purpose. */
		AGREEMENT_PURPOSE("copy partnership.agreement_purpose (agreement_id, purpose) from stdin"),

		/** Columns: agreement_id, category. */
		AGREEMENT_CATEGORY("copy partnership.agreement_category (agreement_id, category) from stdin");

		private final String copySql;

		Table(String copySql) {
			this.copySql = copySql;
		}

	}

	private final AgreementsBulkLoadRepository repository;

	AgreementsBulkLoad(AgreementsBulkLoadRepository repository) {
		this.repository = repository;
	}

	/** Writes rows into one table in the caller's transaction; returns how many. */
	@Transactional(propagation = Propagation.MANDATORY)
	public long load(Table table, Consumer<BulkRows> rows) {
		return repository.copy(table.copySql, rows);
	}

	/** Refreshes the planner's statistics for the loaded tables. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void analyse() {
		for (Table table : Table.values()) {
			repository.analyse(BulkRows.tableOf(table.copySql));
		}
	}

}
