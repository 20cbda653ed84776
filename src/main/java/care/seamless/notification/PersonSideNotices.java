package care.seamless.notification;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import care.seamless.door.PersonSideNotice;
import care.seamless.shared.Actor;
import care.seamless.shared.NotFoundException;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices for the person and those acting for them, at their door: stored with ids only,
 * read only by the account they are for, never e-mailed (person-side accounts have no
 * address). The link opens a door page that asks the access policy again.
 */
@Service
public class PersonSideNotices {

	private static final int INBOX_SIZE = 50;

	private final PersonSideNoticeRepository repository;

	private final Clock clock;

	PersonSideNotices(PersonSideNoticeRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(PersonSideNotice event) {
		event.tell()
			.forEach(
					account -> repository.insert(account, event.person(), event.kind(), event.link(), clock.instant()));
	}

	/** The person-side actor's newest notices. */
	@Transactional(readOnly = true)
	public List<PersonSideNoticeView> inbox(Actor actor) {
		return actor.personSide() ? repository.inbox(actor.accountId(), INBOX_SIZE) : List.of();
	}

	@Transactional(readOnly = true)
	public long unread(Actor actor) {
		return actor.personSide() ? repository.unread(actor.accountId()) : 0;
	}

	/**
	 * Marks the notice read and returns where it points; another account's is not found.
	 */
	@Transactional
	public String open(Actor actor, UUID notice) {
		if (!actor.personSide()) {
			throw new NotFoundException("Notice", notice);
		}
		return repository.markRead(actor.accountId(), notice, clock.instant())
			.orElseThrow(() -> new NotFoundException("Notice", notice));
	}

}
