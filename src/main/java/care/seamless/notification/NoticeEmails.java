package care.seamless.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.seamless.notification.NoticeEmailRepository.DueEmail;
import care.seamless.notification.NoticeEmailRepository.EmailState;
import care.seamless.notification.NoticeEmailRepository.EmailState.Status;
import care.seamless.shared.PractitionerId;
import care.seamless.team.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mails each new notice through an outbox (ADR 15). The row is written with the notice,
 * so only changes that committed are ever e-mailed; a scheduled job sends it outside any
 * transaction, so a slow or broken mail server never holds up or rolls back a change; and
 * every attempt's outcome is kept, so a failed send is retried and then recorded as
 * failed, never dropped. Exists only when {@code spring.mail.host} is set.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class NoticeEmails {

	private static final Logger log = LoggerFactory.getLogger(NoticeEmails.class);

	/** Waits before the 2nd … 6th attempt; after the 6th the e-mail is marked failed. */
	static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
			Duration.ofHours(2), Duration.ofHours(12));

	private static final int BATCH = 20;

	private static final Duration LEASE = Duration.ofMinutes(5);

	private final NoticeEmailRepository repository;

	private final NoticeMailer mailer;

	private final Directory directory;

	private final Clock clock;

	NoticeEmails(NoticeEmailRepository repository, NoticeMailer mailer, Directory directory, Clock clock) {
		this.repository = repository;
		this.mailer = mailer;
		this.directory = directory;
		this.clock = clock;
	}

	/** A practitioner without an address gets the notice in the inbox only. */
	@Transactional(propagation = Propagation.MANDATORY)
	void enqueue(UUID notice, Instant noticeCreatedAt, PractitionerId recipient) {
		if (directory.practitioner(recipient).email() != null) {
			repository.enqueue(notice, noticeCreatedAt, clock.instant());
		}
	}

	@Scheduled(fixedDelayString = "${seamless.notification.mail.poll:PT30S}")
	void sendDue() {
		sendDue(clock.instant());
	}

	/** Sends what is due at {@code now}; returns how many it tried. */
	int sendDue(Instant now) {
		List<DueEmail> due = repository.claimDue(now, now.plus(LEASE), BATCH);
		for (DueEmail email : due) {
			if (!repository.finish(email, attempt(email, now))) {
				log.info("E-mail for notice {} was taken over by another sender", email.noticeId());
			}
		}
		return due.size();
	}

	private EmailState attempt(DueEmail email, Instant now) {
		try {
			String address = directory.practitioner(email.recipient()).email();
			if (address == null) {
				return new EmailState(Status.NO_ADDRESS, email.attempts(), now, null, null);
			}
			mailer.send(address, email.kind(), email.link());
			return new EmailState(Status.SENT, email.attempts(), now, clock.instant(), null);
		}
		catch (MailParseException | MailPreparationException ex) {
			return failed(email, now, ex, true);
		}
		catch (RuntimeException ex) {
			return failed(email, now, ex, false);
		}
	}

	// The exception's message can quote the address, so only its class is logged and
	// kept.
	private EmailState failed(DueEmail email, Instant now, RuntimeException ex, boolean permanent) {
		String error = ex.getClass().getName();
		if (permanent || email.attempts() > BACKOFF.size()) {
			log.warn("E-mail for notice {} failed for good after {} attempts: {}", email.noticeId(), email.attempts(),
					error);
			return new EmailState(Status.FAILED, email.attempts(), now, null, error);
		}
		Instant next = now.plus(BACKOFF.get(email.attempts() - 1));
		log.warn("E-mail for notice {} failed (attempt {}), will retry at {}: {}", email.noticeId(), email.attempts(),
				next, error);
		return new EmailState(Status.PENDING, email.attempts(), next, null, error);
	}

}
