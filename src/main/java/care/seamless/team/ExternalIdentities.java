package care.seamless.team;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.AccountId;
import care.seamless.shared.Actor;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.Purpose;
import care.seamless.shared.Role;
import care.seamless.team.ExternalSignInRefused.Reason;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts known by their identity at a partner organisation's OpenID Connect provider
 * (single sign-on and bearer tokens). An administrator links an account to the value of
 * the provider's identifying claim; nothing is linked automatically, because an e-mail
 * address or a name at another organisation is no proof of being the person who holds a
 * Seamless account. The identity's organisation, when the provider names one, must be the
 * account's too, so one partner's provider cannot sign anyone in as another partner's
 * staff.
 */
@Service
public class ExternalIdentities {

	/** Longer subjects are refused: no provider we know issues them. */
	static final int MAX_SUBJECT_LENGTH = 256;

	private final ExternalIdentityRepository repository;

	private final DirectoryRepository directory;

	private final AuditLog auditLog;

	ExternalIdentities(ExternalIdentityRepository repository, DirectoryRepository directory, AuditLog auditLog) {
		this.repository = repository;
		this.directory = directory;
		this.auditLog = auditLog;
	}

	/**
	 * The account to sign in for this identity, or a refusal; both are audited.
	 * @param organisationCode the provider's organisation, or null for a provider shared
	 * by several
	 */
	@Transactional
	public Account signIn(String provider, @Nullable String organisationCode, @Nullable String subject) {
		Account account = account(provider, organisationCode, subject, "sign-in");
		auditLog.record(AuditEvent.permitted(actorOf(account), "sign-in", "Account", account.id(), null)
			.withReason("through " + provider));
		return account;
	}

	/**
	 * The account a bearer token acts for, checked afresh on every request so a disabled
	 * account's tokens stop working at once. Refusals are audited; each permitted call is
	 * audited by what it reads or changes.
	 */
	@Transactional
	public Account bearer(String provider, @Nullable String organisationCode, @Nullable String subject) {
		return account(provider, organisationCode, subject, "api-token");
	}

	@Transactional
	public void link(Actor actor, AccountId accountId, String provider, @Nullable String organisationCode,
			String subject) {
		requireAdministrator(actor);
		Account account = directory.account(accountId).orElseThrow(() -> new NotFoundException("Account", accountId));
		String problem = subjectProblem(subject);
		if (problem != null) {
			throw new DirectoryRule("subject", problem);
		}
		if (organisationCode != null && !organisationCode.equals(account.organisationCode())) {
			throw new DirectoryRule("subject",
					"This identity provider is another organisation's: link it only to that organisation's staff");
		}
		if (repository.subjectTaken(provider, subject, accountId)) {
			throw new DirectoryRule("subject", "This identity is already linked to another account");
		}
		repository.link(provider, subject, accountId);
		auditLog.record(
				AuditEvent.permitted(actor, "link-identity", "Account", accountId, null).withReason("at " + provider));
	}

	/** The account's identities, by provider key, for its administrators. */
	@Transactional(readOnly = true)
	public Map<String, String> identitiesOf(Actor actor, AccountId account) {
		requireAdministrator(actor);
		return repository.identitiesOf(account);
	}

	@Transactional
	public void unlink(Actor actor, AccountId accountId, String provider) {
		requireAdministrator(actor);
		if (repository.unlink(provider, accountId) == 0) {
			throw new NotFoundException("Account", accountId);
		}
		auditLog.record(AuditEvent.permitted(actor, "unlink-identity", "Account", accountId, null)
			.withReason("at " + provider));
	}

	private Account account(String provider, @Nullable String organisationCode, @Nullable String subject,
			String action) {
		Account account = (subjectProblem(subject) != null) ? null
				: repository.accountFor(provider, subject).flatMap(directory::account).orElse(null);
		// An identity linked to an account that has since moved organisation is treated
		// as not linked: the link was made for the old one.
		if (account == null || (organisationCode != null && !organisationCode.equals(account.organisationCode()))) {
			// The subject is not recorded: it may be an e-mail address, and the log is
			// read more widely than the directory.
			auditLog.record(AuditEvent.denied(unknown(provider), action, "ExternalIdentity", provider, null,
					"identity not linked to an account of the provider's organisation"));
			throw new ExternalSignInRefused(Reason.NOT_LINKED, "This identity is not linked to a Seamless account");
		}
		if (!account.enabled()) {
			auditLog
				.record(AuditEvent.denied(actorOf(account), action, "Account", account.id(), null, "account disabled"));
			throw new ExternalSignInRefused(Reason.DISABLED, "This Seamless account is disabled");
		}
		return account;
	}

	static @Nullable String subjectProblem(@Nullable String subject) {
		if (subject == null || subject.isBlank()) {
			return "Enter the identity as the provider gives it";
		}
		if (subject.length() > MAX_SUBJECT_LENGTH) {
			return "An identity is at most " + MAX_SUBJECT_LENGTH + " characters";
		}
		if (subject.chars().anyMatch(Character::isISOControl)) {
			return "An identity cannot contain control characters";
		}
		return null;
	}

	private static Actor actorOf(Account account) {
		return new Actor(account.id(), account.username(), account.practitionerId(), account.organisationId(),
				account.organisationCode(), account.roles(), Purpose.ADMINISTRATION);
	}

	// Someone the provider vouched for but Seamless does not know: no account, no roles.
	private static Actor unknown(String provider) {
		return new Actor(new AccountId(new UUID(0, 0)), "unlinked identity at " + provider, null, null, null, Set.of(),
				Purpose.ADMINISTRATION);
	}

	private static void requireAdministrator(Actor actor) {
		if (!actor.has(Role.ADMINISTRATOR)) {
			throw new AccessDeniedException("Only administrators link accounts to identity providers");
		}
	}

}
