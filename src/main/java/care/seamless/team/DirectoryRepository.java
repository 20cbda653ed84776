package care.seamless.team;

import care.seamless.shared.Profession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import care.seamless.shared.AccountId;
import care.seamless.shared.OrganisationId;
import org.jspecify.annotations.Nullable;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Role;
import care.seamless.shared.TeamId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DirectoryRepository {

	private static final String SQL_INSERT_ORGANISATION = """
			insert into team.organisation (id, code, name, kind) values (:id, :code, :name, :kind)
			""";

	private static final String SQL_CONTACT = """
			select name, code, telephone, email, postal_address from team.organisation where id = :id
			""";

	private static final String SQL_UPDATE_CONTACT = """
			update team.organisation
			set telephone = :telephone, email = :email, postal_address = :postalAddress, version = version + 1
			where id = :id and version = :version
			""";

	private static final String SQL_ORGANISATIONS = """
			select id, code, name, kind, version from team.organisation order by name
			""";

	private static final String SQL_INSERT_TEAM = """
			insert into team.team (id, organisation_id, name) values (:id, :organisationId, :name)
			""";

	private static final String SQL_TEAMS = """
			select t.id, t.organisation_id, o.name as organisation_name, t.name
			from team.team t join team.organisation o on o.id = t.organisation_id
			order by o.name, t.name
			""";

	private static final String SQL_MEMBERSHIPS = """
			select t.id, t.organisation_id, o.name as organisation_name, t.name, m.manager
			from team.team t join team.organisation o on o.id = t.organisation_id
			join team.team_membership m on m.team_id = t.id
			where m.practitioner_id = :practitionerId order by t.name
			""";

	private static final String SQL_INSERT_PRACTITIONER = """
			insert into team.practitioner (id, organisation_id, given_name, family_name, profession, email)
			values (:id, :organisationId, :givenName, :familyName, :profession, :email)
			""";

	private static final String SQL_PRACTITIONERS = """
			select p.id, p.organisation_id, o.name as organisation_name, p.given_name, p.family_name, p.profession, p.email
			from team.practitioner p join team.organisation o on o.id = p.organisation_id
			""";

	private static final String SQL_INSERT_MEMBERSHIP = """
			insert into team.team_membership (team_id, practitioner_id, manager) values (:teamId, :practitionerId, :manager)
			on conflict (team_id, practitioner_id) do update set manager = excluded.manager
			""";

	private static final String SQL_INSERT_ACCOUNT = """
			insert into team.account (id, username, password_hash, practitioner_id) values (:id, :username, :hash, :practitionerId)
			""";

	private static final String SQL_INSERT_ROLE = """
			insert into team.account_role (account_id, role) values (:accountId, :role)
			""";

	static final String SQL_ACCOUNTS = """
			select a.id, a.username, a.password_hash, a.enabled, a.practitioner_id, a.session_epoch, a.must_change_password,
			       a.totp_confirmed_at is not null as second_factor,
			       p.given_name || ' ' || p.family_name as display_name, o.id as organisation_id, o.code as organisation_code,
			       o.name as organisation_name,
			       (select string_agg(r.role, ',') from team.account_role r where r.account_id = a.id) as roles
			from team.account a
			left join team.practitioner p on p.id = a.practitioner_id
			left join team.organisation o on o.id = p.organisation_id
			""";

	private final JdbcClient jdbc;

	DirectoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertOrganisation(OrganisationId id, String code, String name, OrganisationKind kind) {
		jdbc.sql(SQL_INSERT_ORGANISATION)
			.param("id", id.id())
			.param("code", code)
			.param("name", name)
			.param("kind", kind.name())
			.update();
	}

	boolean organisationCodeExists(String code) {
		return jdbc.sql("select count(*) from team.organisation where code = :code")
			.param("code", code)
			.query(Integer.class)
			.single() > 0;
	}

	List<Organisation> organisations() {
		return jdbc.sql(SQL_ORGANISATIONS).query(DirectoryRepository::mapOrganisation).list();
	}

	Optional<Organisation> organisation(OrganisationId id) {
		return jdbc.sql("select id, code, name, kind, version from team.organisation where id = :id")
			.param("id", id.id())
			.query(DirectoryRepository::mapOrganisation)
			.optional();
	}

	java.util.Map<UUID, String> organisationNames(java.util.Collection<UUID> ids) {
		return jdbc.sql("select id, name from team.organisation where id = any(:ids)")
			.param("ids", ids.toArray(UUID[]::new))
			.query((rs, n) -> java.util.Map.entry(rs.getObject("id", UUID.class), rs.getString("name")))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
	}

	DirectoryNames names(Collection<UUID> organisations, Collection<UUID> practitioners) {
		Map<OrganisationId, String> names = new HashMap<>();
		Map<PractitionerId, Practitioner> people = new HashMap<>();
		// Each array behind a scalar sub-select, so that PostgreSQL cannot see
		// its elements when planning: the plan for the given ids then costs what
		// the generic plan costs, and it keeps the generic one after five
		// executions instead of planning each call for its ids (0.3-0.4 ms of
		// planning for 0.1 ms of execution at 1M people, ADR 102).
		jdbc.sql("""
				select false as practitioner, o.id, null as organisation_id, o.name as organisation_name,
				       null as given_name, null as family_name, null as profession, null as email
				from team.organisation o where o.id = any(cast((select :organisations) as uuid[]))
				union all
				select true, p.id, p.organisation_id, o.name, p.given_name, p.family_name, p.profession, p.email
				from team.practitioner p join team.organisation o on o.id = p.organisation_id
				where p.id = any(cast((select :practitioners) as uuid[]))
				""")
			.param("organisations", organisations.toArray(UUID[]::new))
			.param("practitioners", practitioners.toArray(UUID[]::new))
			.query(rs -> {
				if (rs.getBoolean("practitioner")) {
					Practitioner practitioner = mapPractitioner(rs, 0);
					people.put(practitioner.id(), practitioner);
				}
				else {
					names.put(new OrganisationId(rs.getObject("id", UUID.class)), rs.getString("organisation_name"));
				}
			});
		return new DirectoryNames(names, people);
	}

	Optional<OrganisationContact> contact(OrganisationId id) {
		return jdbc.sql(SQL_CONTACT).param("id", id.id()).query((rs, n) -> {
			String address = rs.getString("postal_address");
			return new OrganisationContact(rs.getString("name"), rs.getString("code"), rs.getString("telephone"),
					rs.getString("email"), address == null ? List.of() : address.lines().toList());
		}).optional();
	}

	/** False when the organisation changed since {@code version} was read. */
	boolean updateContact(OrganisationId id, @Nullable String telephone, @Nullable String email,
			@Nullable String postalAddress, long version) {
		return jdbc.sql(SQL_UPDATE_CONTACT)
			.param("id", id.id())
			.param("telephone", telephone)
			.param("email", email)
			.param("postalAddress", postalAddress)
			.param("version", version)
			.update() == 1;
	}

	void insertTeam(TeamId id, OrganisationId organisationId, String name) {
		jdbc.sql(SQL_INSERT_TEAM)
			.param("id", id.id())
			.param("organisationId", organisationId.id())
			.param("name", name)
			.update();
	}

	List<Team> teams() {
		return jdbc.sql(SQL_TEAMS).query(DirectoryRepository::mapTeam).list();
	}

	/** A practitioner's teams, each with whether they manage it, by team name. */
	record Membership(Team team, boolean manager) {
	}

	List<Membership> memberships(PractitionerId practitioner) {
		return jdbc.sql(SQL_MEMBERSHIPS)
			.param("practitionerId", practitioner.id())
			.query((rs, n) -> new Membership(mapTeam(rs, n), rs.getBoolean("manager")))
			.list();
	}

	void insertPractitioner(PractitionerId id, OrganisationId organisationId, String givenName, String familyName,
			Profession profession, String email) {
		jdbc.sql(SQL_INSERT_PRACTITIONER)
			.param("id", id.id())
			.param("organisationId", organisationId.id())
			.param("givenName", givenName)
			.param("familyName", familyName)
			.param("profession", profession.name())
			.param("email", email)
			.update();
	}

	Optional<Practitioner> practitioner(PractitionerId id) {
		return jdbc.sql(SQL_PRACTITIONERS + " where p.id = :id")
			.param("id", id.id())
			.query(DirectoryRepository::mapPractitioner)
			.optional();
	}

	List<Practitioner> practitioners() {
		return jdbc.sql(SQL_PRACTITIONERS + " order by p.family_name, p.given_name")
			.query(DirectoryRepository::mapPractitioner)
			.list();
	}

	java.util.Map<PractitionerId, Set<TeamId>> teamMemberships() {
		java.util.Map<PractitionerId, Set<TeamId>> memberships = new java.util.HashMap<>();
		jdbc.sql("select practitioner_id, team_id from team.team_membership").query((rs, n) -> {
			memberships
				.computeIfAbsent(new PractitionerId(rs.getObject("practitioner_id", UUID.class)),
						(p) -> new java.util.HashSet<>())
				.add(new TeamId(rs.getObject("team_id", UUID.class)));
			return null;
		}).list();
		return memberships;
	}

	List<Practitioner> teamMembers(TeamId team) {
		return jdbc.sql(SQL_PRACTITIONERS + """
				 join team.team_membership m on m.practitioner_id = p.id where m.team_id = :teamId
				order by p.family_name, p.given_name
				""").param("teamId", team.id()).query(DirectoryRepository::mapPractitioner).list();
	}

	List<Practitioner> managers(TeamId team) {
		return jdbc.sql(SQL_PRACTITIONERS + """
				 join team.team_membership m on m.practitioner_id = p.id where m.team_id = :teamId and m.manager
				order by p.family_name, p.given_name
				""").param("teamId", team.id()).query(DirectoryRepository::mapPractitioner).list();
	}

	void addMembership(TeamId team, PractitionerId practitioner, boolean manager) {
		jdbc.sql(SQL_INSERT_MEMBERSHIP)
			.param("teamId", team.id())
			.param("practitionerId", practitioner.id())
			.param("manager", manager)
			.update();
	}

	boolean usernameExists(String username) {
		return jdbc.sql("select count(*) from team.account where lower(username) = lower(:username)")
			.param("username", username)
			.query(Integer.class)
			.single() > 0;
	}

	void insertAccount(AccountId id, String username, String passwordHash, PractitionerId practitionerId,
			Set<Role> roles) {
		jdbc.sql(SQL_INSERT_ACCOUNT)
			.param("id", id.id())
			.param("username", username)
			.param("hash", passwordHash)
			.param("practitionerId", practitionerId == null ? null : practitionerId.id())
			.update();
		for (Role role : roles) {
			jdbc.sql(SQL_INSERT_ROLE).param("accountId", id.id()).param("role", role.name()).update();
		}
	}

	Optional<Account> account(String username) {
		return jdbc.sql(SQL_ACCOUNTS + " where a.username = :username")
			.param("username", username)
			.query(DirectoryRepository::mapAccount)
			.optional();
	}

	Optional<Account> account(AccountId id) {
		return jdbc.sql(SQL_ACCOUNTS + " where a.id = :id")
			.param("id", id.id())
			.query(DirectoryRepository::mapAccount)
			.optional();
	}

	List<Account> accounts() {
		return jdbc.sql(SQL_ACCOUNTS + " order by a.username").query(DirectoryRepository::mapAccount).list();
	}

	Optional<SessionStanding> standing(AccountId id) {
		return jdbc.sql("""
				select enabled, session_epoch, must_change_password, totp_confirmed_at is not null as second_factor
				from team.account where id = :id
				""")
			.param("id", id.id())
			.query((rs, n) -> new SessionStanding(rs.getBoolean("enabled"), rs.getLong("session_epoch"),
					rs.getBoolean("must_change_password"), rs.getBoolean("second_factor")))
			.optional();
	}

	/**
	 * The enabled administrators, locked until the transaction ends so two administrators
	 * cannot each disable or demote the other and leave none.
	 */
	List<AccountId> lockEnabledAdministrators() {
		// Row locks alone miss a demotion, which changes team.account_role rather than
		// the locked row: one lock for every change to who administers makes the second
		// change wait and then count afresh.
		jdbc.sql("select pg_advisory_xact_lock(hashtext('team.administrators'))").query().listOfRows();
		return jdbc
			.sql("""
					select a.id from team.account a
					where a.enabled and exists (select 1 from team.account_role r where r.account_id = a.id and r.role = 'ADMINISTRATOR')
					order by a.id for update of a
					""")
			.query((rs, n) -> new AccountId(rs.getObject("id", UUID.class)))
			.list();
	}

	int setEnabled(AccountId id, boolean enabled) {
		return jdbc.sql("""
				update team.account set enabled = :enabled, version = version + 1,
				session_epoch = session_epoch + case when :enabled then 0 else 1 end where id = :id
				""").param("enabled", enabled).param("id", id.id()).update();
	}

	private static Organisation mapOrganisation(ResultSet rs, int n) throws SQLException {
		return new Organisation(new OrganisationId(rs.getObject("id", UUID.class)), rs.getString("code"),
				rs.getString("name"), OrganisationKind.valueOf(rs.getString("kind")), rs.getLong("version"));
	}

	private static Team mapTeam(ResultSet rs, int n) throws SQLException {
		return new Team(new TeamId(rs.getObject("id", UUID.class)),
				new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("organisation_name"),
				rs.getString("name"));
	}

	private static Practitioner mapPractitioner(ResultSet rs, int n) throws SQLException {
		return new Practitioner(new PractitionerId(rs.getObject("id", UUID.class)),
				new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("organisation_name"),
				rs.getString("given_name"), rs.getString("family_name"), Profession.valueOf(rs.getString("profession")),
				rs.getString("email"));
	}

	static Account mapAccount(ResultSet rs, int n) throws SQLException {
		String roleList = rs.getString("roles");
		Set<Role> roles = roleList == null ? EnumSet.noneOf(Role.class)
				: Arrays.stream(roleList.split(","))
					.map(Role::valueOf)
					.collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
		UUID practitionerId = rs.getObject("practitioner_id", UUID.class);
		UUID organisationId = rs.getObject("organisation_id", UUID.class);
		return new Account(new AccountId(rs.getObject("id", UUID.class)), rs.getString("username"),
				rs.getString("password_hash"), rs.getBoolean("enabled"), roles,
				practitionerId == null ? null : new PractitionerId(practitionerId), rs.getString("display_name"),
				organisationId == null ? null : new OrganisationId(organisationId), rs.getString("organisation_code"),
				rs.getString("organisation_name"), rs.getLong("session_epoch"), rs.getBoolean("must_change_password"));
	}

}
