package care.seamless.notification;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.dao.DataAccessException;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the monthly partitions of the notice tables (V230) created ahead of the clock: at
 * start and once a day, this month and the next {@value #MONTHS_AHEAD}. With several
 * nodes the work runs once at a time: the first node to take a PostgreSQL advisory lock
 * does it inside that lock's transaction, and a node that finds the lock taken skips the
 * round, since the other is creating the same months. Creating a month is idempotent, so
 * a later round by any node finds nothing to do.
 */
@Component
class NoticePartitions {

	static final int MONTHS_AHEAD = 3;

	private static final Logger log = LoggerFactory.getLogger(NoticePartitions.class);

	private final NoticePartitionRepository repository;

	private final Clock clock;

	// A template rather than @Transactional: the start and daily calls come from inside
	// this class, where the proxy would not apply, and the advisory lock must live
	// exactly as long as the transaction that creates the months.
	private final TransactionTemplate transaction;

	NoticePartitions(NoticePartitionRepository repository, Clock clock, PlatformTransactionManager transactions) {
		this.repository = repository;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		daily();
	}

	/*
	 * A failure is logged, not thrown: nothing is lost meanwhile (a month's notices go to
	 * the default partition and move into their month when it is created), and the
	 * application must not refuse to start over it.
	 */
	@Scheduled(cron = "${seamless.notification.partition-cron:0 17 3 * * *}", zone = "UTC")
	void daily() {
		try {
			ensureAhead(YearMonth.now(clock.withZone(ZoneOffset.UTC)));
		}
		catch (DataAccessException ex) {
			log.warn("Could not create the notice partitions ahead; will try again at the next run", ex);
		}
	}

	/**
	 * Creates {@code from} and the months after it up to {@value #MONTHS_AHEAD} ahead;
	 * false when another node holds the lock and this call did nothing.
	 */
	boolean ensureAhead(YearMonth from) {
		Boolean done = transaction.execute((status) -> {
			if (!repository.tryLock()) {
				return false;
			}
			for (int i = 0; i <= MONTHS_AHEAD; i++) {
				repository.addMonth(from.plusMonths(i));
			}
			return true;
		});
		if (!Boolean.TRUE.equals(done)) {
			log.info("Notice partitions are being created by another node");
			return false;
		}
		return true;
	}

}
