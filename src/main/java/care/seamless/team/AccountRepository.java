package care.seamless.team;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import care.seamless.shared.AccountId;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Role;
import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Account changes after creation: edits, password resets and the second factor. */
@Repository
class AccountRepository {

	private static final String SQL_DETAILS = """
			select a.id, a.username, a.version, a.enabled, a.must_change_password, a.totp_confirmed_at is not null as second_factor,
			       a.practitioner_id, p.given_name, p.family_name, p.email, p.organisation_id,
			       (select string_agg(r.role, ',') from team.account_role r where r.account_id = a.id) as roles,
			       (select string_agg(m.team_id::text, ',') from team.team_membership m where m.practitioner_id = a.practitioner_id) as teams
			from team.account a left join team.practitioner p on p.id = a.practitioner_id
			where a.id = :id
			""";

	// Session epoch goes up when what a session holds about the account (roles,
	// organisation) is no longer true, so open sessions end and sign in afresh.
	private static final String SQL_UPDATE_ACCOUNT = """
			update team.account set version = version + 1,
			session_epoch = session_epoch + case when :endSessions then 1 else 0 end
			where id = :id and version = :version
			""";

	private static final String SQL_UPDATE_PRACTITIONER = """
			update team.practitioner set given_name = :givenName, family_name = :familyName, email = :email,
			organisation_id = :organisationId, version = version + 1
			where id = :id
			""";

	private static final String SQL_RESET = """
			update team.account set password_hash = :hash, must_change_password = true, version = version + 1,
			session_epoch = session_epoch + 1, totp_secret = null, totp_confirmed_at = null, totp_last_step = null
			where id = :id
			""";

	private static final String SQL_UPSERT_RESET_CODE = """
			insert into team.password_reset (account_id, code_hash, expires_at, issued_by)
			values (:id, :hash, now() + make_interval(secs => :seconds), :issuedBy)
			on conflict (account_id) do update set code_hash = excluded.code_hash, expires_at = excluded.expires_at,
			issued_by = excluded.issued_by, issued_at = now()
			""";

	// Locked so two sign-ins with the same code cannot both use it.
	private static final String SQL_PENDING_CODE = """
			select r.account_id, r.code_hash from team.password_reset r join team.account a on a.id = r.account_id
			where a.username = :username and a.enabled and r.expires_at > now()
			for update of r
			""";

	private static final String SQL_SECOND_FACTOR = """
			select totp_secret, totp_confirmed_at is not null as confirmed from team.account where id = :id and totp_secret is not null
			""";

	// The step only moves forward, so a code (or an earlier one) cannot be used twice.
	private static final String SQL_USE_STEP = """
			update team.account set totp_last_step = :step
			where id = :id and (totp_last_step is null or totp_last_step < :step)
			""";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<AccountDetails> details(AccountId id) {
		return jdbc.sql(SQL_DETAILS).param("id", id.id()).query(AccountRepository::mapDetails).optional();
	}

	boolean update(AccountId id, long version, boolean endSessions) {
		return jdbc.sql(SQL_UPDATE_ACCOUNT)
			.param("id", id.id())
			.param("version", version)
			.param("endSessions", endSessions)
			.update() == 1;
	}

	void updatePractitioner(PractitionerId id, String givenName, String familyName, @Nullable String email,
			OrganisationId organisation) {
		jdbc.sql(SQL_UPDATE_PRACTITIONER)
			.param("id", id.id())
			.param("givenName", givenName)
			.param("familyName", familyName)
			.param("email", email)
			.param("organisationId", organisation.id())
			.update();
	}

	/**
	 * Leaves the teams not chosen, joins the new ones; a kept team keeps its manager
	 * flag.
	 */
	void replaceTeams(PractitionerId practitioner, Set<TeamId> teams) {
		UUID[] ids = teams.stream().map(TeamId::id).toArray(UUID[]::new);
		jdbc.sql("delete from team.team_membership where practitioner_id = :p and not (team_id = any(:teams))")
			.param("p", practitioner.id())
			.param("teams", ids)
			.update();
		for (UUID team : ids) {
			jdbc.sql("""
					insert into team.team_membership (team_id, practitioner_id, manager) values (:t, :p, false)
					on conflict (team_id, practitioner_id) do nothing
					""").param("t", team).param("p", practitioner.id()).update();
		}
	}

	void replaceRoles(AccountId account, Set<Role> roles) {
		jdbc.sql("delete from team.account_role where account_id = :id").param("id", account.id()).update();
		for (Role role : roles) {
			jdbc.sql("insert into team.account_role (account_id, role) values (:id, :role)")
				.param("id", account.id())
				.param("role", role.name())
				.update();
		}
	}

	boolean organisationExists(OrganisationId id) {
		return jdbc.sql("select count(*) from team.organisation where id = :id")
			.param("id", id.id())
			.query(Integer.class)
			.single() > 0;
	}

	/** The organisation of each of these teams that exists. */
	java.util.Map<TeamId, OrganisationId> teamOrganisations(Set<TeamId> teams) {
		UUID[] ids = teams.stream().map(TeamId::id).toArray(UUID[]::new);
		return jdbc.sql("select id, organisation_id from team.team where id = any(:ids)")
			.param("ids", ids)
			.query((rs, n) -> java.util.Map.entry(new TeamId(rs.getObject("id", UUID.class)),
					new OrganisationId(rs.getObject("organisation_id", UUID.class))))
			.list()
			.stream()
			.collect(Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
	}

	void reset(AccountId id, String unusableHash, String codeHash, Duration validFor, String issuedBy) {
		jdbc.sql(SQL_RESET).param("id", id.id()).param("hash", unusableHash).update();
		jdbc.sql(SQL_UPSERT_RESET_CODE)
			.param("id", id.id())
			.param("hash", codeHash)
			.param("seconds", validFor.toSeconds())
			.param("issuedBy", issuedBy)
			.update();
	}

	Optional<PendingCode> pendingCode(String username) {
		return jdbc.sql(SQL_PENDING_CODE)
			.param("username", username)
			.query((rs, n) -> new PendingCode(new AccountId(rs.getObject("account_id", UUID.class)),
					rs.getString("code_hash")))
			.optional();
	}

	void deleteCode(AccountId id) {
		jdbc.sql("delete from team.password_reset where account_id = :id").param("id", id.id()).update();
	}

	boolean setPassword(AccountId id, String hash) {
		return jdbc.sql("""
				update team.account set password_hash = :hash, must_change_password = false, version = version + 1
				where id = :id
				""").param("id", id.id()).param("hash", hash).update() == 1;
	}

	Optional<String> passwordHash(AccountId id) {
		return jdbc.sql("select password_hash from team.account where id = :id")
			.param("id", id.id())
			.query(String.class)
			.optional();
	}

	Optional<StoredSecret> secondFactor(AccountId id) {
		return jdbc.sql(SQL_SECOND_FACTOR)
			.param("id", id.id())
			.query((rs, n) -> new StoredSecret(rs.getBytes("totp_secret"), rs.getBoolean("confirmed")))
			.optional();
	}

	void startSecondFactor(AccountId id, byte[] sealedSecret) {
		jdbc.sql("""
				update team.account set totp_secret = :secret, totp_confirmed_at = null, totp_last_step = null,
				version = version + 1 where id = :id
				""").param("id", id.id()).param("secret", sealedSecret).update();
	}

	void confirmSecondFactor(AccountId id) {
		jdbc.sql("update team.account set totp_confirmed_at = now(), version = version + 1 where id = :id")
			.param("id", id.id())
			.update();
	}

	void removeSecondFactor(AccountId id) {
		jdbc.sql("""
				update team.account set totp_secret = null, totp_confirmed_at = null, totp_last_step = null,
				version = version + 1 where id = :id
				""").param("id", id.id()).update();
	}

	boolean useStep(AccountId id, long step) {
		return jdbc.sql(SQL_USE_STEP).param("id", id.id()).param("step", step).update() == 1;
	}

	record PendingCode(AccountId account, String codeHash) {
	}

	record StoredSecret(byte[] sealed, boolean confirmed) {
	}

	private static AccountDetails mapDetails(ResultSet rs, int n) throws SQLException {
		String roleList = rs.getString("roles");
		Set<Role> roles = roleList == null ? EnumSet.noneOf(Role.class)
				: Arrays.stream(roleList.split(","))
					.map(Role::valueOf)
					.collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
		String teamList = rs.getString("teams");
		Set<TeamId> teams = teamList == null ? new HashSet<>()
				: Arrays.stream(teamList.split(",")).map(TeamId::of).collect(Collectors.toSet());
		UUID practitioner = rs.getObject("practitioner_id", UUID.class);
		UUID organisation = rs.getObject("organisation_id", UUID.class);
		return new AccountDetails(new AccountId(rs.getObject("id", UUID.class)), rs.getString("username"),
				rs.getLong("version"), rs.getBoolean("enabled"), roles,
				practitioner == null ? null : new PractitionerId(practitioner), rs.getString("given_name"),
				rs.getString("family_name"), rs.getString("email"),
				organisation == null ? null : new OrganisationId(organisation), Set.copyOf(teams),
				rs.getBoolean("second_factor"), rs.getBoolean("must_change_password"));
	}

}
