package care.seamless.assessment;

import care.seamless.consent.SqlCondition;
import care.seamless.shared.KeptStatements;
import care.seamless.shared.PersonId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AssessmentRepository {

	private static final String EPISODE_OWN_COLUMNS = """
			e.id, e.person_id, e.stage, e.status, e.opened_by, e.opened_by_name, e.opened_by_org, e.opened_at,
			e.completed_at, e.summary_shared_at, e.summary_shared_by, e.version, e.cares_for_person_id,
			e.cares_for_name""";

	private static final String EPISODE_COLUMNS = EPISODE_OWN_COLUMNS + """
			,
			(select count(*) from assessment.answer a where a.episode_id = e.id and a.current
				and a.reused_from is not null and %1$s) as reused,
			(select count(*) from assessment.answer a where a.episode_id = e.id and a.current
				and a.reused_from is null and %1$s) as asked
			""";

	private static final String SECTION_COLUMNS = """
			s.id, s.episode_id, s.person_id, s.instrument_id, s.instrument_version, s.section_id, s.category,
			s.position, s.status, s.author_id, s.author_name, s.author_profession, s.author_org, s.updated_at,
			s.signed_at, s.version, s.not_relevant_reason, s.not_relevant_by_name, s.not_relevant_at
			""";

	// Each section with whether any of its current answers is withheld (%s: the answer
	// is visible): the reference the tests compare SQL_SECTIONS_SEEN_ONCE with.
	private static final String SQL_SECTIONS_SEEN = "select " + SECTION_COLUMNS + """
			, exists (select 1 from assessment.answer a where a.episode_id = s.episode_id
			   and a.section_row_id = s.id and a.current and not (%s)) as withheld
			from assessment.section s where s.episode_id = :episode order by s.position
			""";

	// As SQL_SECTIONS_SEEN, the flag taken from the keys AnswerRepository.decidedOnce
	// decided: a key of pdp_k is the person, category, holder and section of at least one
	// current answer of the episode, and every answer with that key has its value, so a
	// section has a withheld answer exactly when one of its keys is not visible (a null
	// value withholds nothing, as "not (null)" found no answer before). Each section no
	// longer looks up its answers again.
	private static final String SQL_SECTIONS_SEEN_ONCE = "select " + SECTION_COLUMNS + """
			, exists (select 1 from pdp_k where pdp_k.section_row_id = s.id and not pdp_k.visible) as withheld
			from assessment.section s where s.episode_id = :episode order by s.position
			""";

	private final JdbcClient jdbc;

	/**
	 * The summary's episode and sections, kept per shape of the viewer's conditions (ADR
	 * 78).
	 */
	private final KeptStatements kept = new KeptStatements();

	AssessmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record EpisodeRow(UUID id, PersonId personId, String stage, String status, UUID openedBy, String openedByName,
			UUID openedByOrg, Instant openedAt, @Nullable Instant completedAt, @Nullable Instant summarySharedAt,
			@Nullable String summarySharedBy, long version, int reused, int asked, @Nullable UUID caresForPersonId,
			@Nullable String caresForName) {

		EpisodeRow withCounts(int reused, int asked) {
			return new EpisodeRow(this.id, this.personId, this.stage, this.status, this.openedBy, this.openedByName,
					this.openedByOrg, this.openedAt, this.completedAt, this.summarySharedAt, this.summarySharedBy,
					this.version, reused, asked, this.caresForPersonId, this.caresForName);
		}

	}

	record SectionRow(UUID id, UUID episodeId, PersonId personId, String instrumentId, int instrumentVersion,
			String sectionId, String category, int position, String status, @Nullable UUID authorId,
			@Nullable String authorName, @Nullable String authorProfession, @Nullable UUID authorOrg,
			@Nullable Instant updatedAt, @Nullable Instant signedAt, long version, @Nullable String notRelevantReason,
			@Nullable String notRelevantByName, @Nullable Instant notRelevantAt) {
	}

	void insertEpisode(EpisodeRow e) {
		jdbc.sql("""
				insert into assessment.episode (id, person_id, stage, status, opened_by, opened_by_name, opened_by_org,
					opened_at, cares_for_person_id, cares_for_name)
				values (:id, :person, :stage, 'open', :by, :byName, :org, :at, :caresFor, :caresForName)
				""")
			.param("id", e.id())
			.param("person", e.personId().id())
			.param("stage", e.stage())
			.param("by", e.openedBy())
			.param("byName", e.openedByName())
			.param("org", e.openedByOrg())
			.param("at", Timestamp.from(e.openedAt()))
			.param("caresFor", e.caresForPersonId())
			.param("caresForName", e.caresForName())
			.update();
	}

	/**
	 * One episode; its counts of answers reused and asked cover only the answers the
	 * viewer may see ({@code visible} over alias {@code a}), so they never reveal how
	 * many are withheld.
	 */
	Optional<EpisodeRow> findEpisode(UUID id, SqlCondition visible) {
		return findEpisode(id, visible, kept);
	}

	/** {@link #findEpisode} with {@code statements} kept (or not: tests compare). */
	Optional<EpisodeRow> findEpisode(UUID id, SqlCondition visible, KeptStatements statements) {
		Map<String, Object> params = new HashMap<>(visible.params());
		params.put("id", id);
		KeptStatements.Bound bound = statements.bind(List.of("episode", visible.sql()), params,
				() -> AnswerRepository.decidedOnce("id", visible) + "select "
						+ EPISODE_COLUMNS.formatted(AnswerRepository.DECIDED_ONCE)
						+ " from assessment.episode e where e.id = :id");
		return bound.params(jdbc.sql(bound.sql())).query(AssessmentRepository::episode).optional();
	}

	/**
	 * {@link #findEpisode} and, in the same statement, the access policy's record
	 * decision about the episode's person ({@code decision} over {@code e.person_id},
	 * from {@code AccessPolicy.recordDecision}): one statement instead of two for a read
	 * that opens the episode. The caller audits the decision.
	 */
	Optional<Opened> openEpisode(UUID id, SqlCondition visible, SqlCondition decision) {
		Map<String, Object> params = new HashMap<>(visible.params());
		params.putAll(decision.params());
		params.put("id", id);
		KeptStatements.Bound bound = kept.bind(List.of("openEpisode", visible.sql(), decision.sql()), params,
				() -> AnswerRepository.decidedOnce("id", visible) + "select "
						+ EPISODE_COLUMNS.formatted(AnswerRepository.DECIDED_ONCE) + ", " + decision.sql()
						+ " as record_decision from assessment.episode e where e.id = :id");
		return bound.params(jdbc.sql(bound.sql()))
			.query((rs, n) -> new Opened(episode(rs, n), rs.getString("record_decision")))
			.optional();
	}

	/**
	 * {@link #openEpisode} without the counts of answers reused and asked (both 0 in the
	 * row): for a read that reads the answers the counts cover anyway and counts them
	 * itself (the summary), so the condition is neither decided nor the answers read
	 * here.
	 */
	Optional<Opened> openEpisodeUncounted(UUID id, SqlCondition decision) {
		Map<String, Object> params = new HashMap<>(decision.params());
		params.put("id", id);
		KeptStatements.Bound bound = kept.bind(List.of("openEpisodeUncounted", decision.sql()), params,
				() -> "select " + EPISODE_OWN_COLUMNS + ", 0 as reused, 0 as asked, " + decision.sql()
						+ " as record_decision from assessment.episode e where e.id = :id");
		return bound.params(jdbc.sql(bound.sql()))
			.query((rs, n) -> new Opened(episode(rs, n), rs.getString("record_decision")))
			.optional();
	}

	/** An episode and the record decision about its person (null: may not be opened). */
	record Opened(EpisodeRow row, @Nullable String decision) {
	}

	/**
	 * {@link #findEpisode} with the condition evaluated for every answer and every count,
	 * as before ADR 84: the reference the tests compare with.
	 */
	Optional<EpisodeRow> findEpisodeAnswerByAnswer(UUID id, SqlCondition visible) {
		Map<String, Object> params = new HashMap<>(visible.params());
		params.put("id", id);
		return jdbc
			.sql("select " + EPISODE_COLUMNS.formatted(visible.sql()) + " from assessment.episode e where e.id = :id")
			.params(params)
			.query(AssessmentRepository::episode)
			.optional();
	}

	List<EpisodeRow> episodes(PersonId person, SqlCondition visible) {
		Map<String, Object> params = new HashMap<>(visible.params());
		params.put("person", person.id());
		return jdbc
			.sql("select " + EPISODE_COLUMNS.formatted(visible.sql())
					+ " from assessment.episode e where e.person_id = :person order by e.opened_at desc")
			.params(params)
			.query(AssessmentRepository::episode)
			.list();
	}

	/** Moves the episode on; false when someone else changed it first. */
	boolean updateEpisode(UUID id, long version, String stage, @Nullable Instant completedAt) {
		return jdbc.sql("""
				update assessment.episode set stage = :stage, completed_at = :completedAt,
					status = case when :completedAt::timestamptz is null then 'open' else 'completed' end,
					version = version + 1
				where id = :id and version = :version
				""")
			.param("id", id)
			.param("version", version)
			.param("stage", stage)
			.param("completedAt", (completedAt != null) ? Timestamp.from(completedAt) : null)
			.update() == 1;
	}

	boolean markSummaryShared(UUID id, long version, Instant at, String by) {
		return jdbc.sql("""
				update assessment.episode set summary_shared_at = :at, summary_shared_by = :by, version = version + 1
				where id = :id and version = :version
				""")
			.param("id", id)
			.param("version", version)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update() == 1;
	}

	void insertSection(SectionRow s) {
		jdbc.sql(
				"""
						insert into assessment.section (id, episode_id, person_id, instrument_id, instrument_version, section_id,
							category, position, status)
						values (:id, :episode, :person, :instrument, :instrumentVersion, :section, :category, :position,
							'not-started')
						""")
			.param("id", s.id())
			.param("episode", s.episodeId())
			.param("person", s.personId().id())
			.param("instrument", s.instrumentId())
			.param("instrumentVersion", s.instrumentVersion())
			.param("section", s.sectionId())
			.param("category", s.category())
			.param("position", s.position())
			.update();
	}

	List<SectionRow> sections(UUID episode) {
		return jdbc
			.sql("select " + SECTION_COLUMNS
					+ " from assessment.section s where s.episode_id = :episode order by s.position")
			.param("episode", episode)
			.query(AssessmentRepository::section)
			.list();
	}

	/**
	 * The episode's sections, each with whether any of its current answers is withheld
	 * from the viewer ({@code answerVisible} over alias {@code a}): one read instead of
	 * the sections and then the withheld answers' sections. Withheld answers still never
	 * leave the database; only the flag does.
	 */
	List<SectionSight> sections(UUID episode, SqlCondition answerVisible) {
		return sections(episode, answerVisible, kept);
	}

	/** {@link #sections} with {@code statements} kept (or not: tests compare). */
	List<SectionSight> sections(UUID episode, SqlCondition answerVisible, KeptStatements statements) {
		Map<String, Object> params = new HashMap<>(answerVisible.params());
		params.put("episode", episode);
		KeptStatements.Bound bound = statements.bind(List.of("sections", answerVisible.sql()), params,
				() -> AnswerRepository.decidedOnce("episode", answerVisible) + SQL_SECTIONS_SEEN_ONCE);
		return bound.params(jdbc.sql(bound.sql()))
			.query((rs, n) -> new SectionSight(section(rs, n), rs.getBoolean("withheld")))
			.list();
	}

	/**
	 * {@link #sections} with the condition evaluated for every answer, as before ADR 84:
	 * the reference the tests compare with.
	 */
	List<SectionSight> sectionsAnswerByAnswer(UUID episode, SqlCondition answerVisible) {
		Map<String, Object> params = new HashMap<>(answerVisible.params());
		params.put("episode", episode);
		return jdbc.sql(SQL_SECTIONS_SEEN.formatted(answerVisible.sql()))
			.params(params)
			.query((rs, n) -> new SectionSight(section(rs, n), rs.getBoolean("withheld")))
			.list();
	}

	record SectionSight(SectionRow row, boolean withheld) {
	}

	SectionRow section(UUID id) {
		return jdbc.sql("select " + SECTION_COLUMNS + " from assessment.section s where s.id = :id")
			.param("id", id)
			.query(AssessmentRepository::section)
			.single();
	}

	Optional<SectionRow> findSection(UUID episode, String instrumentId, String sectionId) {
		return jdbc.sql("select " + SECTION_COLUMNS + """
				 from assessment.section s
				where s.episode_id = :episode and s.instrument_id = :instrument and s.section_id = :section
				""")
			.param("episode", episode)
			.param("instrument", instrumentId)
			.param("section", sectionId)
			.query(AssessmentRepository::section)
			.optional();
	}

	/** Claims the section for this save; false when someone else saved it first. */
	boolean touchSection(UUID id, long version, UUID author, String authorName, String profession, UUID org,
			Instant at) {
		return jdbc.sql("""
				update assessment.section set status = 'in-progress', author_id = :author, author_name = :name,
					author_profession = :profession, author_org = :org, updated_at = :at, version = version + 1,
					not_relevant_reason = null, not_relevant_by_name = null, not_relevant_at = null
				where id = :id and version = :version and status <> 'signed'
				""")
			.param("id", id)
			.param("version", version)
			.param("author", author)
			.param("name", authorName)
			.param("profession", profession)
			.param("org", org)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	boolean signSection(UUID id, long version, Instant at) {
		return jdbc.sql("""
				update assessment.section set status = 'signed', signed_at = :at, version = version + 1
				where id = :id and version = :version and status = 'in-progress'
				""").param("id", id).param("version", version).param("at", Timestamp.from(at)).update() == 1;
	}

	/**
	 * Marks a domain not relevant to this person; false when someone changed the section
	 * first or it already has answers.
	 */
	boolean markNotRelevant(UUID id, long version, String reason, String byName, Instant at) {
		return jdbc.sql("""
				update assessment.section set status = 'not-relevant', not_relevant_reason = :reason,
					not_relevant_by_name = :byName, not_relevant_at = :at, version = version + 1
				where id = :id and version = :version and status = 'not-started'
				""")
			.param("id", id)
			.param("version", version)
			.param("reason", reason)
			.param("byName", byName)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	private static EpisodeRow episode(ResultSet rs, int n) throws SQLException {
		return new EpisodeRow(rs.getObject("id", UUID.class), new PersonId(rs.getObject("person_id", UUID.class)),
				rs.getString("stage"), rs.getString("status"), rs.getObject("opened_by", UUID.class),
				rs.getString("opened_by_name"), rs.getObject("opened_by_org", UUID.class), instant(rs, "opened_at"),
				instant(rs, "completed_at"), instant(rs, "summary_shared_at"), rs.getString("summary_shared_by"),
				rs.getLong("version"), rs.getInt("reused"), rs.getInt("asked"),
				rs.getObject("cares_for_person_id", UUID.class), rs.getString("cares_for_name"));
	}

	private static SectionRow section(ResultSet rs, int n) throws SQLException {
		return new SectionRow(rs.getObject("id", UUID.class), rs.getObject("episode_id", UUID.class),
				new PersonId(rs.getObject("person_id", UUID.class)), rs.getString("instrument_id"),
				rs.getInt("instrument_version"), rs.getString("section_id"), rs.getString("category"),
				rs.getInt("position"), rs.getString("status"), rs.getObject("author_id", UUID.class),
				rs.getString("author_name"), rs.getString("author_profession"), rs.getObject("author_org", UUID.class),
				instant(rs, "updated_at"), instant(rs, "signed_at"), rs.getLong("version"),
				rs.getString("not_relevant_reason"), rs.getString("not_relevant_by_name"),
				instant(rs, "not_relevant_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
