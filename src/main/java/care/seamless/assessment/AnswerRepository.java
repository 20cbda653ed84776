package care.seamless.assessment;

import care.seamless.consent.AccessPolicy;
import care.seamless.consent.ItemKind;
import care.seamless.consent.SqlCondition;
import care.seamless.shared.Actor;
import care.seamless.shared.KeptStatements;
import care.seamless.shared.PersonId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Answers, with their provenance, and the person's disagreements; every list takes the
 * access policy's SQL so only what the viewer may see is read.
 */
@Repository
class AnswerRepository {

	// The origin is the first time the answer was given, however often it was carried
	// over.
	private static final String ANSWER_COLUMNS = """
			a.id, a.section_row_id, a.episode_id, a.question_id, a.reuse_key, a.answer_value, a.source,
			a.recorded_by_name, a.profession, a.organisation_id, a.recorded_at, a.category, a.reused_from,
			orig.id as origin_id, orig.recorded_by_name as origin_name, orig.organisation_id as origin_org,
			orig.recorded_at as origin_at
			""";

	// Where an answer was first given is itself an answer, with its own organisation and
	// category: its details join only when the viewer may see that row too.
	private static final String ANSWER_FROM = """
			from assessment.answer a left join assessment.answer orig on orig.id = a.reused_from and %s
			""";

	private static final String SQL_DISAGREEMENTS = """
			select d.id, d.answer_id, d.stated_by, d.stated_by_name, d.words, d.recorded_by_name, d.organisation_id,
			       d.recorded_at
			from assessment.disagreement d where d.episode_id = :episode and %s
			order by d.recorded_at
			""";

	private final JdbcClient jdbc;

	/** The summary's reads, kept per shape of the viewer's conditions (ADR 78). */
	private final KeptStatements kept = new KeptStatements();

	AnswerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param reusedFrom the first answer this one carries over, by id only, whoever may
	 * see it (a reuse keeps pointing at the first answer)
	 * @param originId the same answer when the viewer may see it, with its details
	 */
	record AnswerRow(UUID id, UUID sectionRowId, UUID episodeId, String questionId, @Nullable String reuseKey,
			String value, String source, String recordedByName, String profession, UUID organisationId,
			Instant recordedAt, String category, @Nullable UUID reusedFrom, @Nullable UUID originId,
			@Nullable String originName, @Nullable UUID originOrg, @Nullable Instant originAt) {
	}

	/**
	 * What one viewer may see: the access policy over an answer ({@code a}) and over the
	 * answer it was first given as ({@code orig}), with the viewer's parameters.
	 */
	record Sight(SqlCondition answer, SqlCondition origin, SqlCondition anySection) {

		/**
		 * {@code anySection} is {@link #answer} with no section: only a grant of the
		 * answer's category reaches it, never one naming a section. The rule uses the
		 * section nowhere but in that grant, and the grant only to widen what is seen, so
		 * where {@code anySection} holds, {@link #answer} holds for every section (ADR
		 * 113).
		 */
		static Sight of(AccessPolicy policy, Actor actor) {
			return new Sight(
					policy.visibleItems(actor, "a.person_id", "a.category", "a.organisation_id",
							ItemKind.ASSESSMENT_SECTION, "a.section_row_id"),
					policy.visibleItems(actor, "orig.person_id", "orig.category", "orig.organisation_id",
							ItemKind.ASSESSMENT_SECTION, "orig.section_row_id"),
					policy.visibleItems(actor, "a.person_id", "a.category", "a.organisation_id",
							ItemKind.ASSESSMENT_SECTION, "cast(null as uuid)"));
		}

		Map<String, Object> params() {
			Map<String, Object> params = new HashMap<>(this.origin.params());
			params.putAll(this.answer.params());
			params.putAll(this.anySection.params());
			return params;
		}

		String from() {
			return ANSWER_FROM.formatted(this.origin.sql());
		}

	}

	record NewAnswer(UUID id, UUID sectionRowId, UUID episodeId, PersonId personId, String questionId,
			@Nullable String reuseKey, String value, String source, @Nullable UUID reusedFrom, UUID recordedBy,
			String recordedByName, String profession, UUID organisationId, Instant recordedAt, String category) {
	}

	record DisagreementRow(UUID id, UUID answerId, String statedBy, @Nullable String statedByName, String words,
			String recordedByName, UUID organisationId, Instant recordedAt) {
	}

	/**
	 * The current answers of a section the viewer may see, oldest first: all a save
	 * compares with and may supersede, so a save never touches what the saver cannot
	 * read.
	 */
	List<AnswerRow> sectionAnswers(UUID sectionRow, Sight sight) {
		Map<String, Object> params = sight.params();
		params.put("row", sectionRow);
		return jdbc
			.sql("select " + ANSWER_COLUMNS + sight.from() + " where a.section_row_id = :row and a.current and "
					+ sight.answer().sql() + " order by a.recorded_at, a.id")
			.params(params)
			.query(AnswerRepository::answer)
			.list();
	}

	/** Whether any current answer of the section is withheld from the viewer. */
	boolean anyWithheld(UUID sectionRow, SqlCondition visible) {
		Map<String, Object> params = new HashMap<>(visible.params());
		params.put("row", sectionRow);
		return jdbc.sql(
				"select exists (select 1 from assessment.answer a where a.section_row_id = :row and a.current and not ("
						+ visible.sql() + "))")
			.params(params)
			.query(Boolean.class)
			.single();
	}

	/** Current answers of the episode the viewer may see, in section order. */
	List<AnswerRow> episodeAnswers(UUID episode, Sight sight) {
		return episodeAnswers(episode, sight, kept);
	}

	/** {@link #episodeAnswers} with {@code statements} kept (or not: tests compare). */
	List<AnswerRow> episodeAnswers(UUID episode, Sight sight, KeptStatements statements) {
		return answersDecidedOnce("episodeAnswers", episode, sight, statements,
				() -> episodeAnswersSql(sight, DECIDED_ONCE));
	}

	/**
	 * The episode's current answers by {@code select}, the condition decided once per
	 * distinct key (ADR 84), the statement kept under {@code name}.
	 */
	private List<AnswerRow> answersDecidedOnce(String name, UUID episode, Sight sight, KeptStatements statements,
			Supplier<String> select) {
		Map<String, Object> params = sight.params();
		params.put("episode", episode);
		KeptStatements.Bound bound = statements.bind(List.of(name, sight.origin().sql(), sight.answer().sql()), params,
				() -> decidedOnce("episode", sight.answer()) + select.get());
		return bound.params(jdbc.sql(bound.sql())).query(AnswerRepository::answer).list();
	}

	/**
	 * {@link #episodeAnswers} with the condition evaluated for every answer, as before
	 * ADR 84: the reference the tests compare with.
	 */
	List<AnswerRow> episodeAnswersAnswerByAnswer(UUID episode, Sight sight) {
		Map<String, Object> params = sight.params();
		params.put("episode", episode);
		return jdbc.sql(episodeAnswersSql(sight, sight.answer().sql()))
			.params(params)
			.query(AnswerRepository::answer)
			.list();
	}

	private static String episodeAnswersSql(Sight sight, String answerVisible) {
		return "select " + ANSWER_COLUMNS + sight.from()
				+ " join assessment.section s on s.id = a.section_row_id where a.episode_id = :episode and a.current and "
				+ answerVisible + " order by s.position, a.recorded_at, a.id";
	}

	/**
	 * {@link #episodeAnswers} without the join to the sections, which only put them in
	 * section order (an index look-up per answer, about half the statement's buffers):
	 * for the summary, which groups them by section and walks the sections in order
	 * itself. Within a section the order is {@link #episodeAnswers}'s.
	 */
	List<AnswerRow> summaryAnswers(UUID episode, Sight sight) {
		return summaryAnswers(episode, sight, kept);
	}

	/** {@link #summaryAnswers} with {@code statements} kept (or not: tests compare). */
	List<AnswerRow> summaryAnswers(UUID episode, Sight sight, KeptStatements statements) {
		return summaryRead(episode, sight, statements).answers();
	}

	/**
	 * What the summary reads of an episode's answers: those the viewer may see, and the
	 * sections in which a current answer is withheld from them. Only the sections' ids
	 * leave the database of the withheld answers.
	 */
	record SummaryRead(List<AnswerRow> answers, Set<UUID> withheldSections) {
	}

	/**
	 * {@link #summaryAnswers} and, in the same statement, the sections whose flag
	 * {@code AssessmentRepository.sections} takes from its own {@link #decidedOnce}: a
	 * section has a withheld answer exactly when one of its keys was decided not visible
	 * (a null value withholds nothing). So the access rule is decided once a summary
	 * instead of once for the answers and again for the sections (ADR 106), and once per
	 * holder where it holds for all its sections ({@link #decidedOncePerHolder}, ADR
	 * 113).
	 */
	SummaryRead summaryRead(UUID episode, Sight sight) {
		return summaryRead(episode, sight, kept);
	}

	/** {@link #summaryRead} with {@code statements} kept (or not: tests compare). */
	SummaryRead summaryRead(UUID episode, Sight sight, KeptStatements statements) {
		Map<String, Object> params = sight.params();
		params.put("episode", episode);
		// One row even without a visible answer, for the withheld sections: the answers
		// join the flags' single row, and a row without an answer has no id.
		KeptStatements.Bound bound = statements.bind(List.of("summaryRead", sight.origin().sql(), sight.answer().sql()),
				params, () -> summaryReadSql(sight));
		return bound.params(jdbc.sql(bound.sql())).query((ResultSet rs) -> {
			List<AnswerRow> answers = new ArrayList<>();
			Set<UUID> withheld = Set.of();
			for (int n = 0; rs.next(); n++) {
				if (n == 0) {
					withheld = Set.of((UUID[]) rs.getArray("withheld_sections").getArray());
				}
				if (rs.getObject("id") != null) {
					answers.add(answer(rs, answers.size()));
				}
			}
			return new SummaryRead(answers, withheld);
		});
	}

	/** The text of {@link #summaryRead}'s statement (the tests read its plan). */
	static String summaryReadSql(Sight sight) {
		return decidedOncePerHolder("episode", sight) + """
				select w.withheld_sections, x.* from (select array(select distinct pdp_k.section_row_id
				 from pdp_k where not pdp_k.visible) as withheld_sections) w
				left join lateral (select\s""" + ANSWER_COLUMNS + sight.from()
				+ " where a.episode_id = :episode and a.current and " + DECIDED_ONCE
				+ ") x on true order by x.recorded_at, x.id";
	}

	/**
	 * The access policy's condition over an episode's current answers ({@code visible},
	 * over alias {@code a}), evaluated once for each distinct person, category, holder
	 * and section among them (ADR 84): a {@code with} clause, for a statement whose
	 * answers of that episode then take their value from {@link #DECIDED_ONCE}. The
	 * condition reads nothing of an answer but these four columns (an item grant names
	 * the section), so answers that agree on them get the same value; evaluated per
	 * answer, and again for each count and flag, it was most of the summary's reading.
	 * Only for current answers of the episode in {@code episodeParam}: any other answer
	 * finds no value.
	 */
	static String decidedOnce(String episodeParam, SqlCondition visible) {
		return """
				with pdp_k as materialized (select a.person_id, a.category, a.organisation_id, a.section_row_id,
				 (%s) as visible
				 from (select distinct person_id, category, organisation_id, section_row_id from assessment.answer
				  where episode_id = :%s and current) a)
				""".formatted(visible.sql(), episodeParam);
	}

	/**
	 * {@link #decidedOnce}, the rule first decided once per person, category and holder
	 * with no section ({@link Sight#anySection}), and per key only where that did not
	 * hold: the same value for every key, because where it holds the rule holds for every
	 * section. An episode's keys are mostly one per section over a few categories of one
	 * person (11 keys, 3 holders in the generated population), and the rule's look-ups
	 * (the care team first) depend on none of the sections, so a reader who sees the
	 * answers pays them per holder instead of per section (ADR 113). A key not decided so
	 * is decided by the whole rule, as before.
	 */
	static String decidedOncePerHolder(String episodeParam, Sight sight) {
		return """
				with pdp_a as materialized (select distinct person_id, category, organisation_id, section_row_id
				 from assessment.answer where episode_id = :%s and current),
				pdp_h as materialized (select a.person_id, a.category, a.organisation_id, (%s) as visible
				 from (select distinct person_id, category, organisation_id from pdp_a) a),
				pdp_k as materialized (select a.person_id, a.category, a.organisation_id, a.section_row_id,
				 case when pdp_h.visible then true else (%s) end as visible
				 from pdp_a a join pdp_h on pdp_h.person_id = a.person_id and pdp_h.category = a.category
				  and pdp_h.organisation_id is not distinct from a.organisation_id)
				""".formatted(episodeParam, sight.anySection().sql(), sight.answer().sql());
	}

	/**
	 * The value {@link #decidedOnce} found for the answer {@code a}: the condition's own
	 * value, null included, so that {@code not} of it is what {@code not} of the
	 * condition was.
	 */
	static final String DECIDED_ONCE = "(select pdp_k.visible from pdp_k where pdp_k.person_id = a.person_id"
			+ " and pdp_k.category = a.category and pdp_k.organisation_id is not distinct from a.organisation_id"
			+ " and pdp_k.section_row_id = a.section_row_id)";

	/**
	 * The latest current answer for each reuse key that the viewer may see, outside the
	 * section being completed.
	 */
	List<AnswerRow> latestByReuseKey(PersonId person, Collection<String> keys, UUID exceptSection, Sight sight) {
		if (keys.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = sight.params();
		params.put("person", person.id());
		params.put("keys", keys);
		params.put("except", exceptSection);
		return jdbc.sql("select distinct on (a.reuse_key) " + ANSWER_COLUMNS + sight.from() + """
				 where a.person_id = :person and a.reuse_key in (:keys) and a.current
				and a.section_row_id <> :except and """ + sight.answer().sql() + """
				 order by a.reuse_key, a.recorded_at desc
				""").params(params).query(AnswerRepository::answer).list();
	}

	/** Every current answer about the person the viewer may see, newest first. */
	List<AnswerRow> personAnswers(PersonId person, Sight sight) {
		Map<String, Object> params = sight.params();
		params.put("person", person.id());
		return jdbc.sql("select " + ANSWER_COLUMNS + sight.from() + """
				where a.person_id = :person and a.current and """ + sight.answer().sql() + """
				 order by a.recorded_at desc
				""").params(params).query(AnswerRepository::answer).list();
	}

	void insertAnswer(NewAnswer a) {
		jdbc.sql("""
				insert into assessment.answer (id, section_row_id, episode_id, person_id, question_id, reuse_key,
					answer_value, source, reused_from, recorded_by, recorded_by_name, profession, organisation_id,
					recorded_at, category)
				values (:id, :row, :episode, :person, :question, :reuseKey, :value, :source, :reusedFrom, :by, :byName,
					:profession, :org, :at, :category)
				""")
			.param("id", a.id())
			.param("row", a.sectionRowId())
			.param("episode", a.episodeId())
			.param("person", a.personId().id())
			.param("question", a.questionId())
			.param("reuseKey", a.reuseKey())
			.param("value", a.value())
			.param("source", a.source())
			.param("reusedFrom", a.reusedFrom())
			.param("by", a.recordedBy())
			.param("byName", a.recordedByName())
			.param("profession", a.profession())
			.param("org", a.organisationId())
			.param("at", Timestamp.from(a.recordedAt()))
			.param("category", a.category())
			.update();
	}

	/**
	 * Replaced answers stay, no longer current, so the history of an assessment is kept.
	 * Only an answer the saver may see is superseded, checked again in the statement.
	 */
	void supersede(UUID answer, SqlCondition visible) {
		Map<String, Object> params = new HashMap<>(visible.params());
		params.put("id", answer);
		jdbc.sql("update assessment.answer a set current = false where a.id = :id and a.current and " + visible.sql())
			.params(params)
			.update();
	}

	/** One answer, only when the viewer may see it. */
	Optional<AnswerRow> findAnswer(UUID id, Sight sight) {
		Map<String, Object> params = sight.params();
		params.put("id", id);
		return jdbc.sql("select " + ANSWER_COLUMNS + sight.from() + " where a.id = :id and " + sight.answer().sql())
			.params(params)
			.query(AnswerRepository::answer)
			.optional();
	}

	void insertDisagreement(UUID id, UUID episode, PersonId person, UUID answer, String statedBy,
			@Nullable String statedByName, String words, String recordedByName, UUID org, Instant at, String category) {
		jdbc.sql(
				"""
						insert into assessment.disagreement (id, episode_id, person_id, answer_id, stated_by, stated_by_name,
							words, recorded_by_name, organisation_id, recorded_at, category)
						values (:id, :episode, :person, :answer, :statedBy, :statedByName, :words, :byName, :org, :at, :category)
						""")
			.param("id", id)
			.param("episode", episode)
			.param("person", person.id())
			.param("answer", answer)
			.param("statedBy", statedBy)
			.param("statedByName", statedByName)
			.param("words", words)
			.param("byName", recordedByName)
			.param("org", org)
			.param("at", Timestamp.from(at))
			.param("category", category)
			.update();
	}

	List<DisagreementRow> disagreements(UUID episode, SqlCondition visible) {
		return disagreements(episode, visible, kept);
	}

	/** {@link #disagreements} with {@code statements} kept (or not: tests compare). */
	List<DisagreementRow> disagreements(UUID episode, SqlCondition visible, KeptStatements statements) {
		Map<String, Object> params = new HashMap<>(visible.params());
		params.put("episode", episode);
		KeptStatements.Bound bound = statements.bind(List.of("disagreements", visible.sql()), params,
				() -> SQL_DISAGREEMENTS.formatted(visible.sql()));
		return bound.params(jdbc.sql(bound.sql()))
			.query((rs, n) -> new DisagreementRow(rs.getObject("id", UUID.class), rs.getObject("answer_id", UUID.class),
					rs.getString("stated_by"), rs.getString("stated_by_name"), rs.getString("words"),
					rs.getString("recorded_by_name"), rs.getObject("organisation_id", UUID.class),
					instant(rs, "recorded_at")))
			.list();
	}

	record CorrectionRow(UUID id, UUID answerId, String words, String statedBy, @Nullable String statedByName,
			String reason, String recordedByName, UUID organisationId, Instant recordedAt) {
	}

	void insertCorrection(UUID id, UUID episode, PersonId person, UUID answer, String words, String statedBy,
			@Nullable String statedByName, String reason, String recordedByName, UUID org, Instant at,
			String category) {
		jdbc.sql("""
				insert into assessment.own_words_correction (id, answer_id, episode_id, person_id, words, stated_by,
					stated_by_name, reason, recorded_by_name, organisation_id, recorded_at, category)
				values (:id, :answer, :episode, :person, :words, :statedBy, :statedByName, :reason, :byName, :org, :at,
					:category)
				""")
			.param("id", id)
			.param("answer", answer)
			.param("episode", episode)
			.param("person", person.id())
			.param("words", words)
			.param("statedBy", statedBy)
			.param("statedByName", statedByName)
			.param("reason", reason)
			.param("byName", recordedByName)
			.param("org", org)
			.param("at", Timestamp.from(at))
			.param("category", category)
			.update();
	}

	/**
	 * Corrections of own words in the episode the viewer may see ({@code c}), oldest
	 * first.
	 */
	List<CorrectionRow> corrections(UUID episode, SqlCondition visible) {
		Map<String, Object> params = new HashMap<>(visible.params());
		params.put("episode", episode);
		return jdbc.sql("""
				select c.id, c.answer_id, c.words, c.stated_by, c.stated_by_name, c.reason, c.recorded_by_name,
					c.organisation_id, c.recorded_at
				from assessment.own_words_correction c where c.episode_id = :episode and """ + visible.sql() + """
				 order by c.recorded_at, c.id
				""")
			.params(params)
			.query((rs, n) -> new CorrectionRow(rs.getObject("id", UUID.class), rs.getObject("answer_id", UUID.class),
					rs.getString("words"), rs.getString("stated_by"), rs.getString("stated_by_name"),
					rs.getString("reason"), rs.getString("recorded_by_name"),
					rs.getObject("organisation_id", UUID.class), instant(rs, "recorded_at")))
			.list();
	}

	private static AnswerRow answer(ResultSet rs, int n) throws SQLException {
		return new AnswerRow(rs.getObject("id", UUID.class), rs.getObject("section_row_id", UUID.class),
				rs.getObject("episode_id", UUID.class), rs.getString("question_id"), rs.getString("reuse_key"),
				rs.getString("answer_value"), rs.getString("source"), rs.getString("recorded_by_name"),
				rs.getString("profession"), rs.getObject("organisation_id", UUID.class), instant(rs, "recorded_at"),
				rs.getString("category"), rs.getObject("reused_from", UUID.class),
				rs.getObject("origin_id", UUID.class), rs.getString("origin_name"),
				rs.getObject("origin_org", UUID.class), instant(rs, "origin_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
