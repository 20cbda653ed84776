package care.seamless.person;

import java.util.function.Consumer;

import care.seamless.shared.BulkIndexes;
import care.seamless.shared.BulkRows;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk rows for people and the people related to them. Only for filling an empty database
 * with a synthetic population (the {@code population} module, ADR 45): rows go straight
 * into the tables, with neither the access policy nor the audit log, so nothing else may
 * call it (ArchitectureTests).
 */
@Component
public class PeopleBulkLoad {

	/** The tables this module lets a population fill, each with its column order. */
	public enum Table {

		/**
		 * Columns: id, nhs_number, title, given_name, family_name, date_of_birth, sex,
		 * address_line_1, town, postcode, phone, language, interpreter_needed,
		 * gp_practice_name, gp_ods_code, source_organisation_id, created_at, updated_at.
		 */
		PERSON("copy person.person (id, nhs_number, title, given_name, family_name, date_of_birth, sex, address_line_1, town, postcode, phone, language, interpreter_needed, gp_practice_name, gp_ods_code, source_organisation_id, created_at, updated_at) from stdin"),

		/**
		 * Columns: id, person_id, relationship, name, phone, may_contact, period_start.
		 */
		RELATED_PERSON(
				"copy person.related_person (id, person_id, relationship, name, phone, may_contact, period_start) from stdin");

		private final String copySql;

		Table(String copySql) {
			this.copySql = copySql;
		}

	}

	private final PeopleBulkLoadRepository repository;

	PeopleBulkLoad(PeopleBulkLoadRepository repository) {
		this.repository = repository;
	}

	/** Writes rows into one table in the caller's transaction; returns how many. */
	@Transactional(propagation = Propagation.MANDATORY)
	public long load(Table table, Consumer<BulkRows> rows) {
		return repository.copy(table.copySql, rows);
	}

	/** Whether anyone is registered: a population only ever fills an empty register. */
	@Transactional(readOnly = true)
	public boolean anyoneRegistered() {
		return repository.anyoneRegistered();
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
