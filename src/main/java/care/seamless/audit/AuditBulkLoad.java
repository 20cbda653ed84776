package care.seamless.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Consumer;

import care.seamless.shared.BulkIndexes;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A past audit history, written in bulk with its place in the chain (ADR 51). Only for
 * filling an empty database with a synthetic population (the {@code population} module,
 * ADR 45): the entries describe accesses that never went through the access policy, so
 * nothing else may call it (ArchitectureTests). The chain stays whole: the entries follow
 * the chain's current head in the order they are written, hashed as the chainer hashes,
 * and {@code audit verify} checks them like any others.
 */
@Component
public class AuditBulkLoad {

	/**
	 * One permitted access or change in the past, with the reason a live entry would
	 * give.
	 */
	public record PastEntry(Instant occurredAt, String account, String role, @Nullable String organisationCode,
			String action, String recordType, @Nullable String recordId, @Nullable UUID personId, String purpose,
			@Nullable String reason) {
	}

	private final AuditRepository repository;

	AuditBulkLoad(AuditRepository repository) {
		this.repository = repository;
	}

	/**
	 * Writes the entries in the caller's transaction, after making the monthly partitions
	 * from {@code firstMonth} to {@code lastMonth} so that a history of years does not
	 * land in the default partition; returns how many were written.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long load(LocalDate firstMonth, LocalDate lastMonth, Consumer<Consumer<PastEntry>> entries) {
		// The head first: a chainer holds it while it reads the table, which making a
		// partition locks.
		repository.lockHeadWaiting();
		repository.makeMonthPartitions(firstMonth.withDayOfMonth(1), lastMonth.withDayOfMonth(1));
		return repository.copyChained(sink -> entries
			.accept(e -> sink.accept(new AuditEntry(0, null, e.occurredAt().truncatedTo(ChronoUnit.MICROS), e.account(),
					e.role(), e.organisationCode(), e.action(), e.recordType(), e.recordId(), e.personId(), e.purpose(),
					AuditEvent.Outcome.PERMITTED.name(), e.reason(), false, null, null))));
	}

	/**
	 * Drops the audit table's keys and indexes until the handle returned builds them
	 * again, in the caller's transaction (ADR 56). The chain's head is locked first, as
	 * {@link #load} does, so a chainer never waits on the table while holding the head.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public BulkIndexes dropIndexes() {
		repository.lockHeadWaiting();
		return repository.dropIndexes();
	}

	/** Refreshes the planner's statistics for the audit table. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void analyse() {
		repository.analyse();
	}

}
