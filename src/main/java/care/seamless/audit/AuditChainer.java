package care.seamless.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

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

	private final AuditRepository entries;

	private final TransactionTemplate transaction;

	private final Clock clock;

	AuditChainer(AuditRepository entries, PlatformTransactionManager transactions, Clock clock) {
		this.entries = entries;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${seamless.audit.chain-interval:PT0.1S}")
	void chainCommitted() {
		chainPending();
	}

	/**
	 * Chains every entry committed so far, round by round, and returns how many it
	 * chained; none when another chainer holds the chain. Entries inserted without a
	 * place in the chain by any means (a bulk COPY too) are chained the same way.
	 */
	public long chainPending() {
		long total = 0;
		int chained;
		do {
			Integer round = transaction.execute(status -> round());
			chained = round == null ? 0 : round;
			total += chained;
		}
		while (chained == ROUND);
		return total;
	}

	private int round() {
		var head = entries.lockHead();
		if (head.isEmpty()) {
			return 0;
		}
		List<AuditRepository.Unchained> next = entries.nextUnchained();
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
		int made = entries.makeMonthPartitions(today.minusMonths(1).withDayOfMonth(1),
				today.plusMonths(MONTHS_AHEAD).withDayOfMonth(1));
		if (made > 0) {
			log.info("Made {} monthly partitions of the audit log", made);
		}
	}

}
