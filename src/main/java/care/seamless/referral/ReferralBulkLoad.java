package care.seamless.referral;

import java.util.function.Consumer;

import care.seamless.shared.BulkIndexes;
import care.seamless.shared.BulkRows;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk rows for referrals: the referral, the categories it shares and its steps. Only for
 * filling an empty database with a synthetic population (the {@code population} module,
 * ADR 45): rows go straight into the tables, with neither the access policy nor the audit
 * log, so nothing else may call it (ArchitectureTests).
 */
@Component
public class ReferralBulkLoad {

	/** The tables this module lets a population fill, each with its column order. */
	public enum Table {

		/**
		 * Columns: id, person_id, from_team_id, from_organisation_id,
		 * referrer_practitioner_id, to_team_id, to_organisation_id, first_team_id,
		 * reason_code, reason_text, urgency, person_informed, person_view, sharing_basis,
		 * status, owner_practitioner_id, created_at, sent_at, acknowledged_at,
		 * decided_at, closed_at, decline_reason, outcome, acknowledge_due, accept_due.
		 */
		REFERRAL(
				"copy referral.referral (id, person_id, from_team_id, from_organisation_id, referrer_practitioner_id, to_team_id, to_organisation_id, first_team_id, reason_code, reason_text, urgency, person_informed, person_view, sharing_basis, status, owner_practitioner_id, created_at, sent_at, acknowledged_at, decided_at, closed_at, decline_reason, outcome, acknowledge_due, accept_due) from stdin"),

		/** Columns: referral_id, person_id, category. */
		SENT_CATEGORY("copy referral.sent_category (referral_id, person_id, category) from stdin"),

		/**
		 * Columns: id, referral_id, person_id, step, status, holder_team, by_account,
		 * note, at.
		 */
		STEP("copy referral.step (id, referral_id, person_id, step, status, holder_team, by_account, note, at) from stdin"),

		/** Columns: referral_id, kind, person_id, team_id, due_at, noticed_at. */
		BREACH("copy referral.breach (referral_id, kind, person_id, team_id, due_at, noticed_at) from stdin");

		private final String copySql;

		Table(String copySql) {
			this.copySql = copySql;
		}

	}

	private final ReferralBulkLoadRepository repository;

	ReferralBulkLoad(ReferralBulkLoadRepository repository) {
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
