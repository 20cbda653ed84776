package care.seamless.notification;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import care.seamless.shared.Actor;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PractitionerId;
import care.seamless.team.Directory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each practitioner's inbox. Reading it is not audited as a read of personal data,
 * because a notice holds none; opening its link is, by the module that owns the page.
 */
@Service
public class Notifications {

	static final int INBOX_SIZE = 50;

	private final NoticeRepository repository;

	private final ObjectProvider<NoticeEmails> emails;

	private final Directory directory;

	private final Clock clock;

	Notifications(NoticeRepository repository, ObjectProvider<NoticeEmails> emails, Directory directory, Clock clock) {
		this.repository = repository;
		this.emails = emails;
		this.directory = directory;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Notice> inbox(Actor actor) {
		return actor.practitionerId() == null ? List.of() : repository.inbox(actor.practitionerId(), INBOX_SIZE);
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
		UUID notice = repository.insert(recipient, kind, link, clock.instant());
		emails.ifAvailable((mail) -> mail.enqueue(notice, recipient));
	}

}
