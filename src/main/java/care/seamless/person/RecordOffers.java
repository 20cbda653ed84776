package care.seamless.person;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessRequest;
import care.seamless.consent.AccessPolicy;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import care.seamless.team.Directory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers that belong on the record (preferred name, communication needs, language, lives
 * alone, has a carer), offered back by an assessment and confirmed or declined by a
 * practitioner, each with where it came from. Confirming writes the record; the offer
 * keeps who confirmed it and when.
 */
@Service
public class RecordOffers {

	static final String OFFER = "RecordOffer";

	private final RecordOfferRepository repository;

	private final PersonRepository people;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final Directory directory;

	private final Clock clock;

	RecordOffers(RecordOfferRepository repository, PersonRepository people, AccessPolicy accessPolicy,
			AuditLog auditLog, Directory directory, Clock clock) {
		this.repository = repository;
		this.people = people;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * Offers answers back to the record; an answer offered before is not offered again.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void offer(Actor actor, PersonId person, List<RecordOffer.New> offers) {
		if (offers.isEmpty()) {
			return;
		}
		accessPolicy.require(actor, AccessRequest.toOpen(person, "offer", OFFER));
		for (RecordOffer.New offer : offers) {
			UUID id = UUID.randomUUID();
			if (repository.insert(id, person, offer)) {
				auditLog.record(AuditEvent.permitted(actor, "create", OFFER, id, person));
			}
		}
	}

	/** Every offer for the person, newest first, with its provenance and outcome. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<RecordOffer> offers(Actor actor, PersonId person) {
		item(actor, person, "read");
		return repository.forPerson(person);
	}

	/** Confirms an offer: the record shows it from now on. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void confirm(Actor actor, PersonId person, UUID offerId, long version) {
		RecordOffer offer = decide(actor, person, offerId, version, RecordOffer.Status.CONFIRMED);
		repository.apply(person, offer.field(), offer.value());
	}

	/** Declines an offer: the record stays as it was, and the offer is not made again. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void decline(Actor actor, PersonId person, UUID offerId, long version) {
		decide(actor, person, offerId, version, RecordOffer.Status.DECLINED);
	}

	/**
	 * Whether the actor may open the person's offers: the question {@link #offers} asks,
	 * without auditing, so that the record page offers the link only to those it opens
	 * for.
	 */
	@Transactional(readOnly = true)
	public boolean mayRead(Actor actor, PersonId person) {
		return accessPolicy.allows(actor, itemRequest(person, "read"));
	}

	/**
	 * Whether the actor may confirm or decline an offer: the question {@link #confirm}
	 * and {@link #decline} ask, so that the page shows their buttons only to those whose
	 * answer would count.
	 */
	@Transactional(readOnly = true)
	public boolean mayDecide(Actor actor, PersonId person) {
		return accessPolicy.allows(actor, decideRequest(person, "confirm"));
	}

	private RecordOffer decide(Actor actor, PersonId person, UUID offerId, long version, RecordOffer.Status status) {
		RecordOffer offer = repository.find(person, offerId).orElseThrow(() -> new NotFoundException(OFFER, offerId));
		accessPolicy.require(actor,
				decideRequest(person, status == RecordOffer.Status.CONFIRMED ? "confirm" : "decline").about(offerId));
		String byName = directory.practitioner(Objects.requireNonNull(actor.practitionerId())).displayName();
		if (!repository.decide(person, offerId, version, status, byName, clock.instant())) {
			throw new ConcurrentEditException(OFFER, offerId);
		}
		return offer;
	}

	private void item(Actor actor, PersonId person, String action) {
		accessPolicy.require(actor, itemRequest(person, action));
	}

	/**
	 * The offers are the record's own details, so they are decided as the record's
	 * general information held by the organisation that holds the record.
	 */
	private AccessRequest itemRequest(PersonId person, String action) {
		PersonRepository.Row row = people.find(person).orElseThrow(() -> new NotFoundException("Person", person));
		return AccessRequest.toOpen(person, action, OFFER).item(DataCategory.GENERAL, row.sourceOrganisationId());
	}

	private AccessRequest decideRequest(PersonId person, String action) {
		return itemRequest(person, action).by(AccessRequest.Who.CARE_TEAM_MEMBER);
	}

}
