package care.seamless.door;

import java.io.Serializable;

import care.seamless.shared.AccountId;
import care.seamless.shared.Actor;

/**
 * A person-side account: the person who uses services, or someone acting for them. Never
 * a staff account; what it may see is recorded in
 * {@link care.seamless.consent.ActingFor}.
 */
public record PersonAccount(AccountId id, String username, String passwordHash, String displayName, boolean enabled,
		long sessionEpoch) implements Serializable {

	public Actor actor() {
		return Actor.personSide(id, username);
	}

	@Override
	public String toString() {
		// Never the hash, should a record be logged.
		return "PersonAccount[" + id + "]";
	}

}
