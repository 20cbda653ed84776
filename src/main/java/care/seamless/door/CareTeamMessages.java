package care.seamless.door;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.AccessRequest;
import care.seamless.consent.ActingFor;
import care.seamless.consent.ActingKind;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Violations;
import care.seamless.team.CareTeamMember;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages between the door and the care team. The person, or anyone acting for them,
 * starts a conversation about their care; it lands with the lead professional (the one
 * accountable owner) as a notice, or with every current member when there is no lead. A
 * member of the care team replies. Only the care team reads messages on the staff side;
 * at the door the person sees every conversation about them, and someone acting for them
 * only the ones they started. Every read and message is decided and audited by the access
 * policy.
 */
@Service
public class CareTeamMessages {

	public static final int LIMIT = 4000;

	static final String RECORD = "Message";

	private final DoorWordsRepository repository;

	private final DoorRepository accounts;

	private final AccessPolicy accessPolicy;

	private final ActingFor actingFor;

	private final CareTeams careTeams;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CareTeamMessages(DoorWordsRepository repository, DoorRepository accounts, AccessPolicy accessPolicy,
			ActingFor actingFor, CareTeams careTeams, Directory directory, ApplicationEventPublisher events,
			Clock clock) {
		this.repository = repository;
		this.accounts = accounts;
		this.accessPolicy = accessPolicy;
		this.actingFor = actingFor;
		this.careTeams = careTeams;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
	}

	/** The conversations the actor may read, newest first. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<Conversation> conversations(Actor actor, PersonId person) {
		if (actor.personSide()) {
			accessPolicy.require(actor,
					AccessRequest.toOpen(person, "read-messages", RECORD).item(DataCategory.GENERAL, null));
			return repository.conversations(person, self(actor, person), actor.accountId());
		}
		accessPolicy.require(actor, staffRead(person));
		return repository.conversations(person, true, null);
	}

	/**
	 * Whether a practitioner may read the person's messages: the request
	 * {@link #conversations} requires, decided without an audit entry so a page offers
	 * only what it may show.
	 */
	public boolean mayRead(Actor actor, PersonId person) {
		return !actor.personSide() && accessPolicy.allows(actor, staffRead(person));
	}

	private static AccessRequest staffRead(PersonId person) {
		return AccessRequest.toOpen(person, "read-messages", RECORD).by(AccessRequest.Who.CARE_TEAM_MEMBER);
	}

	/**
	 * A message from the door: a new conversation when {@code conversation} is null, else
	 * a reply in one the sender may read. The lead professional is told.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID send(Actor actor, PersonId person, @Nullable UUID conversation, @Nullable String words) {
		Violations problems = new Violations();
		String text = Words.checked(words, LIMIT, true, "words", "door.messages.words", problems);
		problems.refuseIfAny(DoorRules::new);
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, "send-message", RECORD)
					.item(DataCategory.GENERAL, null)
					.about(conversation)
					.by(AccessRequest.Who.PERSON_SIDE));
		Instant now = clock.instant();
		List<PractitionerId> tell = toTell(person);
		UUID thread = conversation;
		if (thread == null) {
			thread = UUID.randomUUID();
			repository.insertThread(thread, person, actor.accountId(), tell.size() == 1 ? tell.get(0) : null, now);
		}
		else if (!repository.threadVisible(thread, person, self(actor, person), actor.accountId())) {
			throw new NotFoundException(RECORD, thread);
		}
		String name = accounts.account(actor.accountId()).map(PersonAccount::displayName).orElse(actor.username());
		repository.insertMessage(thread, person, true, actor.accountId().id(), name, text, now);
		events
			.publishEvent(new DoorNotice(person, tell, "door.message", "/people/" + person.id() + "/from-the-person"));
		return thread;
	}

	/**
	 * A care-team member's reply, which the person (or whoever started it) reads at the
	 * door; whoever started the conversation is told, and so is the person if it was not
	 * them.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void reply(Actor actor, PersonId person, UUID conversation, @Nullable String words) {
		Violations problems = new Violations();
		String text = Words.checked(words, LIMIT, true, "words", "door.messages.words", problems);
		problems.refuseIfAny(DoorRules::new);
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, "reply-to-message", RECORD)
					.about(conversation)
					.by(AccessRequest.Who.CARE_TEAM_MEMBER));
		if (!repository.threadVisible(conversation, person, true, null)) {
			throw new NotFoundException(RECORD, conversation);
		}
		String name = actor.practitionerId() == null ? actor.username()
				: directory.practitioner(actor.practitionerId()).displayName();
		repository.insertMessage(conversation, person, false, actor.accountId().id(), name, text, clock.instant());
		events.publishEvent(new PersonSideNotice(person, repository.toTellOfReply(conversation, person), "door.reply",
				"/me/people/" + person.id() + "/messages#conversation-" + conversation));
	}

	/** The lead professional, or every current member when the care team has no lead. */
	List<PractitionerId> toTell(PersonId person) {
		LocalDate today = LocalDate.now(clock);
		List<CareTeamMember> current = careTeams.members(person).stream().filter(m -> m.isCurrent(today)).toList();
		List<PractitionerId> lead = current.stream()
			.filter(CareTeamMember::lead)
			.map(CareTeamMember::practitionerId)
			.distinct()
			.toList();
		return lead.isEmpty() ? current.stream().map(CareTeamMember::practitionerId).distinct().toList() : lead;
	}

	/** Every current member, for a change the whole care team should know of. */
	List<PractitionerId> careTeam(PersonId person) {
		LocalDate today = LocalDate.now(clock);
		return careTeams.members(person)
			.stream()
			.filter(m -> m.isCurrent(today))
			.map(CareTeamMember::practitionerId)
			.distinct()
			.toList();
	}

	private boolean self(Actor actor, PersonId person) {
		return actingFor.of(actor, person).map(r -> r.kind() == ActingKind.SELF).orElse(false);
	}

}
