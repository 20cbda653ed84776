package care.seamless.team;

import care.seamless.shared.Profession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.AccountId;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Violation;
import care.seamless.shared.Violations;
import care.seamless.shared.Role;
import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partnership's directory: organisations, teams, practitioners and accounts, managed
 * by administrators.
 */
@Service
public class Directory {

	/** The columns {@link #standingJoinSql} adds, for the select list. */
	public static final String STANDING_COLUMNS_SQL = "pdp_sa.id as standing_account, pdp_sa.enabled as standing_enabled, "
			+ "pdp_sa.session_epoch as standing_epoch, pdp_sa.must_change_password as standing_must_change, "
			+ "pdp_sa.totp_confirmed_at is not null as standing_second_factor";

	/**
	 * An SQL scalar: the name of the organisation whose id is in
	 * {@code organisationColumn} (null for none), for other modules' queries that show
	 * who recorded or holds something.
	 */
	public static String organisationNameSql(String organisationColumn) {
		return "(select pdp_on.name from team.organisation pdp_on where pdp_on.id = " + organisationColumn + ")";
	}

	/**
	 * SQL joining the account whose user name is in {@code usernameColumn}, for the
	 * session read to bring each request's account standing with it (ADR 70): the same
	 * facts as {@link #standing}, read in the same statement, never kept. Columns in
	 * {@link #STANDING_COLUMNS_SQL}, read back with {@link #standingRead}.
	 */
	public static String standingJoinSql(String usernameColumn) {
		// Lateral and limited, so it stays one lookup by the unique user name per row
		// whatever the size of the account table, never a join over the whole table.
		return "left join lateral (select pdp_a.id, pdp_a.enabled, pdp_a.session_epoch, pdp_a.must_change_password, "
				+ "pdp_a.totp_confirmed_at from team.account pdp_a where pdp_a.username = " + usernameColumn
				+ " limit 1) pdp_sa on true";
	}

	/**
	 * The standing of the account {@link #standingJoinSql} found on the current row, with
	 * its id; empty when no account has that user name.
	 */
	public static Optional<StandingRead> standingRead(ResultSet row) throws SQLException {
		Object id = row.getObject("standing_account");
		if (id == null) {
			return Optional.empty();
		}
		return Optional.of(new StandingRead(new AccountId((UUID) id),
				new SessionStanding(row.getBoolean("standing_enabled"), row.getLong("standing_epoch"),
						row.getBoolean("standing_must_change"), row.getBoolean("standing_second_factor"))));
	}

	/** An account's standing as read along with something else, and whose it is. */
	public record StandingRead(AccountId account, SessionStanding standing) {
	}

	private final DirectoryRepository repository;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog auditLog;

	private final SignInThrottle throttle;

	Directory(DirectoryRepository repository, PasswordEncoder passwordEncoder, AuditLog auditLog,
			SignInThrottle throttle) {
		this.repository = repository;
		this.passwordEncoder = passwordEncoder;
		this.auditLog = auditLog;
		this.throttle = throttle;
	}

	@Transactional
	public OrganisationId createOrganisation(Actor actor, String code, String name, OrganisationKind kind) {
		requireAdministrator(actor);
		if (repository.organisationCodeExists(code)) {
			throw new DirectoryRule("code", "An organisation with code " + code + " already exists");
		}
		OrganisationId id = OrganisationId.random();
		repository.insertOrganisation(id, code, name, kind);
		auditLog.record(AuditEvent.permitted(actor, "create", "Organisation", id, null));
		return id;
	}

	@Transactional
	public TeamId createTeam(Actor actor, OrganisationId organisation, String name) {
		requireAdministrator(actor);
		TeamId id = TeamId.random();
		try {
			repository.insertTeam(id, organisation, name);
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			throw new DirectoryRule("name", "This organisation already has a team called " + name);
		}
		auditLog.record(AuditEvent.permitted(actor, "create", "Team", id, null));
		return id;
	}

	@Transactional
	public PractitionerId registerPractitioner(Actor actor, OrganisationId organisation, String givenName,
			String familyName, Profession profession, @Nullable String email) {
		requireAdministrator(actor);
		PractitionerId id = PractitionerId.random();
		repository.insertPractitioner(id, organisation, givenName, familyName, profession, email);
		auditLog.record(AuditEvent.permitted(actor, "create", "Practitioner", id, null));
		return id;
	}

	@Transactional
	public void addToTeam(Actor actor, TeamId team, PractitionerId practitioner, boolean manager) {
		requireAdministrator(actor);
		repository.addMembership(team, practitioner, manager);
		auditLog.record(AuditEvent.permitted(actor, manager ? "add-manager" : "add-member", "Team", team, null));
	}

	@Transactional
	public AccountId createAccount(Actor actor, String username, String rawPassword,
			@Nullable PractitionerId practitioner, Set<Role> roles) {
		requireAdministrator(actor);
		accountProblems(username, rawPassword).refuseIfAny(DirectoryRule::new);
		AccountId id = AccountId.random();
		repository.insertAccount(id, username, passwordEncoder.encode(rawPassword), practitioner, roles);
		auditLog.record(AuditEvent.permitted(actor, "create", "Account", id, null));
		return id;
	}

	/**
	 * What is wrong with a new account, saving nothing: a taken username and a weak
	 * password are named together, and with the form's own problems, on one page.
	 */
	@Transactional(readOnly = true)
	public List<Violation> accountProblems(Actor actor, @Nullable OrganisationId organisation, @Nullable TeamId team,
			@Nullable String username, @Nullable String rawPassword) {
		requireAdministrator(actor);
		Violations problems = accountProblems(username, rawPassword);
		if (team != null && organisation != null && !teamIn(team, organisation)) {
			problems.add("teamId", "Choose a team of the practitioner's own organisation");
		}
		return problems.list();
	}

	private Violations accountProblems(@Nullable String username, @Nullable String rawPassword) {
		Violations problems = new Violations();
		if (username != null && !username.isBlank() && repository.usernameExists(username)) {
			problems.add("username", "The username " + username + " is already taken");
		}
		if (rawPassword != null && !rawPassword.isEmpty()) {
			String weakness = PasswordPolicy.problem(rawPassword, username == null ? "" : username);
			if (weakness != null) {
				problems.add("password", weakness);
			}
		}
		return problems;
	}

	private boolean teamIn(TeamId team, OrganisationId organisation) {
		return repository.teams()
			.stream()
			.anyMatch(t -> t.id().equals(team) && t.organisationId().equals(organisation));
	}

	/** A practitioner, their team membership and their account, all or nothing. */
	@Transactional
	public AccountId createAccountForNewPractitioner(Actor actor, OrganisationId organisation, String givenName,
			String familyName, Profession profession, @Nullable String email, @Nullable TeamId team, boolean manager,
			String username, String rawPassword, Set<Role> roles) {
		PractitionerId practitioner = registerPractitioner(actor, organisation, givenName, familyName, profession,
				email);
		if (team != null) {
			if (!teamIn(team, organisation)) {
				throw new DirectoryRule("teamId", "Choose a team of the practitioner's own organisation");
			}
			addToTeam(actor, team, practitioner, manager);
		}
		return createAccount(actor, username, rawPassword, practitioner, roles);
	}

	/**
	 * Disabling ends the account's open sessions at once: each request checks
	 * {@link #standing}.
	 */
	@Transactional
	public void setAccountEnabled(Actor actor, AccountId account, boolean enabled) {
		requireAdministrator(actor);
		if (!enabled) {
			if (account.equals(actor.accountId())) {
				throw new DirectoryRule("enabled", "You cannot disable your own account");
			}
			requireAnotherAdministrator(account, "disable");
		}
		if (repository.setEnabled(account, enabled) == 0) {
			throw new NotFoundException("Account", account);
		}
		auditLog.record(AuditEvent.permitted(actor, enabled ? "enable" : "disable", "Account", account, null));
	}

	/**
	 * Lifts a sign-in lockout before it runs out, for someone who has proved who they
	 * are.
	 */
	@Transactional
	public void unlock(Actor actor, AccountId account) {
		requireAdministrator(actor);
		Account found = repository.account(account).orElseThrow(() -> new NotFoundException("Account", account));
		throttle.unlock(found.username());
		auditLog.record(AuditEvent.permitted(actor, "unlock", "Account", account, null));
	}

	@Transactional(readOnly = true)
	public Set<AccountId> lockedAccounts() {
		return throttle.lockedAccounts();
	}

	/**
	 * The account's standing now, checked on every request of a session. One statement,
	 * so in no transaction of its own: a transaction would add a begin and a commit, two
	 * more round trips, to every request.
	 */
	public Optional<SessionStanding> standing(AccountId account) {
		return repository.standing(account);
	}

	// Keeps at least one enabled administrator, so nobody can lock everyone out.
	private void requireAnotherAdministrator(AccountId account, String change) {
		List<AccountId> administrators = repository.lockEnabledAdministrators();
		if (administrators.size() == 1 && administrators.contains(account)) {
			throw new DirectoryRule("enabled",
					"You cannot " + change + " the last administrator: make someone else an administrator first");
		}
	}

	/** For sign-in only. */
	@Transactional(readOnly = true)
	public Optional<Account> accountForSignIn(String username) {
		return repository.account(username);
	}

	@Transactional(readOnly = true)
	public List<Organisation> organisations() {
		return repository.organisations();
	}

	// One statement: no transaction of its own (a begin and a commit more), and kept
	// for the rest of a read-only transaction it is called in.
	public Organisation organisation(OrganisationId id) {
		return ReadOnce.get("organisation", id,
				() -> repository.organisation(id).orElseThrow(() -> new NotFoundException("Organisation", id)));
	}

	/**
	 * The names of these organisations in one read, for a view that names several (an
	 * unknown id is left out).
	 */
	@Transactional(readOnly = true)
	public java.util.Map<OrganisationId, String> organisationNames(java.util.Collection<OrganisationId> ids) {
		if (ids.isEmpty()) {
			return java.util.Map.of();
		}
		java.util.Map<OrganisationId, String> names = new java.util.HashMap<>();
		repository.organisationNames(ids.stream().map(OrganisationId::id).distinct().toList())
			.forEach((id, name) -> names.put(new OrganisationId(id), name));
		return names;
	}

	/**
	 * {@link #organisationNames} and the practitioners with these ids, in one statement
	 * (no transaction of its own), for a view that names people and organisations both.
	 */
	public DirectoryNames names(Collection<OrganisationId> organisations, Collection<PractitionerId> practitioners) {
		if (organisations.isEmpty() && practitioners.isEmpty()) {
			return new DirectoryNames(Map.of(), Map.of());
		}
		return repository.names(organisations.stream().map(OrganisationId::id).distinct().toList(),
				practitioners.stream().map(PractitionerId::id).distinct().toList());
	}

	/** How a person reaches this organisation, for the documents it sends them. */
	@Transactional(readOnly = true)
	public OrganisationContact contact(OrganisationId id) {
		return repository.contact(id).orElseThrow(() -> new NotFoundException("Organisation", id));
	}

	/**
	 * Records how people reach an organisation. Blank parts are cleared; a part that is
	 * too long or holds control characters is refused with its field named; a change made
	 * since {@code version} was read is a conflict, and nothing is saved.
	 */
	@Transactional
	public void recordContact(Actor actor, OrganisationId id, @Nullable String telephone, @Nullable String email,
			@Nullable String postalAddress, long version) {
		requireAdministrator(actor);
		String phone = checked("telephone", telephone, false);
		String mail = checked("email", email, false);
		if (mail != null && !mail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new DirectoryRule("email", "Enter an e-mail address like name@example.gov.uk");
		}
		String address = checked("postalAddress", postalAddress, true);
		if (address != null) {
			address = String.join("\n", address.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
		}
		if (!repository.updateContact(id, phone, mail, address, version)) {
			throw new ConcurrentEditException("Organisation", id);
		}
		auditLog.record(AuditEvent.permitted(actor, "update-contact", "Organisation", id, null));
	}

	private static @Nullable String checked(String field, @Nullable String value, boolean multiline) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > (multiline ? 5 : 1) * OrganisationContact.MAX_LENGTH) {
			throw new DirectoryRule(field, "This is too long");
		}
		boolean control = text.chars()
			.anyMatch(c -> Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r')));
		if (control) {
			throw new DirectoryRule(field, "Remove the characters that cannot be printed");
		}
		return text;
	}

	@Transactional(readOnly = true)
	public List<Team> teams() {
		return repository.teams();
	}

	@Transactional(readOnly = true)
	public List<Team> teamsOf(PractitionerId practitioner) {
		return memberships(practitioner).stream().map(DirectoryRepository.Membership::team).toList();
	}

	/** The teams this practitioner manages. */
	@Transactional(readOnly = true)
	public List<Team> managedTeams(PractitionerId practitioner) {
		return memberships(practitioner).stream()
			.filter(DirectoryRepository.Membership::manager)
			.map(DirectoryRepository.Membership::team)
			.toList();
	}

	// Teams and the teams managed come from one read, kept for a read-only transaction:
	// a page's sections each ask for them.
	private List<DirectoryRepository.Membership> memberships(PractitionerId practitioner) {
		return ReadOnce.get("memberships", practitioner, () -> List.copyOf(repository.memberships(practitioner)));
	}

	/** The practitioners who manage this team. */
	@Transactional(readOnly = true)
	public List<Practitioner> managers(TeamId team) {
		return repository.managers(team);
	}

	/** Every practitioner's teams, in one read, for figures across all teams. */
	@Transactional(readOnly = true)
	public java.util.Map<PractitionerId, Set<TeamId>> teamMemberships() {
		return repository.teamMemberships();
	}

	@Transactional(readOnly = true)
	public List<Practitioner> teamMembers(TeamId team) {
		return repository.teamMembers(team);
	}

	@Transactional(readOnly = true)
	public List<Practitioner> practitioners() {
		return repository.practitioners();
	}

	/**
	 * The profession of whoever is acting; none for an account that is not a
	 * practitioner.
	 */
	// One statement: no transaction of its own (a begin and a commit more), and kept
	// for the rest of a read-only transaction it is called in.
	public @Nullable Profession professionOf(Actor actor) {
		return (actor.practitionerId() != null) ? practitioner(actor.practitionerId()).profession() : null;
	}

	// One statement: no transaction of its own (a begin and a commit more), and kept
	// for the rest of a read-only transaction it is called in.
	public Practitioner practitioner(PractitionerId id) {
		return ReadOnce.get("practitioner", id,
				() -> repository.practitioner(id).orElseThrow(() -> new NotFoundException("Practitioner", id)));
	}

	@Transactional(readOnly = true)
	public List<Account> accounts() {
		return repository.accounts();
	}

	private static void requireAdministrator(Actor actor) {
		if (!actor.has(Role.ADMINISTRATOR)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Only administrators manage organisations, teams and accounts");
		}
	}

}
