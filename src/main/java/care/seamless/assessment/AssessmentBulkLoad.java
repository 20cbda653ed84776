package care.seamless.assessment;

import java.util.function.Consumer;

import care.seamless.shared.BulkIndexes;
import care.seamless.shared.BulkRows;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk rows for assessments: episodes, their sections and answers. Only for filling an
 * empty database with a synthetic population (the {@code population} module, ADR 45):
 * rows go straight into the tables, with neither the access policy nor the audit log, so
 * nothing else may call it (ArchitectureTests).
 */
@Component
public class AssessmentBulkLoad {

	/** The tables this module lets a population fill, each with its column order. */
	public enum Table {

		/**
		 * Columns: id, person_id, stage, status, opened_by, opened_by_name,
		 * opened_by_org, opened_at, completed_at, summary_shared_at, summary_shared_by.
		 */
		EPISODE("copy assessment.episode (id, person_id, stage, status, opened_by, opened_by_name, opened_by_org, opened_at, completed_at, summary_shared_at, summary_shared_by) from stdin"),

		/**
		 * Columns: id, episode_id, person_id, instrument_id, instrument_version,
		 * section_id, category, position, status, author_id, author_name,
		 * author_profession, author_org, updated_at, signed_at.
		 */
		SECTION("copy assessment.section (id, episode_id, person_id, instrument_id, instrument_version, section_id, category, position, status, author_id, author_name, author_profession, author_org, updated_at, signed_at) from stdin"),

		/**
		 * Columns: id, section_row_id, episode_id, person_id, question_id, reuse_key,
		 * answer_value, source, recorded_by, recorded_by_name, profession,
		 * organisation_id, recorded_at, category.
		 */
		ANSWER("copy assessment.answer (id, section_row_id, episode_id, person_id, question_id, reuse_key, answer_value, source, recorded_by, recorded_by_name, profession, organisation_id, recorded_at, category) from stdin");

		private final String copySql;

		Table(String copySql) {
			this.copySql = copySql;
		}

	}

	private final AssessmentBulkLoadRepository repository;

	AssessmentBulkLoad(AssessmentBulkLoadRepository repository) {
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
