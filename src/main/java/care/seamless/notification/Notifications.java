package care.seamless.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.seamless.consent.AccessPolicy;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PractitionerId;
import care.seamless.team.Directory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each practitioner's inbox. A notice stores no personal data, only ids; the person's
 * name is shown where the reader may open the record, decided by the access rules in the
 * inbox query, so reading the inbox is not audited as a read of a record; opening its
 * link is, by the module that owns the page.
 */
@Service
public class Notifications {

	static final int INBOX_SIZE = 50;

	private final NoticeRepository repository;

	private final ObjectProvider<NoticeEmails> emails;

	private final Directory directory;

	private final Clock clock;

	private final AccessPolicy accessPolicy;

	Notifications(NoticeRepository repository, ObjectProvider<NoticeEmails> emails, Directory directory, Clock clock,
			AccessPolicy accessPolicy) {
		this.accessPolicy = accessPolicy;
		this.repository = repository;
		this.emails = emails;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * The actor's newest notices, each naming its person only where the actor may open
	 * that record now (decided in the query), and who made the change.
	 */
	@Transactional(readOnly = true)
	public List<Notice> inbox(Actor actor) {
		if (actor.practitionerId() == null) {
			return List.of();
		}
		return repository.inbox(actor.practitionerId(), INBOX_SIZE, accessPolicy.visibleRecords(actor, "n.person_id"))
			.stream()
			.map(row -> row.by() == null ? row.notice()
					: new Notice(row.notice().id(), row.notice().kind(), row.notice().link(), row.notice().createdAt(),
							row.notice().readAt(), row.notice().personName(),
							directory.practitioner(row.by()).displayName()))
			.toList();
	}

	@Transactional(readOnly = true)
	public long unread(Actor actor) {
		return actor.practitionerId() == null ? 0 : repository.unread(actor.practitionerId());
	}

	/** Marks the notice read and returns where it points. */
	@Transactional
	public String open(Actor actor, UUID notice) {
		if (actor.practitionerId() == null) {
			throw new NotFoundException("Notice", notice);
		}
		return repository.markRead(actor.practitionerId(), notice, clock.instant())
			.orElseThrow(() -> new NotFoundException("Notice", notice));
	}

	/** Whether new notices also reach the reader by e-mail, for the inbox to say. */
	@Transactional(readOnly = true)
	public EmailDelivery emailDelivery(Actor actor) {
		if (emails.getIfAvailable() == null || actor.practitionerId() == null) {
			return EmailDelivery.OFF;
		}
		return directory.practitioner(actor.practitionerId()).email() == null ? EmailDelivery.NO_ADDRESS
				: EmailDelivery.ON;
	}

	@Transactional
	void send(PractitionerId recipient, String kind, String link) {
		send(recipient, kind, link, null, null);
	}

	/** A notice about {@code person}'s record, made by {@code by}; stores ids only. */
	@Transactional
	void send(PractitionerId recipient, String kind, String link, @Nullable PersonId person,
			@Nullable PractitionerId by) {
		Instant at = clock.instant();
		UUID notice = repository.insert(recipient, kind, link, at, person, by);
		emails.ifAvailable((mail) -> mail.enqueue(notice, at, recipient));
	}

}
