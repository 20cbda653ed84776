package care.seamless.consent;

import java.util.Optional;

import care.seamless.shared.PersonId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which person records describe the same person, as far as access decisions go. The
 * linkage module joins and separates records here, inside its own transaction; the access
 * rules then treat the group as one person: a care-team relationship with any record
 * counts for all of them, and an objection recorded against any of them wins.
 */
@Service
public class LinkedIdentities {

	private final IdentityLinkRepository repository;

	LinkedIdentities(IdentityLinkRepository repository) {
		this.repository = repository;
	}

	/** Puts {@code merged} into the group of {@code survivor}. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void join(PersonId survivor, PersonId merged) {
		repository.join(survivor, merged);
	}

	/**
	 * Takes {@code merged} out of the group of {@code survivor}; a group left with only
	 * its survivor disappears, as if it had never been made.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void separate(PersonId survivor, PersonId merged) {
		repository.separate(survivor, merged);
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
	 * The record that {@code person} has been linked into, if it is not the survivor of
	 * its group.
	 */
	@Transactional(readOnly = true)
	public Optional<PersonId> survivorOf(PersonId person) {
		return repository.groupOf(person).filter(group -> !group.equals(person));
	}

}
