package care.seamless.terminology;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.HashSet;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ConceptRepository {

	private static final String SQL_REVISION = """
			select revision from terminology.vocabulary_revision
			""";

	private static final String SQL_NEXT_REVISION = """
			update terminology.vocabulary_revision set revision = revision + 1 returning revision
			""";

	private static final String SQL_UPSERT = """
			insert into terminology.concept (code, system, kind, sap_domain, care_act_outcome, health_term,
			       social_care_term, plain_english, synonyms, snomed, icf, revision, imported_by, imported_at, source_file)
			values (:code, :system, :kind, :sapDomain, :careActOutcome, :healthTerm, :socialCareTerm, :plainEnglish,
			       :synonyms, :snomed, :icf, :revision, :importedBy, :importedAt, :sourceFile)
			on conflict (code) do update set system = excluded.system, kind = excluded.kind,
			       sap_domain = excluded.sap_domain, care_act_outcome = excluded.care_act_outcome,
			       health_term = excluded.health_term, social_care_term = excluded.social_care_term,
			       plain_english = excluded.plain_english, synonyms = excluded.synonyms, snomed = excluded.snomed,
			       icf = excluded.icf, revision = excluded.revision, imported_by = excluded.imported_by,
			       imported_at = excluded.imported_at, source_file = excluded.source_file,
			       version = terminology.concept.version + 1
			""";

	private static final String SQL_CHANGED_SINCE = """
			select code, system, kind, sap_domain, care_act_outcome, health_term, social_care_term, plain_english,
			       synonyms, snomed, icf
			from terminology.concept where revision > :since order by code
			""";

	private static final String SQL_STORED_CODES = """
			select code from terminology.concept where code = any(:codes)
			""";

	private static final String SQL_PROVENANCE = """
			select imported_by, imported_at, source_file from terminology.concept where code = :code
			""";

	private final JdbcClient jdbc;

	ConceptRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long revision() {
		return this.jdbc.sql(SQL_REVISION).query(Long.class).single();
	}

	/**
	 * Takes the next revision, holding the row lock until the caller's transaction ends
	 * so imports from any node are applied one at a time and in revision order.
	 */
	long nextRevision() {
		return this.jdbc.sql(SQL_NEXT_REVISION).query(Long.class).single();
	}

	Set<String> storedCodes(Collection<String> codes) {
		return new HashSet<>(this.jdbc.sql(SQL_STORED_CODES)
			.param("codes", codes.toArray(String[]::new))
			.query(String.class)
			.list());
	}

	void save(Collection<Concept> concepts, long revision, String importedBy, Instant importedAt, String sourceFile) {
		for (Concept concept : concepts) {
			this.jdbc.sql(SQL_UPSERT)
				.param("code", concept.code())
				.param("system", concept.system().code())
				.param("kind", concept.kind().code())
				.param("sapDomain", concept.sapDomain().code())
				.param("careActOutcome", (concept.careActOutcome() != null) ? concept.careActOutcome().code() : null)
				.param("healthTerm", concept.healthTerm())
				.param("socialCareTerm", concept.socialCareTerm())
				.param("plainEnglish", concept.plainEnglish())
				.param("synonyms", concept.synonyms().toArray(String[]::new))
				.param("snomed", concept.snomed())
				.param("icf", concept.icf())
				.param("revision", revision)
				.param("importedBy", importedBy)
				.param("importedAt", Timestamp.from(importedAt))
				.param("sourceFile", sourceFile)
				.update();
		}
	}

	/**
	 * Concepts imported after the given revision; {@code 0} gives every stored concept.
	 */
	List<Concept> changedSince(long revision) {
		return this.jdbc.sql(SQL_CHANGED_SINCE).param("since", revision).query(ConceptRepository::concept).list();
	}

	Optional<ImportedConcept> provenance(String code) {
		return this.jdbc.sql(SQL_PROVENANCE)
			.param("code", code)
			.query((rs, n) -> new ImportedConcept(rs.getString("imported_by"),
					rs.getTimestamp("imported_at").toInstant(), rs.getString("source_file")))
			.optional();
	}

	private static Concept concept(ResultSet rs, int n) throws SQLException {
		String code = rs.getString("code");
		String outcome = rs.getString("care_act_outcome");
		return new Concept(code, known(code, rs.getString("system"), CodeSystem::fromCode),
				known(code, rs.getString("kind"), ConceptKind::fromCode),
				known(code, rs.getString("sap_domain"), SapDomain::fromCode),
				(outcome != null) ? known(code, outcome, CareActOutcome::fromCode) : null, rs.getString("health_term"),
				rs.getString("social_care_term"), rs.getString("plain_english"), strings(rs.getArray("synonyms")),
				rs.getString("snomed"), rs.getString("icf"));
	}

	// Rows were checked on import; a value this code no longer knows means a release
	// dropped a value without migrating the rows, which must stop start-up, not be
	// guessed at.
	private static <T> T known(String code, String value, Function<String, Optional<T>> lookup) {
		return lookup.apply(value)
			.orElseThrow(() -> new IllegalStateException(
					"Stored concept " + code + " has the value '" + value + "', which this release does not know"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return List.of((String[]) array.getArray());
	}

}
