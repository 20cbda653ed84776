package care.seamless.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.consent.SqlCondition;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DocumentRepository {

	// Never the content: a list reads only what it shows.
	private static final String SQL_COLUMNS = """
			select d.id, d.person_id, d.title, d.kind, d.category, d.source_organisation_id, d.media_type,
			       d.size_bytes, d.uploaded_by, d.uploaded_by_name, d.uploaded_at, d.version
			from person.document d
			""";

	private static final String SQL_INSERT = """
			insert into person.document (id, person_id, title, kind, category, source_organisation_id, media_type,
			       size_bytes, content, uploaded_by, uploaded_by_name, uploaded_at)
			values (:id, :person, :title, :kind, :category, :source, :mediaType, :size, :content, :uploadedBy,
			       :uploadedByName, :at)
			""";

	private static final String SQL_CONTENT = """
			select d.content from person.document d where d.id = :id and d.removed_at is null
			""";

	private static final String SQL_REMOVE = """
			update person.document set removed_by = :by, removed_at = :at, removal_reason = :reason,
			       version = version + 1
			where id = :id and version = :version and removed_at is null
			""";

	private final JdbcClient jdbc;

	DocumentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Document document, String uploadedBy, byte[] content) {
		jdbc.sql(SQL_INSERT)
			.param("id", document.id())
			.param("person", document.personId().id())
			.param("title", document.title())
			.param("kind", document.kind().name())
			.param("category", document.category().name())
			.param("source", document.sourceOrganisationId().id())
			.param("mediaType", document.mediaType())
			.param("size", document.sizeBytes())
			.param("content", content)
			.param("uploadedBy", uploadedBy)
			.param("uploadedByName", document.uploadedByName())
			.param("at", Timestamp.from(document.uploadedAt()))
			.update();
	}

	/**
	 * Current documents of the person that {@code visible} (over alias {@code d}) admits.
	 */
	List<Stored> current(PersonId person, SqlCondition visible) {
		return jdbc
			.sql(SQL_COLUMNS + " where d.person_id = :person and d.removed_at is null and " + visible.sql()
					+ " order by d.uploaded_at desc, d.id")
			.params(visible.params())
			.param("person", person.id())
			.query((rs, n) -> new Stored(map(rs, n), rs.getString("uploaded_by")))
			.list();
	}

	/**
	 * Why current documents are withheld, once per reason and organisation; never how
	 * many.
	 */
	List<AlertRepository.Withheld> withheld(PersonId person, SqlCondition reason) {
		return jdbc.sql("select distinct r.reason, r.source from (select " + reason.sql()
				+ " as reason, d.source_organisation_id as source from person.document d"
				+ " where d.person_id = :person and d.removed_at is null) r where r.reason is not null order by r.reason")
			.params(reason.params())
			.param("person", person.id())
			.query((rs, n) -> new AlertRepository.Withheld(rs.getString("reason"),
					new OrganisationId(rs.getObject("source", UUID.class))))
			.list();
	}

	/**
	 * The document's governing facts, before access is decided; the caller decides and
	 * audits before anything of it is shown.
	 */
	Optional<Stored> find(PersonId person, UUID id) {
		return jdbc.sql(SQL_COLUMNS + " where d.person_id = :person and d.id = :id and d.removed_at is null")
			.param("person", person.id())
			.param("id", id)
			.query((rs, n) -> new Stored(map(rs, n), rs.getString("uploaded_by")))
			.optional();
	}

	record Stored(Document document, String uploadedBy) {
	}

	byte[] content(UUID id) {
		return jdbc.sql(SQL_CONTENT).param("id", id).query(byte[].class).single();
	}

	int remove(UUID id, long version, String by, String reason, Instant at) {
		return jdbc.sql(SQL_REMOVE)
			.param("id", id)
			.param("version", version)
			.param("by", by)
			.param("reason", reason)
			.param("at", Timestamp.from(at))
			.update();
	}

	private static Document map(ResultSet rs, int n) throws SQLException {
		return new Document(rs.getObject("id", UUID.class), new PersonId(rs.getObject("person_id", UUID.class)),
				rs.getString("title"), DocumentKind.valueOf(rs.getString("kind")),
				DataCategory.valueOf(rs.getString("category")),
				new OrganisationId(rs.getObject("source_organisation_id", UUID.class)), rs.getString("media_type"),
				rs.getInt("size_bytes"), rs.getString("uploaded_by_name"), rs.getTimestamp("uploaded_at").toInstant(),
				rs.getLong("version"));
	}

}
