package care.seamless.fhir;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessPolicy;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import care.seamless.shared.Purpose;
import care.seamless.shared.TeamId;
import care.seamless.team.Directory;
import org.hl7.fhir.r4.model.Subscription;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner systems' subscriptions: each belongs to the account that registered it, which
 * alone reads, lists and deletes it, and as which every notification is decided. An event
 * is queued for a subscription only if its owner may open the person's record then, and
 * decided again when it is sent (ADR 0036-fhir-sub).
 */
@Service
class Subscriptions {

	static final String RECORD_TYPE = "Subscription";

	private final SubscriptionRepository repository;

	private final AuditLog auditLog;

	private final AccessPolicy accessPolicy;

	private final Directory directory;

	private final Clock clock;

	private final boolean loopbackHttp;

	Subscriptions(SubscriptionRepository repository, AuditLog auditLog, AccessPolicy accessPolicy, Directory directory,
			Clock clock, @Value("${seamless.fhir.subscriptions.loopback-http:false}") boolean loopbackHttp) {
		this.repository = repository;
		this.auditLog = auditLog;
		this.accessPolicy = accessPolicy;
		this.directory = directory;
		this.clock = clock;
		this.loopbackHttp = loopbackHttp;
	}

	@Transactional
	public UUID create(Actor actor, Subscription sent) {
		requireStaff(actor);
		Instant now = clock.instant();
		NewSubscription subscription = SubscriptionTranslator.toNew(sent, now, loopbackHttp);
		UUID id = UUID.randomUUID();
		repository.insert(id, owner(actor), subscription, now);
		auditLog.record(AuditEvent.permitted(actor, "create-fhir-subscription", RECORD_TYPE, id, null));
		return id;
	}

	/** The subscription the caller has just created, as stored (not audited again). */
	@Transactional(readOnly = true)
	public SubscriptionRepository.Stored created(Actor actor, UUID id) {
		return repository.owned(id, actor.accountId())
			.orElseThrow(() -> new care.seamless.shared.NotFoundException(RECORD_TYPE, id));
	}

	@Transactional
	public SubscriptionRepository.Stored read(Actor actor, UUID id) {
		requireStaff(actor);
		SubscriptionRepository.Stored stored = repository.owned(id, actor.accountId())
			.orElseThrow(() -> new care.seamless.shared.NotFoundException(RECORD_TYPE, id));
		auditLog.record(AuditEvent.permitted(actor, "read-fhir", RECORD_TYPE, id, null));
		return stored;
	}

	@Transactional
	public List<SubscriptionRepository.Stored> list(Actor actor, @Nullable String status, int count, int offset) {
		requireStaff(actor);
		auditLog.record(AuditEvent.permitted(actor, "read-fhir-search", RECORD_TYPE, null, null));
		return repository.listOwned(actor.accountId(), status, count, offset);
	}

	@Transactional(readOnly = true)
	public long count(Actor actor, @Nullable String status) {
		return repository.countOwned(actor.accountId(), status);
	}

	/** Deletes the caller's own subscription with what is still queued for it. */
	@Transactional
	public void delete(Actor actor, UUID id) {
		requireStaff(actor);
		if (!repository.delete(id, actor.accountId())) {
			throw new care.seamless.shared.NotFoundException(RECORD_TYPE, id);
		}
		auditLog.record(AuditEvent.permitted(actor, "delete-fhir-subscription", RECORD_TYPE, id, null));
	}

	/**
	 * Queues a notification for every active subscription to the topic whose owner may
	 * open the person's record now ({@code team}, when given, must be one of the owner's
	 * teams). Runs in the event listener's transaction, so the queue and the event's
	 * completion commit together.
	 */
	@Transactional
	public int enqueue(SubscriptionTopic topic, PersonId person, String focus, @Nullable TeamId team) {
		Instant now = clock.instant();
		int queued = 0;
		for (SubscriptionRepository.Stored subscription : repository.activeFor(topic, now)) {
			Optional<Actor> owner = actingAs(subscription.owner());
			if (owner.isEmpty() || (team != null && !inTeam(owner.get(), team))
					|| !accessPolicy.decideRecord(owner.get(), person).permitted()) {
				continue;
			}
			if (repository.enqueue(subscription.id(), person, focus, now)) {
				queued++;
			}
		}
		return queued;
	}

	/**
	 * The owner as an actor, as signing in would make them now: empty when the account
	 * was disabled or replaced, so a leaver's subscription sends nothing.
	 */
	Optional<Actor> actingAs(SubscriptionRepository.Owner owner) {
		return directory.accountForSignIn(owner.username())
			.filter(account -> account.enabled() && account.id().equals(owner.account()))
			.map(account -> new Actor(account.id(), account.username(), account.practitionerId(),
					account.organisationId(), account.organisationCode(), account.roles(), Purpose.DIRECT_CARE));
	}

	private boolean inTeam(Actor owner, TeamId team) {
		return owner.practitionerId() != null
				&& directory.teamsOf(owner.practitionerId()).stream().anyMatch(t -> t.id().equals(team));
	}

	private static SubscriptionRepository.Owner owner(Actor actor) {
		return new SubscriptionRepository.Owner(actor.accountId(), actor.username(), actor.practitionerId());
	}

	/** Subscriptions are for partner systems and staff, not person-side accounts. */
	private static void requireStaff(Actor actor) {
		if (actor.personSide()) {
			throw new FhirFailure(FhirError.ACCESS_DENIED, null, "Subscriptions are for staff and partner systems");
		}
	}

}
