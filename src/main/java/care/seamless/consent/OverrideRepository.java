package care.seamless.consent;

import care.seamless.team.Directory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OverrideRepository {

	private static final String SQL_SELECT = """
			select o.id, o.person_id, o.account, %s as organisation_name, o.reason_code, o.reason_text,
			       o.started_at, o.expires_at, o.review_status, o.reviewed_by, o.reviewed_at, o.review_note,
			       o.escalated_at, o.version
			from consent.override o
			""".formatted(Directory.organisationNameSql("o.organisation_id"));

	private final JdbcClient jdbc;

	OverrideRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, PersonId person, String account, PractitionerId practitioner, OrganisationId organisation,
			OverrideReason reason, String text, Instant start, Instant end) {
		jdbc.sql("""
				insert into consent.override (id, person_id, account, practitioner_id, organisation_id, reason_code,
				       reason_text, started_at, expires_at)
				values (:id, :personId, :account, :practitionerId, :organisationId, :reason, :text, :start, :end)
				""")
			.param("id", id)
			.param("personId", person.id())
			.param("account", account)
			.param("practitionerId", practitioner == null ? null : practitioner.id())
			.param("organisationId", organisation == null ? null : organisation.id())
			.param("reason", reason.name())
			.param("text", text)
			.param("start", ChoiceRepository.utc(start))
			.param("end", ChoiceRepository.utc(end))
			.update();
	}

	Optional<Override> find(UUID id) {
		return jdbc.sql(SQL_SELECT + " where o.id = :id").param("id", id).query(OverrideRepository::map).optional();
	}

	Optional<Override> active(PersonId person, String account) {
		return jdbc.sql(SQL_SELECT
				+ " where o.person_id = :personId and o.account = :account and o.expires_at > now() order by o.expires_at desc limit 1")
			.param("personId", person.id())
			.param("account", account)
			.query(OverrideRepository::map)
			.optional();
	}

	/** Pending reviews for one organisation's guardian, plus every escalated one. */
	List<Override> awaitingReview(OrganisationId organisation) {
		return jdbc
			.sql(SQL_SELECT
					+ """
							 where o.review_status = 'PENDING' and (o.organisation_id = :organisationId or o.escalated_at is not null)
							order by o.escalated_at nulls last, o.started_at
							""")
			.param("organisationId", organisation == null ? null : organisation.id())
			.query(OverrideRepository::map)
			.list();
	}

	List<Override> reviewed(int limit) {
		return jdbc.sql(SQL_SELECT + " where o.review_status <> 'PENDING' order by o.reviewed_at desc limit :limit")
			.param("limit", limit)
			.query(OverrideRepository::map)
			.list();
	}

	int review(UUID id, long version, Override.ReviewStatus outcome, String by, String note, Instant at) {
		return jdbc.sql("""
				update consent.override set review_status = :outcome, reviewed_by = :by, review_note = :note,
				       reviewed_at = :at, version = version + 1
				where id = :id and version = :version and review_status = 'PENDING'
				""")
			.param("outcome", outcome.name())
			.param("by", by)
			.param("note", note)
			.param("at", ChoiceRepository.utc(at))
			.param("id", id)
			.param("version", version)
			.update();
	}

	int escalateOlderThan(Instant cutoff, Instant now) {
		return jdbc.sql("""
				update consent.override set escalated_at = :now, version = version + 1
				where review_status = 'PENDING' and escalated_at is null and started_at < :cutoff
				""").param("now", ChoiceRepository.utc(now)).param("cutoff", ChoiceRepository.utc(cutoff)).update();
	}

	private static Override map(ResultSet rs, int n) throws SQLException {
		return new Override(rs.getObject("id", UUID.class), new PersonId(rs.getObject("person_id", UUID.class)),
				rs.getString("account"), rs.getString("organisation_name"),
				OverrideReason.valueOf(rs.getString("reason_code")), rs.getString("reason_text"),
				ChoiceRepository.instant(rs, "started_at"), ChoiceRepository.instant(rs, "expires_at"),
				Override.ReviewStatus.valueOf(rs.getString("review_status")), rs.getString("reviewed_by"),
				ChoiceRepository.instant(rs, "reviewed_at"), rs.getString("review_note"),
				ChoiceRepository.instant(rs, "escalated_at"), rs.getLong("version"));
	}

}
