package care.seamless.door;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.AccessRequest;
import care.seamless.consent.ActingFor;
import care.seamless.consent.ActingKind;
import care.seamless.shared.AccountId;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import care.seamless.team.PasswordPolicy;
import care.seamless.team.SignInThrottle;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to the person's door: a care-team member invites the person, a carer, an
 * advocate or an attorney; the invitee uses the one-time code once to make their account.
 * Codes are like an administrator's password reset code (the same alphabet, no 0/O or
 * 1/I/L, so they can be read out), are kept only as a hash, run out after {@link #VALID},
 * and are guessed no faster than passwords: every refused code counts towards the sign-in
 * throttle of the address it came from, and is audited.
 */
@Service
public class Invitations {

	public static final Duration VALID = Duration.ofDays(5);

	private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,50}");

	/** An Office of the Public Guardian LPA reference: 12 digits, often as 3 groups. */
	private static final Pattern LPA_REFERENCE = Pattern.compile("[0-9]{4}-?[0-9]{4}-?[0-9]{4}");

	private static final String RECORD = "Invitation";

	private final DoorRepository repository;

	private final AccessPolicy accessPolicy;

	private final ActingFor actingFor;

	private final AuditLog auditLog;

	private final PasswordEncoder passwordEncoder;

	private final SignInThrottle throttle;

	private final Clock clock;

	Invitations(DoorRepository repository, AccessPolicy accessPolicy, ActingFor actingFor, AuditLog auditLog,
			PasswordEncoder passwordEncoder, SignInThrottle throttle, Clock clock) {
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.actingFor = actingFor;
		this.auditLog = auditLog;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
		this.clock = clock;
	}

	/**
	 * Whether the actor may invite someone to the person's own page or revoke an
	 * invitation: the question both ask, without auditing, so that the page offers them
	 * only to the care team.
	 */
	@Transactional(readOnly = true)
	public boolean mayInvite(Actor actor, PersonId person) {
		return accessPolicy.allows(actor, careTeamChange(person, "invite-to-door"));
	}

	private static AccessRequest careTeamChange(PersonId person, String action) {
		return AccessRequest.toOpen(person, action, RECORD).by(AccessRequest.Who.CARE_TEAM_MEMBER);
	}

	/**
	 * Invites someone to the person's door; only a current member of the person's care
	 * team may. The code is returned once and kept only as a hash.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public IssuedInvitation invite(Actor actor, PersonId person, NewInvitation invitation) {
		String name = checked(invitation);
		UUID id = UUID.randomUUID();
		accessPolicy.require(actor, careTeamChange(person, "invite-to-door").about(id));
		String code = newCode();
		Instant now = clock.instant();
		Instant expires = now.plus(VALID);
		Set<DataCategory> categories = invitation.kind() == ActingKind.CARER ? invitation.categories() : Set.of();
		repository.insertInvitation(id, person,
				new NewInvitation(invitation.kind(), name, lpa(invitation), categories, invitation.speaksFor()), name,
				hash(code), expires, actor.username(), now);
		return new IssuedInvitation(id, code, expires);
	}

	private static String checked(NewInvitation invitation) {
		if (invitation.kind() == null) {
			throw new DoorRule("kind", "door.invite.kind.missing");
		}
		String name = invitation.inviteeName() == null ? "" : invitation.inviteeName().strip();
		if (name.isEmpty()) {
			throw new DoorRule("inviteeName", "door.invite.name.missing");
		}
		if (name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
			throw new DoorRule("inviteeName", "door.invite.name.invalid");
		}
		if (invitation.kind().attorney()) {
			String reference = invitation.lpaReference() == null ? "" : invitation.lpaReference().strip();
			if (!LPA_REFERENCE.matcher(reference).matches()) {
				throw new DoorRule("lpaReference", "door.invite.lpa.invalid");
			}
		}
		if (invitation.categories().contains(DataCategory.THIRD_PARTY)) {
			throw new DoorRule("categories", "door.invite.categories.invalid");
		}
		return name;
	}

	private static @Nullable String lpa(NewInvitation invitation) {
		return invitation.kind() != null && invitation.kind().attorney() && invitation.lpaReference() != null
				? invitation.lpaReference().strip() : null;
	}

	/** The person's invitations, for their care team (never the codes). */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<Invitation> invitations(Actor actor, PersonId person) {
		accessPolicy.require(actor, AccessRequest.toOpen(person, "read-invitations", RECORD));
		return repository.invitations(person);
	}

	/**
	 * Revokes an invitation: an unused code stops working, and an account made with it
	 * stops acting for the person at once. A care-team member does it.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void revoke(Actor actor, PersonId person, UUID invitationId, long version) {
		accessPolicy.require(actor, careTeamChange(person, "revoke-invitation").about(invitationId));
		Invitation invitation = repository.invitation(person, invitationId)
			.orElseThrow(() -> new NotFoundException(RECORD, invitationId));
		if (invitation.revokedAt() != null) {
			return;
		}
		if (!repository.revoke(person, invitationId, version, actor.username(), clock.instant())) {
			throw new ConcurrentEditException(RECORD, invitationId);
		}
		if (invitation.accountId() != null) {
			actingFor.end(actor, person, new AccountId(invitation.accountId()));
		}
	}

	/**
	 * Makes the invitee's account with the code, once. Field problems come first (so a
	 * mistyped password does not use the code up); then the code: unknown, run out, used
	 * or revoked, each refused with its own plain message, counted by the throttle and
	 * audited.
	 */
	@Transactional(noRollbackFor = DoorRule.class)
	public AccountId redeem(@Nullable String code, @Nullable String username, @Nullable String password,
			@Nullable String confirm, @Nullable String address) {
		String throttleName = "door-code@" + (address == null ? "" : address);
		if (throttle.held(throttleName, address)) {
			throw new DoorRule("code", "door.start.code.held");
		}
		String typed = code == null ? "" : normalised(code);
		if (typed.isEmpty()) {
			throw new DoorRule("code", "door.start.code.missing");
		}
		String name = username == null ? "" : username.strip();
		if (!USERNAME.matcher(name).matches()) {
			throw new DoorRule("username", "door.start.username.invalid");
		}
		if (password == null || password.isEmpty()) {
			throw new DoorRule("password", "door.start.password.missing");
		}
		String weakness = PasswordPolicy.problem(password, name);
		if (weakness != null) {
			throw new DoorRule("password", weakness);
		}
		if (!password.equals(confirm)) {
			throw new DoorRule("confirm", "door.start.confirm.different");
		}
		if (repository.usernameTaken(name)) {
			throw new DoorRule("username", "door.start.username.taken");
		}
		DoorRepository.Found found = typed.length() > 40 ? null : repository.lockByCode(hash(typed)).orElse(null);
		Instant now = clock.instant();
		String refusal = found == null ? "door.start.code.unknown" : refusal(found.invitation(), now);
		if (refusal != null) {
			throttle.failed(throttleName, address);
			auditLog.record(AuditEvent.denied(Actor.system("person's door"), "use-invitation-code", RECORD,
					found == null ? null : found.invitation().id(), found == null ? null : found.invitation().person(),
					refusal.substring(refusal.lastIndexOf('.') + 1)));
			throw new DoorRule("code", refusal);
		}
		Invitation invitation = found.invitation();
		AccountId account = AccountId.random();
		repository.insertAccount(account, name, passwordEncoder.encode(password), invitation.inviteeName(), now);
		repository.use(invitation.id(), account, now);
		Actor newcomer = Actor.personSide(account, name);
		actingFor.begin(newcomer, invitation.person(), invitation.kind(), found.categories(), found.speaksFor(),
				invitation.issuedBy());
		auditLog.record(
				AuditEvent.permitted(newcomer, "use-invitation-code", RECORD, invitation.id(), invitation.person()));
		return account;
	}

	private static @Nullable String refusal(Invitation invitation, Instant now) {
		return switch (invitation.state(now)) {
			case WAITING -> null;
			case USED -> "door.start.code.used";
			case EXPIRED -> "door.start.code.expired";
			case REVOKED -> "door.start.code.revoked";
		};
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

	/** Typed codes may come in lower case, with spaces or without the dashes. */
	static String normalised(String code) {
		return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
	}

	static String hash(String code) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(normalised(code).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The carer categories a practitioner may record the person as agreeing to share. */
	public static Set<DataCategory> shareableWithCarer() {
		Set<DataCategory> all = EnumSet.allOf(DataCategory.class);
		all.remove(DataCategory.THIRD_PARTY);
		return all;
	}

}
