package care.seamless.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

import java.util.ArrayList;

import care.seamless.shared.PersonId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends to and reads the audit log. {@link #record} joins the caller's transaction, so
 * a change and its audit entry commit or roll back together; it refuses to run outside
 * one.
 */
@Service
public class AuditLog {

	private final AuditRepository entries;

	private static final Object PENDING_KEY = AuditLog.class.getName() + ".pending";

	private final Clock clock;

	AuditLog(AuditRepository entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	/**
	 * Records an event in the caller's transaction. The entry is written just before that
	 * transaction commits, so the chain lock (one writer at a time) is held only for the
	 * insert and the commit, not for the work in between; if the transaction rolls back,
	 * its entries go with it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditEvent event) {
		// Stamp the time now, when it happened, not at commit.
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			append(List.of(new Pending(event, now)));
			return;
		}
		@SuppressWarnings("unchecked")
		List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(PENDING_KEY);
		if (pending == null) {
			List<Pending> batch = new ArrayList<>();
			TransactionSynchronizationManager.bindResource(PENDING_KEY, batch);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					append(batch);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(PENDING_KEY);
				}

			});
			pending = batch;
		}
		pending.add(new Pending(event, now));
	}

	private record Pending(AuditEvent event, Instant at) {
	}

	private void append(List<Pending> batch) {
		if (batch.isEmpty()) {
			return;
		}
		var head = entries.lockAndReadHead();
		long seq = head.map(h -> h.seq() + 1).orElse(1L);
		String prevHash = head.map(AuditRepository.ChainHead::hash).orElse(ChainHash.GENESIS);
		for (Pending item : batch) {
			AuditEntry entry = chained(item.event(), item.at(), seq++, prevHash);
			entries.insert(entry);
			prevHash = entry.hash();
		}
	}

	private static AuditEntry chained(AuditEvent event, Instant at, long seq, String prevHash) {
		var actor = event.actor();
		var unhashed = new AuditEntry(seq, at, actor.username(), actor.primaryRole().name(), actor.organisationCode(),
				event.action(), event.recordType(), event.recordId(),
				event.person() == null ? null : event.person().id(), actor.purpose().name(), event.outcome().name(),
				event.reason(), event.override(), prevHash, "");
		return unhashed.withHash(ChainHash.of(unhashed));
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> historyOf(PersonId person, int limit) {
		return entries.forPerson(person.id(), limit);
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> recent(int limit, boolean overridesAndDenialsOnly) {
		return entries.recent(limit, overridesAndDenialsOnly);
	}

	/**
	 * One page of the entries matching a guardian's search, newest first. The caller
	 * decides who may search and records that they did.
	 */
	@Transactional(readOnly = true)
	public AuditPage search(AuditQuery query, int page, int pageSize) {
		int safePage = Math.max(1, page);
		return new AuditPage(entries.search(query, pageSize, (safePage - 1) * pageSize), entries.count(query), safePage,
				pageSize);
	}

	/** Every entry matching the search, oldest first (a subject access request). */
	@Transactional(readOnly = true)
	public void export(AuditQuery query, Consumer<AuditEntry> consumer) {
		entries.streamMatching(query, consumer);
	}

	@Transactional(readOnly = true)
	public ChainVerification verify() {
		var verifier = new ChainVerifier();
		entries.streamAll(verifier);
		return verifier.result();
	}

}
