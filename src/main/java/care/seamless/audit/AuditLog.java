package care.seamless.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to and reads the audit log. {@link #record} joins the caller's transaction, so
 * a change and its audit entry commit or roll back together; it refuses to run outside
 * one. Refusals are the exception: they are kept even when the caller rolls back.
 */
@Service
public class AuditLog {

	private static final Object PENDING_KEY = AuditLog.class.getName() + ".pending";

	/**
	 * From this many entries in one transaction they are written by one COPY with their
	 * place in the chain, holding the chain's head to commit; below it, as ADR 44 says,
	 * inserted un-chained without any lock, so requests never wait for each other.
	 */
	static final int CHAIN_IN_BULK_FROM = 500;

	/**
	 * From this many entries written at once into a log that holds no more than that, the
	 * log's indexes are dropped and built again around the COPY (ADR 79), as the
	 * register's are for a first load (ADR 65).
	 */
	static final int REBUILD_INDEXES_FROM = 10_000;

	private final AuditRepository entries;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	AuditLog(AuditRepository entries, Clock clock, PlatformTransactionManager transactions) {
		this.entries = entries;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Records an event in the caller's transaction. The entry is written just before that
	 * transaction commits, without a place in the chain yet: no lock is taken, so
	 * concurrent requests commit (and flush) together; {@link AuditChainer} chains it
	 * moments later. If the transaction rolls back, its permitted entries go with it (the
	 * change they describe did not happen) and its refusals are written in a transaction
	 * of their own (someone still tried).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditEvent event) {
		// Stamp the time now, when it happened, not at commit.
		Pending item = new Pending(event, clock.instant().truncatedTo(ChronoUnit.MICROS));
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			append(List.of(item), false);
			return;
		}
		batch().add(item);
	}

	/**
	 * Has the caller's transaction write its entries with their place in the chain when
	 * it commits, however few, as a bulk load's are (ADR 51), instead of leaving them to
	 * {@link AuditChainer}. For a writer that works alone, one transaction after another
	 * (the FHIR file import, ADR 67): each entry is then written once, not inserted and
	 * later rewritten with its place. It holds the chain's head from its last statement
	 * to its commit, so concurrent requests should not ask for it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void chainOnCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			batch().chained = true;
		}
	}

	/**
	 * Records events that happened together, in one statement of the caller's transaction
	 * (a bulk registration's "create" of each person, ADR 79), with one time: the moment
	 * of that statement. Otherwise as {@link #record}: each event is its own entry, with
	 * its own person, in the order given.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordTogether(List<AuditEvent> events) {
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			append(events.stream().map(event -> new Pending(event, at)).toList(), false);
			return;
		}
		Batch batch = batch();
		for (AuditEvent event : events) {
			batch.add(new Pending(event, at));
		}
	}

	private Batch batch() {
		Batch batch = (Batch) TransactionSynchronizationManager.getResource(PENDING_KEY);
		if (batch == null) {
			batch = new Batch();
			TransactionSynchronizationManager.bindResource(PENDING_KEY, batch);
			TransactionSynchronizationManager.registerSynchronization(batch);
		}
		return batch;
	}

	private record Pending(AuditEvent event, Instant at) {
	}

	/**
	 * The entries of one transaction. It is bound to that transaction only: a
	 * REQUIRES_NEW transaction inside it suspends the batch (Spring suspends
	 * synchronizations but not resources bound by hand) and gets its own, so an inner
	 * transaction's entries commit with the inner transaction, not with the outer one.
	 */
	private final class Batch implements TransactionSynchronization {

		private final List<Pending> items = new ArrayList<>();

		private boolean written;

		private boolean chained;

		void add(Pending item) {
			if (written) {
				// Recorded by a synchronization that runs after ours, still before
				// commit: written at once, in the same transaction.
				append(List.of(item), chained);
				return;
			}
			items.add(item);
		}

		@Override
		public void suspend() {
			TransactionSynchronizationManager.unbindResource(PENDING_KEY);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(PENDING_KEY, this);
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			append(items, chained);
			written = true;
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(PENDING_KEY);
			if (status != STATUS_COMMITTED) {
				List<Pending> refusals = items.stream()
					.filter(item -> item.event().outcome() == AuditEvent.Outcome.DENIED)
					.toList();
				if (!refusals.isEmpty()) {
					ownTransaction.executeWithoutResult(tx -> append(refusals, false));
				}
			}
		}

	}

	private void append(List<Pending> batch, boolean chained) {
		if (!batch.isEmpty() && (chained || batch.size() >= CHAIN_IN_BULK_FROM)) {
			// A bulk import's entries, or those of a writer that asked for them
			// chained (chainOnCommit, ADR 67): one COPY, chained here (ADR 51), not
			// one insert each and as many chainer rounds later.
			entries.copyChained(sink -> batch.forEach(item -> sink.accept(unchained(item.event(), item.at()))),
					entries.firstLoad(batch.size(), REBUILD_INDEXES_FROM));
			return;
		}
		if (!batch.isEmpty()) {
			entries.insertUnchained(batch.stream().map(item -> unchained(item.event(), item.at())).toList());
		}
	}

	private static AuditEntry unchained(AuditEvent event, Instant at) {
		var actor = event.actor();
		return new AuditEntry(0, null, at, actor.username(), actor.primaryRole().name(), actor.organisationCode(),
				event.action(), event.recordType(), event.recordId(),
				event.person() == null ? null : event.person().id(), actor.purpose().name(), event.outcome().name(),
				event.reason(), event.override(), null, null);
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
	 * Hours since {@code since} in which one account recorded more than {@code moreThan}
	 * entries of this action, newest first; only accounts of the given organisation when
	 * one is named. An index serves only the one action the dashboard counts,
	 * {@code search-outside-care-teams} (V472, ADR 138): any other reads every entry of
	 * the window.
	 */
	@Transactional(readOnly = true)
	public List<BusyHour> busyHours(String action, Instant since, int moreThan, @Nullable String organisationCode) {
		return entries.busyHours(action, since, moreThan, organisationCode);
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

	/**
	 * Re-computes the chained part of the log, and counts the entries that have committed
	 * but wait for the chainer.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ChainVerification verify() {
		var verifier = new ChainVerifier();
		entries.streamChain(verifier);
		return verifier.result(entries.countUnchained());
	}

}
