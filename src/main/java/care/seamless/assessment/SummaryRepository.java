package care.seamless.assessment;

import care.seamless.consent.SqlCondition;
import care.seamless.shared.KeptStatements;
import care.seamless.shared.PersonId;
import care.seamless.team.Directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An assessment summary's reading in one statement (ADR 88): the episode with the record
 * decision, and, only where that decision opens the record of the person asked about, the
 * sections with their withheld flags, the answers and the disagreements the reader may
 * see (each its own repository's query, unchanged, as a JSON array), the names of the
 * organisations those name, and the reader's profession. Before, these were five
 * statements, and the access policy's condition over the episode's answers was decided
 * once in each of three of them; here once.
 */
@Repository
class SummaryRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final KeptStatements kept = new KeptStatements();

	SummaryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What one reader may see: the answers and their origins ({@code sight}), the
	 * disagreements ({@code disagreements}, over alias {@code d}) and the record decision
	 * ({@code decision} over {@code e.person_id}, from
	 * {@code AccessPolicy.recordDecision}).
	 */
	record Conditions(AnswerRepository.Sight sight, SqlCondition disagreements, SqlCondition decision) {

		/** What the statement is built from: every condition's text. */
		List<String> texts() {
			return List.of("summary", sight.answer().sql(), sight.origin().sql(), disagreements.sql(), decision.sql());
		}

	}

	/**
	 * The episode and the record decision about its person (null: may not be opened); the
	 * rest is empty unless the decision is not null and the episode is {@code person}'s.
	 * {@code readerProfession} is null for a reader who is not a practitioner, or whom
	 * the directory no longer has.
	 */
	record Read(AssessmentRepository.EpisodeRow episode, @Nullable String decision,
			List<AssessmentRepository.SectionSight> sections, List<AnswerRepository.AnswerRow> answers,
			List<AnswerRepository.DisagreementRow> disagreements, Map<UUID, String> organisations,
			@Nullable String readerProfession) {
	}

	Optional<Read> read(UUID episode, PersonId person, @Nullable UUID reader, Conditions c) {
		return read(episode, person, reader, c, kept);
	}

	/** {@link #read} with {@code statements} kept (or not: tests compare). */
	Optional<Read> read(UUID episode, PersonId person, @Nullable UUID reader, Conditions c, KeptStatements statements) {
		Map<String, Object> params = new HashMap<>(c.sight().params());
		params.putAll(c.disagreements().params());
		params.putAll(c.decision().params());
		params.put("episode", episode);
		params.put("person", person.id());
		params.put("reader", reader);
		KeptStatements.Bound bound = statements.bind(c.texts(), params, () -> sql(c));
		return bound.params(jdbc.sql(bound.sql())).query(SummaryRepository::read).optional();
	}

	/**
	 * Each part is a materialized {@code with} clause, scanned only when the record
	 * decision opens the record ({@code case} evaluates a branch's subqueries only when
	 * the branch is taken), so for a refused reader, as before, nothing but the episode
	 * and its counts is read.
	 */
	private static String sql(Conditions c) {
		String open = "(pdp_d.record_decision is not null and e.person_id = :person)";
		return AnswerRepository.decidedOnce("episode", c.sight().answer()) + """
				, pdp_sections as materialized (%s)
				, pdp_answers as materialized (%s)
				, pdp_disagreements as materialized (%s)
				select %s, pdp_d.record_decision,
				 case when %s then (select coalesce(json_agg(r), '[]') from pdp_sections r) end as sections,
				 case when %s then (select coalesce(json_agg(r), '[]') from pdp_answers r) end as answers,
				 case when %s then (select coalesce(json_agg(r), '[]') from pdp_disagreements r) end as disagreements,
				 case when %s then (select coalesce(json_object_agg(pdp_o.id, %s), '{}') from (
				  select e.opened_by_org as id union select author_org from pdp_sections
				  union select organisation_id from pdp_answers union select origin_org from pdp_answers
				  union select organisation_id from pdp_disagreements) pdp_o where pdp_o.id is not null) end
				  as organisations,
				 %s as reader_profession
				from assessment.episode e cross join lateral (select %s as record_decision) pdp_d
				where e.id = :episode
				""".formatted(AssessmentRepository.SQL_SECTIONS_SEEN.formatted(AnswerRepository.DECIDED_ONCE),
				AnswerRepository.episodeAnswersSql(c.sight(), AnswerRepository.DECIDED_ONCE),
				AnswerRepository.disagreementsSql(c.disagreements().sql()),
				AssessmentRepository.EPISODE_COLUMNS.formatted(AnswerRepository.DECIDED_ONCE), open, open, open, open,
				Directory.organisationNameSql("pdp_o.id"), Directory.professionSql("cast(:reader as uuid)"),
				c.decision().sql());
	}

	private static Read read(ResultSet rs, int n) throws SQLException {
		return new Read(AssessmentRepository.episode(rs, n), rs.getString("record_decision"),
				rows(rs.getString("sections"),
						(row) -> new AssessmentRepository.SectionSight(AssessmentRepository.sectionOf(row),
								row.bool("withheld"))),
				rows(rs.getString("answers"), AnswerRepository::answerOf),
				rows(rs.getString("disagreements"), AnswerRepository::disagreementOf),
				organisations(rs.getString("organisations")), rs.getString("reader_profession"));
	}

	private interface RowMapper<T> {

		T map(Columns row) throws SQLException;

	}

	private static <T> List<T> rows(@Nullable String json, RowMapper<T> mapper) throws SQLException {
		if (json == null) {
			return List.of();
		}
		JsonNode rows = JSON.readTree(json);
		List<T> mapped = new ArrayList<>(rows.size());
		for (JsonNode row : rows.values()) {
			mapped.add(mapper.map(Columns.of(row)));
		}
		return mapped;
	}

	private static Map<UUID, String> organisations(@Nullable String json) {
		Map<UUID, String> names = new HashMap<>();
		if (json != null) {
			JSON.readTree(json)
				.properties()
				.forEach((e) -> names.put(UUID.fromString(e.getKey()), e.getValue().stringValue()));
		}
		return names;
	}

}
