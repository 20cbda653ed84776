package care.seamless.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives committed entries their place in the chain, in groups, shortly after they commit
 * (ADR 44). One chainer works at a time across all nodes: it holds the row of
 * {@code audit.chain_head} while it chains, and a chainer that finds the row locked
 * leaves the work to the one holding it. Also makes the audit table's monthly partitions
 * ahead of time.
 */
@Component
public class AuditChainer {

	private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);

	/** Entries per round: one transaction, one batched update. */
	static final int ROUND = 1000;

	/** Months of partitions made ahead of the current one. */
	private static final int MONTHS_AHEAD = 3;

	/**
	 * How often a scheduled round also reads the partitions older than last month, where
	 * no request writes: only a bulk insert of old-dated rows, a restore or a transaction
	 * open for more than a month puts an un-chained entry there (ADR 111).
	 */
	static final Duration SWEEP = Duration.ofSeconds(5);

	private final AuditRepository entries;

	private final TransactionTemplate transaction;

	private final Clock clock;

	/** When a round last read every partition; none yet, so the first round does. */
	private volatile @Nullable Instant swept;

	AuditChainer(AuditRepository entries, PlatformTransactionManager transactions, Clock clock) {
		this.entries = entries;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${seamless.audit.chain-interval:PT0.1S}")
	void chainCommitted() {
		Instant last = swept;
		chain(last == null || !clock.instant().isBefore(last.plus(SWEEP)));
	}

	/**
	 * Chains every entry committed so far, round by round, and returns how many it
	 * chained; none when another chainer holds the chain. Entries inserted without a
	 * place in the chain by any means (a bulk COPY too, of any date) are chained the same
	 * way.
	 */
	public long chainPending() {
		return chain(true);
	}

	/**
	 * Rounds until one is not full. Between sweeps a round reads only the partitions from
	 * last month on, where every request's entry goes: the older ones cost the select one
	 * buffer each a round, found or not, and their plan (ADR 111).
	 */
	private long chain(boolean sweep) {
		long total = 0;
		int chained;
		do {
			Integer round = transaction.execute(status -> round(sweep));
			chained = round == null ? 0 : round;
			total += chained;
		}
		while (chained == ROUND);
		return total;
	}

	private int round(boolean sweep) {
		var head = entries.lockHead();
		if (head.isEmpty()) {
			return 0;
		}
		Instant now = clock.instant();
		Instant from = lastMonth(now).atStartOfDay(ZoneOffset.UTC).toInstant();
		List<AuditRepository.Unchained> next = sweep ? entries.nextUnchained(from) : entries.nextUnchainedFrom(from);
		if (sweep) {
			swept = now;
		}
		if (next.isEmpty()) {
			return 0;
		}
		long seq = head.get().seq();
		String previous = head.get().hash();
		List<AuditRepository.Unchained> chained = new ArrayList<>(next.size());
		for (AuditRepository.Unchained entry : next) {
			AuditRepository.Unchained placed = entry.chainedAt(++seq, previous);
			chained.add(placed);
			previous = String.valueOf(placed.entry().hash());
		}
		entries.chain(chained);
		entries.moveHead(new AuditRepository.ChainHead(seq, previous));
		return next.size();
	}

	/**
	 * Makes the partitions from last month to {@value #MONTHS_AHEAD} months ahead, at
	 * start and daily on every node: making one that exists is a no-op, and the database
	 * function serialises concurrent runs with an advisory lock.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(cron = "${seamless.audit.partition-cron:0 17 3 * * *}", zone = "UTC")
	public void makePartitions() {
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		int made = entries.makeMonthPartitions(lastMonth(clock.instant()),
				today.plusMonths(MONTHS_AHEAD).withDayOfMonth(1));
		if (made > 0) {
			log.info("Made {} monthly partitions of the audit log", made);
		}
	}

	/** The first day of last month, UTC: the oldest partition a request writes to. */
	static LocalDate lastMonth(Instant now) {
		return LocalDate.ofInstant(now, ZoneOffset.UTC).minusMonths(1).withDayOfMonth(1);
	}

}
