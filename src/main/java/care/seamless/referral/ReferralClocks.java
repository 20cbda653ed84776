package care.seamless.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.team.Directory;
import care.seamless.team.Practitioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Watches the response clocks: a referral past its acknowledgement or acceptance target
 * gets a breach recorded once (the table's key makes a second run, or a second server, a
 * no-op), audited, and told to the holding team's managers.
 */
@Service
public class ReferralClocks {

	private static final int BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(ReferralClocks.class);

	private final ReferralRepository repository;

	private final Directory directory;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionOperations transactions;

	ReferralClocks(ReferralRepository repository, Directory directory, AuditLog auditLog,
			ApplicationEventPublisher events, Clock clock, TransactionOperations transactions) {
		this.repository = repository;
		this.directory = directory;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
		this.transactions = transactions;
	}

	@Scheduled(cron = "${seamless.referral.clock-cron:0 */5 * * * *}", zone = "Europe/London")
	@SchedulerLock(name = "referral-clocks", lockAtMostFor = "PT5M", lockAtLeastFor = "PT1M")
	void onSchedule() {
		int breaches = recordBreaches();
		if (breaches > 0) {
			log.info("Recorded {} referral response breaches", breaches);
		}
	}

	/**
	 * Records every breach not yet recorded; returns how many this run recorded. The
	 * transactions are opened here rather than by an annotation because the scheduled run
	 * calls this method on the object itself, past any proxy: with the annotation alone
	 * the audit entry had no transaction to join and every scheduled run failed.
	 */
	public int recordBreaches() {
		return recordBreaches(BATCH);
	}

	/**
	 * Records the breaches {@code batch} at a time, each batch in its own transaction: a
	 * backlog (the first run after a long stop found 6,069 at 100,000 people) in one
	 * transaction held it open for over a minute, and while it was open PostgreSQL could
	 * clear nothing behind it, which slowed the audit chainer for every request.
	 */
	int recordBreaches(int batch) {
		int total = 0;
		while (true) {
			Batch run = transactions.execute(status -> recordInTransaction(batch));
			if (run == null) {
				return total;
			}
			total += run.recorded();
			// Fewer found than asked for: none left. None recorded: the rest are being
			// recorded by someone else, so stop rather than find them again.
			if (run.found() < batch || run.recorded() == 0) {
				return total;
			}
		}
	}

	/** How many breaches one batch found and how many of them it recorded. */
	private record Batch(int found, int recorded) {
	}

	private Batch recordInTransaction(int batch) {
		Instant now = clock.instant();
		Actor system = Actor.system(BreachAudit.CLOCK_ACCOUNT);
		int count = 0;
		List<ReferralRepository.DueBreach> due = repository.newlyBreached(now, batch);
		for (ReferralRepository.DueBreach breach : due) {
			if (!repository.recordBreach(breach, now)) {
				continue;
			}
			auditLog.record(AuditEvent
				.permitted(system, "referral-breach", Referrals.RECORD, breach.id().id(), breach.personId())
				.withReason(BreachAudit.reason(breach.kind(), breach.dueAt())));
			Set<care.seamless.shared.PractitionerId> managers = directory.managers(breach.holder())
				.stream()
				.map(Practitioner::id)
				.collect(Collectors.toSet());
			events.publishEvent(new ReferralBreached(breach.id(), breach.personId(), breach.holder(),
					ReferralBreached.Target.valueOf(breach.kind()), breach.dueAt(), managers));
			count++;
		}
		return new Batch(due.size(), count);
	}

}
