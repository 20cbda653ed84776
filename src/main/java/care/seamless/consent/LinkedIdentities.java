package care.seamless.consent;

import java.util.Optional;

import care.seamless.shared.Actor;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which person records describe the same person, as far as access decisions go. The
 * linkage module joins and separates records here, inside its own transaction; the access
 * rules then treat the group as one person, without widening anyone's access: a care-team
 * relationship with one record reaches another only where that record's holder shares
 * with the viewer's organisation and the person has not objected to it, and an objection
 * recorded against any of them wins for all of them.
 */
@Service
public class LinkedIdentities {

	private final IdentityLinkRepository repository;

	private final AccessPolicy accessPolicy;

	private final WritePermissions permissions;

	LinkedIdentities(IdentityLinkRepository repository, AccessPolicy accessPolicy, WritePermissions permissions) {
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.permissions = permissions;
	}

	/**
	 * An SQL condition true when the person record in {@code personColumn} is linked with
	 * another record of the same person (a list's "linked records" marker).
	 */
	public static String linkedSql(String personColumn) {
		return "exists (select 1 from consent.identity_link pdp_il where pdp_il.person_id = " + personColumn + ")";
	}

	/**
	 * Puts {@code merged} into the group of {@code survivor}, if the actor may
	 * ({@link WritePermissions#identityLink}); audited against both records either way.
	 * The holders are the organisations that hold each record (null for a record of the
	 * whole partnership): a relationship carried over the link reaches a record only as
	 * far as its holder shares with the viewer's organisation ({@link AccessRules}). Call
	 * it before writing anything else about the link: a refusal throws
	 * {@link AccessDenied}, which the caller's transaction must not roll back.
	 */
	@Transactional(propagation = Propagation.MANDATORY, noRollbackFor = AccessDenied.class)
	public void join(Actor actor, PersonId survivor, @Nullable OrganisationId survivorHolder, PersonId merged,
			@Nullable OrganisationId mergedHolder) {
		permitted(actor, "link", survivor, merged);
		repository.join(survivor, survivorHolder, merged, mergedHolder);
	}

	/**
	 * Takes {@code merged} out of the group of {@code survivor}; a group left with only
	 * its survivor disappears, as if it had never been made. The same rule and audit as
	 * {@link #join}.
	 */
	@Transactional(propagation = Propagation.MANDATORY, noRollbackFor = AccessDenied.class)
	public void separate(Actor actor, PersonId survivor, PersonId merged) {
		permitted(actor, "unlink", survivor, merged);
		repository.separate(survivor, merged);
	}

	private void permitted(Actor actor, String action, PersonId survivor, PersonId merged) {
		AccessDecision decision = permissions.identityLink(actor, survivor, merged);
		accessPolicy.audited(actor, action, "Person", merged, merged, decision);
		accessPolicy.audited(actor, action, "Person", survivor, survivor, decision);
	}

	/**
	 * Every record of the person that {@code person} describes: itself first, then the
	 * records linked with it (the survivor of the group leading). Only {@code person}
	 * when it is not linked.
	 */
	@Transactional(readOnly = true)
	public java.util.List<PersonId> recordsOf(PersonId person) {
		java.util.List<PersonId> records = new java.util.ArrayList<>(java.util.List.of(person));
		repository.members(person).stream().filter(other -> !other.equals(person)).forEach(records::add);
		return records;
	}

	/**
	 * {@link #recordsOf} without the linked records the actor may not open: each one kept
	 * is audited as read ({@code action} on {@code recordType}). A linked record the
	 * actor may not open is left out, not refused: the record asked for is checked on its
	 * own.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public java.util.List<PersonId> openableRecords(Actor actor, PersonId person, String action, String recordType) {
		java.util.List<PersonId> group = recordsOf(person);
		java.util.List<PersonId> records = new java.util.ArrayList<>(java.util.List.of(person));
		for (PersonId other : group.subList(1, group.size())) {
			AccessDecision decision = accessPolicy.decideRecord(actor, other);
			if (decision.permitted()) {
				accessPolicy.audited(actor, action, recordType, other, other, decision);
				records.add(other);
			}
		}
		return records;
	}

	/**
	 * The record that {@code person} has been linked into, if it is not the survivor of
	 * its group.
	 */
	@Transactional(readOnly = true)
	public Optional<PersonId> survivorOf(PersonId person) {
		return repository.groupOf(person).filter(group -> !group.equals(person));
	}

}
