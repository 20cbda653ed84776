package care.seamless.door;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.seamless.shared.AccountId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** About me, messages with the care team, and feedback: the person's own words. */
@Repository
class DoorWordsRepository {

	private static final String SQL_ABOUT_ME = """
			select addressed_as, what_matters, support, communication, updated_at, version
			from door.about_me where person_id = :person
			""";

	private static final String SQL_INSERT_ABOUT_ME = """
			insert into door.about_me (person_id, addressed_as, what_matters, support, communication, updated_at,
			                           updated_by, version)
			values (:person, :addressedAs, :whatMatters, :support, :communication, :at, :by, 1)
			on conflict (person_id) do nothing
			""";

	private static final String SQL_UPDATE_ABOUT_ME = """
			update door.about_me set addressed_as = :addressedAs, what_matters = :whatMatters, support = :support,
			       communication = :communication, updated_at = :at, updated_by = :by, version = version + 1
			where person_id = :person and version = :version
			""";

	private static final String SQL_INSERT_THREAD = """
			insert into door.message_thread (id, person_id, started_by, started_at, lead_id, last_at)
			values (:id, :person, :by, :at, :lead, :at)
			""";

	private static final String SQL_TOUCH_THREAD = """
			update door.message_thread set last_at = :at where id = :id and person_id = :person
			""";

	private static final String SQL_INSERT_MESSAGE = """
			insert into door.message (id, thread_id, from_person_side, author_id, author_name, words, sent_at)
			values (:id, :thread, :personSide, :author, :name, :words, :at)
			""";

	/**
	 * The person's conversations; {@code :everyone} is false for someone acting for the
	 * person, who sees only the conversations they started.
	 */
	private static final String SQL_CONVERSATIONS = """
			select t.id as thread_id, t.started_at, m.id, m.from_person_side, m.author_name, m.words, m.sent_at
			from door.message_thread t join door.message m on m.thread_id = t.id
			where t.person_id = :person and (:everyone or t.started_by = :account)
			order by t.last_at desc, t.id, m.sent_at, m.id
			""";

	// Whoever started the conversation and the person's own accounts, while their
	// invitation stands (revoking it ends their standing).
	private static final String SQL_TO_TELL_OF_REPLY = """
			select i.account_id from door.invitation i
			 where i.person_id = :person and i.used_at is not null and i.revoked_at is null
			   and (i.kind = 'SELF' or i.account_id = (select t.started_by from door.message_thread t
			                                            where t.id = :id and t.person_id = :person))
			""";

	// Every month of the range, counted or not, so a month with no responses shows as
	// suppressed rather than missing.
	private static final String SQL_FEEDBACK_COUNTS = """
			select to_char(m.month, 'YYYY-MM') as month, count(f.id) as responses,
			       count(f.id) filter (where f.listened >= 3) as listened,
			       count(f.id) filter (where f.explained >= 3) as explained,
			       count(f.id) filter (where f.agree_plan >= 3) as agree_plan,
			       count(f.id) filter (where f.easy >= 3) as easy
			from generate_series(cast(:from as date), cast(:to as date), interval '1 month') as m(month)
			left join door.feedback f
			  on date_trunc('month', f.given_at at time zone 'Europe/London') = m.month
			 and %s
			group by m.month order by m.month
			""".formatted(care.seamless.team.CareTeams.teamWorkedWithSql("f.person_id", "cast(:team as uuid)",
			"cast(f.given_at at time zone 'Europe/London' as date)"));

	private static final String SQL_THREAD_VISIBLE = """
			select exists (select 1 from door.message_thread t
			  where t.id = :id and t.person_id = :person and (:everyone or t.started_by = :account))
			""";

	private static final String SQL_INSERT_FEEDBACK = """
			insert into door.feedback (id, person_id, account_id, listened, explained, agree_plan, easy, comment,
			                           given_at)
			values (:id, :person, :account, :listened, :explained, :agree, :easy, :comment, :at)
			""";

	private static final String SQL_FEEDBACK = """
			select id, listened, explained, agree_plan, easy, comment, given_at, we_did, we_did_at, version
			from door.feedback where person_id = :person and (:everyone or account_id = :account)
			order by given_at desc, id limit 100
			""";

	private static final String SQL_WE_DID = """
			update door.feedback set we_did = :words, we_did_by = :by, we_did_at = :at, version = version + 1
			where id = :id and person_id = :person and version = :version
			""";

	private static final String SQL_FEEDBACK_EXISTS = "select exists (select 1 from door.feedback where id = :id and person_id = :person)";

	private final JdbcClient jdbc;

	record FeedbackCount(java.time.YearMonth month, long responses, long listened, long explained, long agreePlan,
			long easy) {
	}

	List<FeedbackCount> feedbackCounts(care.seamless.shared.TeamId team, java.time.YearMonth from,
			java.time.YearMonth to) {
		return jdbc.sql(SQL_FEEDBACK_COUNTS)
			.param("team", team.id())
			.param("from", java.sql.Date.valueOf(from.atDay(1)))
			.param("to", java.sql.Date.valueOf(to.atDay(1)))
			.query((rs, n) -> new FeedbackCount(java.time.YearMonth.parse(rs.getString("month")),
					rs.getLong("responses"), rs.getLong("listened"), rs.getLong("explained"), rs.getLong("agree_plan"),
					rs.getLong("easy")))
			.list();
	}

	java.util.List<care.seamless.shared.AccountId> toTellOfReply(UUID thread, PersonId person) {
		return jdbc.sql(SQL_TO_TELL_OF_REPLY)
			.param("id", thread)
			.param("person", person.id())
			.query(UUID.class)
			.list()
			.stream()
			.map(care.seamless.shared.AccountId::new)
			.toList();
	}

	DoorWordsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<AboutMe> aboutMe(PersonId person) {
		return jdbc.sql(SQL_ABOUT_ME)
			.param("person", person.id())
			.query((rs, n) -> new AboutMe(rs.getString("addressed_as"), rs.getString("what_matters"),
					rs.getString("support"), rs.getString("communication"), rs.getTimestamp("updated_at").toInstant(),
					rs.getLong("version")))
			.optional();
	}

	/**
	 * Saves About me if {@code version} is still the saved one (0 for a first save, which
	 * makes version 1, so a second first save finds itself stale); false when someone
	 * saved in between.
	 */
	boolean saveAboutMe(PersonId person, AboutMe words, long version, AccountId by, Instant at) {
		String sql = version == 0 && aboutMe(person).isEmpty() ? SQL_INSERT_ABOUT_ME : SQL_UPDATE_ABOUT_ME;
		return jdbc.sql(sql)
			.param("person", person.id())
			.param("addressedAs", words.addressedAs())
			.param("whatMatters", words.whatMatters())
			.param("support", words.support())
			.param("communication", words.communication())
			.param("at", Timestamp.from(at))
			.param("by", by.id())
			.param("version", version)
			.update() == 1;
	}

	void insertThread(UUID id, PersonId person, AccountId by, @Nullable PractitionerId lead, Instant at) {
		jdbc.sql(SQL_INSERT_THREAD)
			.param("id", id)
			.param("person", person.id())
			.param("by", by.id())
			.param("lead", lead == null ? null : lead.id())
			.param("at", Timestamp.from(at))
			.update();
	}

	void insertMessage(UUID thread, PersonId person, boolean personSide, UUID author, String name, String words,
			Instant at) {
		jdbc.sql(SQL_TOUCH_THREAD)
			.param("id", thread)
			.param("person", person.id())
			.param("at", Timestamp.from(at))
			.update();
		jdbc.sql(SQL_INSERT_MESSAGE)
			.param("id", UUID.randomUUID())
			.param("thread", thread)
			.param("personSide", personSide)
			.param("author", author)
			.param("name", name)
			.param("words", words)
			.param("at", Timestamp.from(at))
			.update();
	}

	boolean threadVisible(UUID thread, PersonId person, boolean everyone, @Nullable AccountId account) {
		return jdbc.sql(SQL_THREAD_VISIBLE)
			.param("id", thread)
			.param("person", person.id())
			.param("everyone", everyone)
			.param("account", account == null ? new UUID(0, 0) : account.id())
			.query(Boolean.class)
			.single();
	}

	List<Conversation> conversations(PersonId person, boolean everyone, @Nullable AccountId account) {
		Map<UUID, Conversation> threads = new LinkedHashMap<>();
		jdbc.sql(SQL_CONVERSATIONS)
			.param("person", person.id())
			.param("everyone", everyone)
			.param("account", account == null ? new UUID(0, 0) : account.id())
			.query((ResultSet rs) -> {
				UUID thread = rs.getObject("thread_id", UUID.class);
				threads.computeIfAbsent(thread, t -> new Conversation(t, instant(rs, "started_at"), new ArrayList<>()))
					.messages()
					.add(new Message(rs.getObject("id", UUID.class), rs.getBoolean("from_person_side"),
							rs.getString("author_name"), rs.getString("words"),
							rs.getTimestamp("sent_at").toInstant()));
			});
		return threads.values()
			.stream()
			.map(c -> new Conversation(c.id(), c.startedAt(), List.copyOf(c.messages())))
			.toList();
	}

	void insertFeedback(UUID id, PersonId person, AccountId account, int[] answers, String comment, Instant at) {
		jdbc.sql(SQL_INSERT_FEEDBACK)
			.param("id", id)
			.param("person", person.id())
			.param("account", account.id())
			.param("listened", answers[0])
			.param("explained", answers[1])
			.param("agree", answers[2])
			.param("easy", answers[3])
			.param("comment", comment)
			.param("at", Timestamp.from(at))
			.update();
	}

	List<Feedback> feedback(PersonId person, boolean everyone, @Nullable AccountId account) {
		return jdbc.sql(SQL_FEEDBACK)
			.param("person", person.id())
			.param("everyone", everyone)
			.param("account", account == null ? new UUID(0, 0) : account.id())
			.query((rs, n) -> new Feedback(rs.getObject("id", UUID.class), rs.getInt("listened"),
					rs.getInt("explained"), rs.getInt("agree_plan"), rs.getInt("easy"), rs.getString("comment"),
					rs.getTimestamp("given_at").toInstant(), rs.getString("we_did"),
					rs.getTimestamp("we_did_at") == null ? null : rs.getTimestamp("we_did_at").toInstant(),
					rs.getLong("version")))
			.list();
	}

	boolean feedbackExists(UUID id, PersonId person) {
		return jdbc.sql(SQL_FEEDBACK_EXISTS).param("id", id).param("person", person.id()).query(Boolean.class).single();
	}

	boolean weDid(UUID id, PersonId person, long version, String words, String by, Instant at) {
		return jdbc.sql(SQL_WE_DID)
			.param("id", id)
			.param("person", person.id())
			.param("version", version)
			.param("words", words)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	private static Instant instant(ResultSet rs, String column) {
		try {
			return rs.getTimestamp(column).toInstant();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
