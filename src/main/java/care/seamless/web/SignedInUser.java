package care.seamless.web;

import care.seamless.shared.Actor;
import care.seamless.shared.Purpose;
import care.seamless.team.Account;
import care.seamless.team.SignedInAccount;

/**
 * The principal kept in a staff session: the account's facts, never the person records it
 * has seen; what every session keeps is in {@link SignedInAccount}.
 */
class SignedInUser extends SignedInAccount {

	private static final long serialVersionUID = 1L;

	private final Account account;

	SignedInUser(Account account) {
		super(account.id(), account.username(), account.passwordHash(), account.enabled(), account.sessionEpoch(),
				account.roles());
		this.account = account;
	}

	Actor actor(Purpose purpose) {
		return new Actor(account.id(), account.username(), account.practitionerId(), account.organisationId(),
				account.organisationCode(), account.roles(), purpose);
	}

	String displayName() {
		return account.displayName() == null ? account.username() : account.displayName();
	}

	String organisationName() {
		return account.organisationName() == null ? "" : account.organisationName();
	}

}
