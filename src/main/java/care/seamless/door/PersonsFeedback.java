package care.seamless.door;

import java.time.Clock;
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
import care.seamless.shared.Role;
import care.seamless.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feedback on being involved, and "you said, we did". The person or someone acting for
 * them answers four short questions and may add a comment; the care team reads it; a team
 * manager who oversees the person's care records what was done, and the giver sees that
 * on their pages. Decided and audited by the access policy.
 */
@Service
public class PersonsFeedback {

	public static final int LIMIT = 2000;

	static final String RECORD = "Feedback";

	private final DoorWordsRepository repository;

	private final AccessPolicy accessPolicy;

	private final ActingFor actingFor;

	private final CareTeamMessages messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final care.seamless.team.CareTeams careTeams;

	PersonsFeedback(DoorWordsRepository repository, AccessPolicy accessPolicy, ActingFor actingFor,
			CareTeamMessages messages, ApplicationEventPublisher events, Clock clock,
			care.seamless.team.CareTeams careTeams) {
		this.careTeams = careTeams;
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.actingFor = actingFor;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
	}

	/** Records feedback; every problem at once, nothing saved when there is one. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID give(Actor actor, PersonId person, @Nullable Integer listened, @Nullable Integer explained,
			@Nullable Integer agreePlan, @Nullable Integer easy, @Nullable String comment) {
		Violations problems = new Violations();
		int[] answers = { answer(listened, "listened", problems), answer(explained, "explained", problems),
				answer(agreePlan, "agreePlan", problems), answer(easy, "easy", problems) };
		String words = Words.checked(comment, LIMIT, false, "comment", "door.feedback.comment", problems);
		problems.refuseIfAny(DoorRules::new);
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, "give-feedback", RECORD)
					.item(DataCategory.GENERAL, null)
					.by(AccessRequest.Who.PERSON_SIDE));
		UUID id = UUID.randomUUID();
		repository.insertFeedback(id, person, actor.accountId(), answers, words, clock.instant());
		events.publishEvent(new DoorNotice(person, messages.toTell(person), "door.feedback",
				"/people/" + person.id() + "/from-the-person"));
		return id;
	}

	private static int answer(@Nullable Integer value, String field, Violations problems) {
		if (value == null || value < 1 || value > Feedback.MOST) {
			problems.add(field, "door.feedback.answer.missing");
			return 0;
		}
		return value;
	}

	/**
	 * Feedback the actor may read: at the door, the person sees all of it and someone
	 * acting for them their own; on the staff side, the care team and the managers who
	 * oversee the person's care.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<Feedback> feedback(Actor actor, PersonId person) {
		if (actor.personSide()) {
			accessPolicy.require(actor,
					AccessRequest.toOpen(person, "read-feedback", RECORD).item(DataCategory.GENERAL, null));
			boolean self = actingFor.of(actor, person).map(r -> r.kind() == ActingKind.SELF).orElse(false);
			return repository.feedback(person, self, actor.accountId());
		}
		// A manager in the care team reads it as a member; one outside it by oversight.
		boolean member = actor.practitionerId() != null && careTeams.isCurrentMember(person, actor.practitionerId());
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, "read-feedback", RECORD)
					.by(actor.has(Role.TEAM_MANAGER) && !member ? AccessRequest.Who.OVERSEER
							: AccessRequest.Who.CARE_TEAM_MEMBER));
		return repository.feedback(person, true, null);
	}

	/** A team manager who oversees the person's care records what was done about it. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void weDid(Actor actor, PersonId person, UUID feedback, long version, @Nullable String words) {
		if (!actor.has(Role.TEAM_MANAGER)) {
			throw new AccessDeniedException("Only a team manager records what was done about feedback");
		}
		Violations problems = new Violations();
		String text = Words.checked(words, LIMIT, true, "weDid", "door.feedback.weDid", problems);
		problems.refuseIfAny(DoorRules::new);
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, "record-we-did", RECORD).about(feedback).by(AccessRequest.Who.OVERSEER));
		if (!repository.feedbackExists(feedback, person)) {
			throw new NotFoundException(RECORD, feedback);
		}
		if (!repository.weDid(feedback, person, version, text, actor.username(), clock.instant())) {
			Violations stale = new Violations();
			stale.add("weDid", "door.feedback.weDid.stale");
			stale.refuseIfAny(DoorRules::new);
		}
	}

}
