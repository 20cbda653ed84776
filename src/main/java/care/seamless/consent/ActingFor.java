package care.seamless.consent;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.AccountId;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a person-side account acts for (the person themselves, a carer, an advocate, an
 * attorney), which the access rules read in SQL; and the items a practitioner marked "not
 * shown to the person". Every change is audited.
 */
@Service
public class ActingFor {

	private static final String RECORD = "ActingFor";

	private final ActingForRepository repository;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final Clock clock;

	private final ObjectProvider<PersonFacts> personFacts;

	ActingFor(ActingForRepository repository, AccessPolicy accessPolicy, AuditLog auditLog, Clock clock,
			ObjectProvider<PersonFacts> personFacts) {
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.clock = clock;
		this.personFacts = personFacts;
	}

	/**
	 * Starts the new account's standing towards the person, when it redeems its
	 * invitation. The practitioner's right to invite was decided and audited when the
	 * invitation was made; {@code account} is the person-side actor of the new account.
	 */
	@Transactional
	public void begin(Actor account, PersonId person, ActingKind kind, Set<DataCategory> categories, String invitedBy) {
		begin(account, person, kind, categories, false, invitedBy);
	}

	/**
	 * As {@link #begin(Actor, PersonId, ActingKind, Set, String)}, recording whether the
	 * person allowed a carer or property-and-finance attorney to speak for them (send
	 * messages and feedback); ignored for the other kinds, whose voice the law decides.
	 */
	@Transactional
	public void begin(Actor account, PersonId person, ActingKind kind, Set<DataCategory> categories, boolean speaksFor,
			String invitedBy) {
		if (!account.personSide()) {
			throw new AccessDeniedException("Only a person-side account acts for a person");
		}
		Set<DataCategory> shared = EnumSet.of(DataCategory.GENERAL);
		shared.addAll(categories);
		UUID id = UUID.randomUUID();
		boolean speaks = speaksFor && (kind == ActingKind.CARER || kind == ActingKind.ATTORNEY_PROPERTY_FINANCE);
		repository.insert(id, account.accountId(), person, kind, shared, speaks, clock.instant(), invitedBy);
		auditLog.record(AuditEvent.permitted(account, "begin-acting-for", RECORD, id, person)
			.withReason("invited by " + invitedBy + " as " + kind.name() + (speaks ? ", may speak for them" : "")));
	}

	/** The people a person-side account acts for, and how. */
	@Transactional(readOnly = true)
	public List<Representation> of(Actor actor) {
		return actor.personSide() ? repository.ofAccount(actor.accountId()) : List.of();
	}

	/** One person-side account's standing towards the person, if it has one. */
	@Transactional(readOnly = true)
	public java.util.Optional<Representation> of(Actor actor, PersonId person) {
		return actor.personSide() ? repository.ofAccountFor(actor.accountId(), person) : java.util.Optional.empty();
	}

	/** Who acts for the person, for the care team's invitations page. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<Representation> representatives(Actor actor, PersonId person) {
		accessPolicy.require(actor, AccessRequest.toOpen(person, "read-representatives", RECORD));
		return repository.ofPerson(person);
	}

	/**
	 * Ends an account's standing towards the person at once (its invitation revoked after
	 * use): a member of the care team does it.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void end(Actor actor, PersonId person, AccountId account) {
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, "end-acting-for", RECORD)
					.about(account)
					.by(AccessRequest.Who.CARE_TEAM_MEMBER));
		repository.end(account, person, actor.username(), clock.instant());
	}

	/**
	 * The person chooses what they share with a carer (core details always). Takes effect
	 * on the carer's next request.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void shareWithCarer(Actor actor, PersonId person, UUID representation, long version,
			Set<DataCategory> categories) {
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, "share-with-carer", RECORD)
					.about(representation)
					.by(AccessRequest.Who.THE_PERSON));
		Set<DataCategory> shared = EnumSet.of(DataCategory.GENERAL);
		shared.addAll(categories);
		shared.remove(DataCategory.THIRD_PARTY);
		if (repository.setCategories(representation, person, version, shared) != 1) {
			throw new ConcurrentEditException(RECORD, representation);
		}
	}

	/**
	 * Marks an item "not shown to the person" (nor to anyone acting for them), with a
	 * reason from the fixed list. Only a care-team member who may see the item does it.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void markNotShown(Actor actor, PersonId person, String itemType, UUID itemId, DataCategory category,
			@Nullable OrganisationId source, NotShownReason reason) {
		if (!"entry".equals(itemType)) {
			throw new ConsentRule("itemType", "Only entries can be marked");
		}
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, "mark-not-shown", "Entry")
					.item(category, source)
					.about(itemId)
					.by(AccessRequest.Who.CARE_TEAM_MEMBER));
		repository.mark(UUID.randomUUID(), person, itemType, itemId, reason, actor.username(), actor.organisationId(),
				clock.instant());
	}

	/** The item ids of one type marked for the person (for the care team's own pages). */
	@Transactional(readOnly = true)
	public Set<UUID> markedNotShown(Actor actor, PersonId person, String itemType) {
		return actor.personSide() ? Set.of() : repository.marked(person, itemType);
	}

	/** Every current mark, for the Caldicott guardian; the listing is audited. */
	@Transactional
	public List<NotShownMark> notShownMarks(Actor actor) {
		if (!actor.has(Role.CALDICOTT_GUARDIAN)) {
			throw new AccessDeniedException("Only a Caldicott guardian lists what is not shown to people");
		}
		auditLog.record(AuditEvent.permitted(actor, "read-not-shown-marks", "NotShown", null, null));
		PersonFacts facts = personFacts.getIfAvailable();
		return repository.marks()
			.stream()
			.map(m -> new NotShownMark(m.id(), m.person(), facts == null ? "" : facts.displayName(m.person()),
					m.itemType(), m.itemId(), m.reason(), m.markedBy(), m.markedAt()))
			.toList();
	}

	static void requireFound(boolean found, Object id) {
		if (!found) {
			throw new NotFoundException(RECORD, id);
		}
	}

}
