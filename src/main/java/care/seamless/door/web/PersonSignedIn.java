package care.seamless.door.web;

import java.util.Set;

import care.seamless.door.PersonAccount;
import care.seamless.shared.Actor;
import care.seamless.shared.Role;
import care.seamless.team.SignedInAccount;

/**
 * The principal of a person-side session: only {@code ROLE_PERSON}, which no staff route
 * accepts, and an {@link Actor} the access policy treats as acting for people, never as a
 * practitioner.
 */
final class PersonSignedIn extends SignedInAccount {

	private static final long serialVersionUID = 1L;

	private final PersonAccount account;

	PersonSignedIn(PersonAccount account) {
		super(account.id(), account.username(), account.passwordHash(), account.enabled(), account.sessionEpoch(),
				Set.of(Role.PERSON));
		this.account = account;
	}

	Actor actor() {
		return account.actor();
	}

}
