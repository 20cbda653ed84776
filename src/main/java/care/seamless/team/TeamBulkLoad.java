package care.seamless.team;

import java.util.function.Consumer;

import care.seamless.shared.BulkIndexes;
import care.seamless.shared.BulkRows;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk rows for organisations, teams, practitioners, accounts and care teams. Only for
 * filling an empty database with a synthetic population (the {@code population} module,
 * ADR 45): rows go straight into the tables, with neither the access policy nor the audit
 * log, so nothing else may call it (ArchitectureTests).
 */
@Component
public class TeamBulkLoad {

	/** The tables this module lets a population fill, each with its column order. */
	public enum Table {

		/** Columns: id, code, name, kind. */
		ORGANISATION("copy team.organisation (id, code, name, kind, created_at) from stdin"),

		/** Columns: id, organisation_id, name. */
		TEAM("copy team.team (id, organisation_id, name) from stdin"),

		/** Columns: id, organisation_id, given_name, family_name, profession, email. */
		PRACTITIONER(
				"copy team.practitioner (id, organisation_id, given_name, family_name, profession, email) from stdin"),

		/** Columns: team_id, practitioner_id, manager. */
		MEMBERSHIP("copy team.team_membership (team_id, practitioner_id, manager) from stdin"),

		/** Columns: id, username, password_hash, practitioner_id. */
		ACCOUNT("copy team.account (id, username, password_hash, practitioner_id, created_at) from stdin"),

		/** Columns: account_id, role. */
		ACCOUNT_ROLE("copy team.account_role (account_id, role) from stdin"),

		/** Columns: id, person_id, practitioner_id, team_id, role, lead, period_start. */
		CARE_TEAM_MEMBER(
				"copy team.care_team_member (id, person_id, practitioner_id, team_id, role, lead, period_start) from stdin");

		private final String copySql;

		Table(String copySql) {
			this.copySql = copySql;
		}

	}

	private final TeamBulkLoadRepository repository;

	TeamBulkLoad(TeamBulkLoadRepository repository) {
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
