package care.seamless.team;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.AccountId;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Role;
import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to accounts after they exist: administrators' edits and password resets, and
 * each person's own password and second factor.
 */
@Service
public class Accounts {

	/** How long an administrator's one-time reset code works. */
	public static final Duration RESET_CODE_VALID = Duration.ofHours(24);

	static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	// No 0/O, 1/I/L: read out over the phone without mistakes.
	private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountRepository repository;

	private final DirectoryRepository directory;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog auditLog;

	private final SignInThrottle throttle;

	private final SecretBox secrets;

	private final Clock clock;

	Accounts(AccountRepository repository, DirectoryRepository directory, PasswordEncoder passwordEncoder,
			AuditLog auditLog, SignInThrottle throttle, SecretBox secrets) {
		this.repository = repository;
		this.directory = directory;
		this.passwordEncoder = passwordEncoder;
		this.auditLog = auditLog;
		this.throttle = throttle;
		this.secrets = secrets;
		this.clock = Clock.systemUTC();
	}

	@Transactional(readOnly = true)
	public AccountDetails details(AccountId id) {
		return repository.details(id).orElseThrow(() -> new NotFoundException("Account", id));
	}

	/**
	 * Nobody removes their own administrator role or the last one's; a change of roles or
	 * organisation ends the account's open sessions, as they carry the old ones.
	 */
	@Transactional
	public void edit(Actor actor, AccountChange change) {
		requireAdministrator(actor);
		AccountDetails before = details(change.account());
		if (change.roles().isEmpty()) {
			throw new DirectoryRule("roles", "Choose at least one role");
		}
		if (change.roles().contains(Role.PERSON)) {
			throw new DirectoryRule("roles", "Choose roles from the list");
		}
		boolean demoted = before.roles().contains(Role.ADMINISTRATOR) && !change.roles().contains(Role.ADMINISTRATOR);
		if (demoted) {
			if (change.account().equals(actor.accountId())) {
				throw new DirectoryRule("roles", "You cannot remove your own administrator role");
			}
			var administrators = directory.lockEnabledAdministrators();
			if (administrators.size() == 1 && administrators.contains(change.account())) {
				throw new DirectoryRule("roles",
						"You cannot remove the last administrator: make someone else an administrator first");
			}
		}
		boolean movedOrganisation = before.practitionerId() != null && change.organisation() != null
				&& !change.organisation().equals(before.organisationId());
		if (!repository.update(change.account(), change.version(),
				demoted || !before.roles().equals(change.roles()) || movedOrganisation)) {
			throw new ConcurrentEditException("Account", change.account());
		}
		if (before.practitionerId() != null) {
			editPractitioner(before, change);
		}
		repository.replaceRoles(change.account(), change.roles());
		auditLog.record(AuditEvent.permitted(actor, "update", "Account", change.account(), null));
	}

	private void editPractitioner(AccountDetails before, AccountChange change) {
		String givenName = required(change.givenName(), "givenName", "Enter the given name");
		String familyName = required(change.familyName(), "familyName", "Enter the family name");
		String email = change.email() == null || change.email().isBlank() ? null : change.email().strip();
		if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
			throw new DirectoryRule("email", "Enter an e-mail address in the right format, like name@example.org");
		}
		OrganisationId organisation = change.organisation();
		if (organisation == null || !repository.organisationExists(organisation)) {
			throw new DirectoryRule("organisationId", "Choose an organisation from the list");
		}
		Map<TeamId, OrganisationId> teams = repository.teamOrganisations(change.teams());
		if (teams.size() != change.teams().size()) {
			throw new DirectoryRule("teams", "Choose teams from the list");
		}
		if (teams.values().stream().anyMatch(o -> !o.equals(organisation))) {
			throw new DirectoryRule("teams", "Choose teams of the practitioner's own organisation");
		}
		repository.updatePractitioner(before.practitionerId(), givenName, familyName, email, organisation);
		repository.replaceTeams(before.practitionerId(), change.teams());
	}

	/**
	 * Replaces the password with a one-time code, returned once for the administrator to
	 * pass on and kept only as a hash. The old password and any second factor stop
	 * working, open sessions end, and the person must choose a new password when they
	 * sign in with the code.
	 */
	@Transactional
	public String resetPassword(Actor actor, AccountId account) {
		requireAdministrator(actor);
		if (account.equals(actor.accountId())) {
			throw new DirectoryRule("account", "Change your own password on the Your account page");
		}
		AccountDetails found = details(account);
		String code = newCode();
		repository.reset(account, passwordEncoder.encode(unguessable()), passwordEncoder.encode(normalised(code)),
				RESET_CODE_VALID, actor.username());
		throttle.unlock(found.username());
		auditLog.record(AuditEvent.permitted(actor, "reset-password", "Account", account, null));
		return code;
	}

	/**
	 * Signs in with a reset code, once: the code is deleted as it is used. Empty for a
	 * wrong, used or expired code, or a disabled account.
	 */
	@Transactional
	public Optional<AccountId> redeemResetCode(String username, String code) {
		Optional<AccountRepository.PendingCode> pending = repository.pendingCode(username);
		if (pending.isEmpty() || !passwordEncoder.matches(normalised(code), pending.get().codeHash())) {
			return Optional.empty();
		}
		AccountId account = pending.get().account();
		repository.deleteCode(account);
		auditLog
			.record(AuditEvent.permitted(systemActor(account, username), "use-reset-code", "Account", account, null));
		return Optional.of(account);
	}

	/**
	 * The person's own new password. The current one is asked for unless they signed in
	 * with a reset code and must choose one now.
	 */
	@Transactional
	public void changeOwnPassword(Actor actor, @Nullable String currentPassword, String newPassword) {
		AccountDetails account = details(actor.accountId());
		if (!account.mustChangePassword()) {
			String hash = repository.passwordHash(account.id()).orElseThrow();
			if (currentPassword == null || !passwordEncoder.matches(currentPassword, hash)) {
				throw new DirectoryRule("currentPassword", "Your current password is not right");
			}
		}
		String weakness = PasswordPolicy.problem(newPassword, account.username());
		if (weakness != null) {
			throw new DirectoryRule("newPassword", weakness);
		}
		repository.setPassword(account.id(), passwordEncoder.encode(newPassword));
		auditLog.record(AuditEvent.permitted(actor, "change-password", "Account", account.id(), null));
	}

	/**
	 * Starts setting up a second factor: a new secret, in the base32 text authenticator
	 * apps take. It is not asked for at sign-in until {@link #confirmSecondFactor}.
	 */
	@Transactional
	public SecondFactorSetup startSecondFactor(Actor actor) {
		AccountDetails account = details(actor.accountId());
		byte[] secret = Totp.newSecret();
		repository.startSecondFactor(account.id(), secrets.seal(secret));
		auditLog.record(AuditEvent.permitted(actor, "start-second-factor", "Account", account.id(), null));
		String text = Totp.base32(secret);
		return new SecondFactorSetup(text, "otpauth://totp/Seamless:" + account.username() + "?secret=" + text
				+ "&issuer=Seamless&algorithm=SHA1&digits=6&period=30");
	}

	/**
	 * Turns the second factor on once a code from the new secret proves the app has it.
	 */
	@Transactional
	public boolean confirmSecondFactor(Actor actor, String code) {
		Optional<AccountRepository.StoredSecret> stored = repository.secondFactor(actor.accountId());
		if (stored.isEmpty() || !codeMatches(actor.accountId(), stored.get(), code)) {
			return false;
		}
		repository.confirmSecondFactor(actor.accountId());
		auditLog.record(AuditEvent.permitted(actor, "confirm-second-factor", "Account", actor.accountId(), null));
		return true;
	}

	/**
	 * Whether the code is right for the account's confirmed second factor; each code
	 * works once.
	 */
	@Transactional
	public boolean verifySecondFactor(AccountId account, String code) {
		Optional<AccountRepository.StoredSecret> stored = repository.secondFactor(account);
		return stored.isPresent() && stored.get().confirmed() && codeMatches(account, stored.get(), code);
	}

	@Transactional(readOnly = true)
	public boolean hasSecondFactor(AccountId account) {
		return repository.secondFactor(account).map(AccountRepository.StoredSecret::confirmed).orElse(false);
	}

	@Transactional
	public void removeSecondFactor(Actor actor, AccountId account) {
		if (!account.equals(actor.accountId())) {
			requireAdministrator(actor);
		}
		details(account);
		repository.removeSecondFactor(account);
		auditLog.record(AuditEvent.permitted(actor, "remove-second-factor", "Account", account, null));
	}

	private boolean codeMatches(AccountId account, AccountRepository.StoredSecret stored, String code) {
		long step = Totp.matchingStep(secrets.open(stored.sealed()), code, clock.instant());
		return step >= 0 && repository.useStep(account, step);
	}

	private static String required(@Nullable String value, String field, String message) {
		if (value == null || value.isBlank()) {
			throw new DirectoryRule(field, message);
		}
		if (value.length() > 100) {
			throw new DirectoryRule(field, "Use at most 100 characters");
		}
		return value.strip();
	}

	static String newCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 12; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	// Typed codes may come in lower case, with spaces or without the dashes.
	private static String normalised(String code) {
		return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
	}

	private static String unguessable() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static Actor systemActor(AccountId account, String username) {
		return new Actor(account, username, null, null, null, Set.of(), care.seamless.shared.Purpose.ADMINISTRATION);
	}

	private static void requireAdministrator(Actor actor) {
		if (!actor.has(Role.ADMINISTRATOR)) {
			throw new AccessDeniedException("Only administrators change other people's accounts");
		}
	}

}
