package care.seamless.consent;

import care.seamless.team.Directory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OverrideRepository {

	private static final String SQL_SELECT = """
			select o.id, o.person_id, o.account, o.practitioner_id, o.organisation_id, %s as organisation_name, o.reason_code, o.reason_text,
			       o.started_at, o.expires_at, o.review_status, o.reviewed_by, o.reviewed_at, o.review_note,
			       o.escalated_at, o.version, o.without_training
			from consent.override o
			"""
		.formatted(Directory.organisationNameSql("o.organisation_id"));

	private final JdbcClient jdbc;

	OverrideRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, PersonId person, String account, PractitionerId practitioner, OrganisationId organisation,
			OverrideReason reason, String text, Instant start, Instant end, boolean withoutTraining) {
		jdbc.sql("""
				insert into consent.override (id, person_id, account, practitioner_id, organisation_id, reason_code,
				       reason_text, started_at, expires_at, without_training)
				values (:id, :personId, :account, :practitionerId, :organisationId, :reason, :text, :start, :end,
				        :withoutTraining)
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
			.param("withoutTraining", withoutTraining)
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

	/**
	 * Pending reviews for one organisation's guardian, plus every escalated one; for the
	 * partnership's fallback guardian, also those of every organisation without a
	 * guardian ({@code unguarded}, empty otherwise).
	 */
	List<Override> awaitingReview(@Nullable OrganisationId organisation, boolean fallback,
			Collection<OrganisationId> guarded) {
		return jdbc.sql(SQL_SELECT + """
				 where o.review_status = 'PENDING'
				   and (o.organisation_id = :organisationId or o.escalated_at is not null
				        or (:fallback and (o.organisation_id is null or not (o.organisation_id = any(:guarded)))))
				order by o.escalated_at nulls last, o.started_at
				""")
			.param("organisationId", organisation == null ? null : organisation.id())
			.param("fallback", fallback)
			.param("guarded", guarded.stream().map(OrganisationId::id).toArray(UUID[]::new))
			.query(OverrideRepository::map)
			.list();
	}

	/** Active reasons of the account's unexpired overrides for this person. */
	List<OverrideReason> activeReasons(PersonId person, String account) {
		return jdbc.sql("""
				select reason_code from consent.override
				where person_id = :personId and account = :account and expires_at > now()
				""")
			.param("personId", person.id())
			.param("account", account)
			.query((rs, n) -> OverrideReason.valueOf(rs.getString("reason_code")))
			.list();
	}

	Optional<String> fallbackGuardian() {
		return jdbc.sql("select account from consent.fallback_guardian").query(String.class).optional();
	}

	void nameFallbackGuardian(String account, String by, Instant at) {
		jdbc.sql("""
				insert into consent.fallback_guardian (partnership, account, named_by, named_at)
				values (true, :account, :by, :at)
				on conflict (partnership) do update set account = excluded.account, named_by = excluded.named_by,
				       named_at = excluded.named_at, version = consent.fallback_guardian.version + 1
				""").param("account", account).param("by", by).param("at", ChoiceRepository.utc(at)).update();
	}

	List<Override> reviewed(int limit) {
		return jdbc.sql(SQL_SELECT + " where o.review_status <> 'PENDING' order by o.reviewed_at desc limit :limit")
			.param("limit", limit)
			.query(OverrideRepository::map)
			.list();
	}

	/**
	 * Records the review; a "not appropriate" one also ends the access at once (the rule
	 * compares with the database clock, so the end is the database's now).
	 */
	int review(UUID id, long version, Override.ReviewStatus outcome, String by, String note, Instant at) {
		return jdbc
			.sql("""
					update consent.override set review_status = :outcome, reviewed_by = :by, review_note = :note,
					       reviewed_at = :at, version = version + 1,
					       expires_at = case when :outcome = 'INAPPROPRIATE' then least(expires_at, now()) else expires_at end
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
		UUID practitioner = rs.getObject("practitioner_id", UUID.class);
		UUID organisation = rs.getObject("organisation_id", UUID.class);
		return new Override(rs.getObject("id", UUID.class), new PersonId(rs.getObject("person_id", UUID.class)),
				rs.getString("account"), practitioner == null ? null : new PractitionerId(practitioner),
				organisation == null ? null : new OrganisationId(organisation), rs.getString("organisation_name"),
				OverrideReason.valueOf(rs.getString("reason_code")), rs.getString("reason_text"),
				ChoiceRepository.instant(rs, "started_at"), ChoiceRepository.instant(rs, "expires_at"),
				Override.ReviewStatus.valueOf(rs.getString("review_status")), rs.getString("reviewed_by"),
				ChoiceRepository.instant(rs, "reviewed_at"), rs.getString("review_note"),
				ChoiceRepository.instant(rs, "escalated_at"), rs.getLong("version"), rs.getBoolean("without_training"));
	}

}
