package care.seamless.partnership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.Violations;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commitments of a pooled fund to the personal budgets and packages of the funding work.
 * The funding module records one after its own checks (the budget is approved and the
 * actor is in the person's care team); here the ledger keeps only the budget's id and the
 * amounts, so it holds no personal data and stays readable by every staff account.
 */
@Service
public class PoolCommitments {

	private static final BigDecimal WEEKS_A_YEAR = BigDecimal.valueOf(52);

	private final PoolCommitmentRepository repository;

	private final PoolRepository pools;

	private final AuditLog auditLog;

	PoolCommitments(PoolCommitmentRepository repository, PoolRepository pools, AuditLog auditLog) {
		this.repository = repository;
		this.pools = pools;
		this.auditLog = auditLog;
	}

	/** The budget lines of every pooled fund for a financial year (from 1 April). */
	@Transactional(readOnly = true)
	public List<PoolLineChoice> lines(int financialYear) {
		return repository.lines(financialYear);
	}

	/** The budget's current commitment, if any. */
	@Transactional(readOnly = true)
	public Optional<PoolCommitment> current(UUID budgetId) {
		return repository.current(budgetId);
	}

	/** The current commitments against a fund's lines for a year. */
	@Transactional(readOnly = true)
	public List<PoolCommitment> forYear(UUID partnershipId, int financialYear) {
		return repository.forYear(partnershipId, financialYear);
	}

	/**
	 * Commits a budget's weekly amount to a line (its full-year cost is 52 weeks of it),
	 * ending the budget's earlier commitment. Refuses an unknown line and a bad amount.
	 */
	@Transactional
	public UUID commit(Actor actor, UUID lineId, UUID budgetId, BigDecimal weekly, LocalDate on) {
		Violations problems = new Violations();
		PoolRepository.LineRow line = pools.line(lineId).orElse(null);
		if (line == null) {
			problems.add("lineId", "Choose a budget line of a pooled fund");
		}
		if (weekly.signum() < 0 || weekly.stripTrailingZeros().scale() > 2) {
			problems.add("lineId", "The weekly amount must be pounds and pence, not below zero");
		}
		problems.refuseIfAny(PartnershipRule::new);
		java.util.Objects.requireNonNull(line);
		UUID id = UUID.randomUUID();
		repository.replace(id, lineId, budgetId, weekly, weekly.multiply(WEEKS_A_YEAR), on, actor.accountId());
		auditLog.record(
				AuditEvent.permitted(actor, "pool-commitment-" + line.year(), "Partnership", line.partnership(), null));
		return id;
	}

}
