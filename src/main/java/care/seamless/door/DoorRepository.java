package care.seamless.door;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import care.seamless.consent.ActingKind;
import care.seamless.person.People;
import care.seamless.shared.AccountId;
import care.seamless.shared.DataCategory;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Person-side accounts, invitations and questions about access. */
@Repository
class DoorRepository {

	private static final String SQL_ACCOUNT = """
			select id, username, password_hash, display_name, enabled, session_epoch from door.account
			""";

	private static final String SQL_INSERT_ACCOUNT = """
			insert into door.account (id, username, password_hash, display_name, created_at)
			values (:id, :username, :hash, :displayName, :at)
			""";

	private static final String SQL_USERNAME_TAKEN = "select exists (select 1 from door.account where lower(username) = lower(:username))";

	private static final String SQL_INSERT_INVITATION = """
			insert into door.invitation (id, person_id, kind, invitee_name, categories, speaks_for, lpa_reference,
			                             code_hash, expires_at, issued_by, issued_at)
			values (:id, :person, :kind, :name, cast(:categories as text[]), :speaksFor, :lpa, :hash, :expires, :by, :at)
			""";

	private static final String SQL_INVITATION_COLUMNS = """
			select id, person_id, kind, invitee_name, categories, lpa_reference, issued_by, issued_at, expires_at,
			       used_at, revoked_at, account_id, speaks_for, version from door.invitation
			""";

	private static final String SQL_USE = """
			update door.invitation set used_at = :at, account_id = :account, version = version + 1
			where id = :id and used_at is null and revoked_at is null
			""";

	private static final String SQL_REVOKE = """
			update door.invitation set revoked_at = :at, revoked_by = :by, version = version + 1
			where id = :id and person_id = :person and version = :version and revoked_at is null
			""";

	private static final String SQL_INSERT_QUESTION = """
			insert into door.access_question (id, person_id, account_id, audit_seq, words, asked_at)
			values (:id, :person, :account, :seq, :words, :at)
			""";

	private static final String SQL_OPEN_QUESTIONS = """
			select q.id, q.person_id, %s as person_name, q.audit_seq, q.words, q.asked_at from door.access_question q
			where q.answered_at is null order by q.asked_at limit 200
			""".formatted(People.displayNameSql("q.person_id"));

	private static final String SQL_DISPLAY_NAME = "select " + People.displayNameSql("cast(:person as uuid)");

	private final JdbcClient jdbc;

	DoorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<PersonAccount> account(String username) {
		return jdbc.sql(SQL_ACCOUNT + " where username = :username")
			.param("username", username)
			.query(DoorRepository::account)
			.optional();
	}

	Optional<PersonAccount> account(AccountId id) {
		return jdbc.sql(SQL_ACCOUNT + " where id = :id").param("id", id.id()).query(DoorRepository::account).optional();
	}

	boolean usernameTaken(String username) {
		return jdbc.sql(SQL_USERNAME_TAKEN).param("username", username).query(Boolean.class).single();
	}

	void insertAccount(AccountId id, String username, String hash, String displayName, Instant at) {
		jdbc.sql(SQL_INSERT_ACCOUNT)
			.param("id", id.id())
			.param("username", username)
			.param("hash", hash)
			.param("displayName", displayName)
			.param("at", Timestamp.from(at))
			.update();
	}

	void insertInvitation(UUID id, PersonId person, NewInvitation invitation, String name, String codeHash,
			Instant expires, String by, Instant at) {
		jdbc.sql(SQL_INSERT_INVITATION)
			.param("id", id)
			.param("person", person.id())
			.param("kind", invitation.kind().name())
			.param("name", name)
			.param("categories",
					"{" + String.join(",", invitation.categories().stream().map(DataCategory::name).sorted().toList())
							+ "}")
			.param("speaksFor", invitation.speaksFor())
			.param("lpa", invitation.lpaReference())
			.param("hash", codeHash)
			.param("expires", Timestamp.from(expires))
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	record Found(Invitation invitation, Set<DataCategory> categories, boolean speaksFor) {
	}

	/** The invitation with this code hash, locked so it is used once. */
	Optional<Found> lockByCode(String codeHash) {
		return jdbc.sql(SQL_INVITATION_COLUMNS + " where code_hash = :hash for update")
			.param("hash", codeHash)
			.query((rs, n) -> new Found(invitation(rs, n), categories(rs), rs.getBoolean("speaks_for")))
			.optional();
	}

	List<Invitation> invitations(PersonId person) {
		return jdbc.sql(SQL_INVITATION_COLUMNS + " where person_id = :person order by issued_at desc")
			.param("person", person.id())
			.query(DoorRepository::invitation)
			.list();
	}

	Optional<Invitation> invitation(PersonId person, UUID id) {
		return jdbc.sql(SQL_INVITATION_COLUMNS + " where person_id = :person and id = :id")
			.param("person", person.id())
			.param("id", id)
			.query(DoorRepository::invitation)
			.optional();
	}

	boolean use(UUID id, AccountId account, Instant at) {
		return jdbc.sql(SQL_USE)
			.param("id", id)
			.param("account", account.id())
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	boolean revoke(PersonId person, UUID id, long version, String by, Instant at) {
		return jdbc.sql(SQL_REVOKE)
			.param("id", id)
			.param("person", person.id())
			.param("version", version)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	void insertQuestion(UUID id, PersonId person, AccountId account, long seq, String words, Instant at) {
		jdbc.sql(SQL_INSERT_QUESTION)
			.param("id", id)
			.param("person", person.id())
			.param("account", account.id())
			.param("seq", seq)
			.param("words", words)
			.param("at", Timestamp.from(at))
			.update();
	}

	List<AccessQuestion> openQuestions() {
		return jdbc.sql(SQL_OPEN_QUESTIONS)
			.query((rs, n) -> new AccessQuestion(rs.getObject("id", UUID.class),
					new PersonId(rs.getObject("person_id", UUID.class)), rs.getString("person_name"),
					rs.getLong("audit_seq"), rs.getString("words"), rs.getTimestamp("asked_at").toInstant()))
			.list();
	}

	/**
	 * The person's name; callers have already decided the reader may open the record or
	 * acts for the person.
	 */
	String displayName(PersonId person) {
		String name = jdbc.sql(SQL_DISPLAY_NAME)
			.param("person", person.id())
			.query(String.class)
			.optional()
			.orElse(null);
		return name == null ? "" : name;
	}

	private static PersonAccount account(ResultSet rs, int n) throws SQLException {
		return new PersonAccount(new AccountId(rs.getObject("id", UUID.class)), rs.getString("username"),
				rs.getString("password_hash"), rs.getString("display_name"), rs.getBoolean("enabled"),
				rs.getLong("session_epoch"));
	}

	private static Invitation invitation(ResultSet rs, int n) throws SQLException {
		return new Invitation(rs.getObject("id", UUID.class), new PersonId(rs.getObject("person_id", UUID.class)),
				ActingKind.valueOf(rs.getString("kind")), rs.getString("invitee_name"), rs.getString("lpa_reference"),
				rs.getString("issued_by"), rs.getTimestamp("issued_at").toInstant(),
				rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("used_at")),
				instant(rs.getTimestamp("revoked_at")), rs.getObject("account_id", UUID.class), rs.getLong("version"));
	}

	private static Set<DataCategory> categories(ResultSet rs) throws SQLException {
		return Set
			.copyOf(Arrays.stream((String[]) rs.getArray("categories").getArray()).map(DataCategory::valueOf).toList());
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
