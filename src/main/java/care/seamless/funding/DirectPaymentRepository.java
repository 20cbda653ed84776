package care.seamless.funding;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.consent.SqlCondition;
import care.seamless.person.People;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DirectPaymentRepository {

	private static final String SQL_INSERT = """
			insert into funding.direct_payment (id, budget_id, person_id, organisation_id, manager_kind, manager_name,
			       requested_by, requested_at)
			values (:id, :budgetId, :personId, :organisationId, :kind, :name, :by, :at)
			on conflict (budget_id) do nothing
			""";

	private static final String SQL_KEYS = """
			select id, person_id, organisation_id, version from funding.direct_payment where person_id = :personId
			""";

	private static final String SQL_READ = """
			select d.id, d.manager_kind, d.manager_name, d.agreement_signed_on, d.payment_every_weeks,
			       d.first_payment_on, d.version
			from funding.direct_payment d
			where d.id = :id and %s
			""";

	private static final String SQL_AGREE = """
			update funding.direct_payment set agreement_signed_on = :signedOn, payment_every_weeks = :every,
			       first_payment_on = :first, version = version + 1
			where id = :id and version = :version and agreement_signed_on is null
			""";

	private static final String SQL_BUMP = """
			update funding.direct_payment set version = version + 1 where id = :id and version = :version
			""";

	private static final String SQL_ENTRIES = """
			select e.seq, e.kind, e.entry_on, e.amount, e.note from funding.direct_payment_entry e
			where e.direct_payment_id = :id order by e.seq
			""";

	private static final String SQL_ENTRY_INSERT = """
			insert into funding.direct_payment_entry (id, direct_payment_id, person_id, seq, kind, entry_on, amount,
			       note, recorded_by, recorded_at)
			values (:id, :dp, :personId,
			        (select coalesce(max(seq), 0) + 1 from funding.direct_payment_entry where direct_payment_id = :dp),
			        :kind, :on, :amount, :note, :by, :at)
			""";

	private static final String SQL_CARER_INSERT = """
			insert into funding.direct_payment_carer (id, direct_payment_id, person_id, name, close_relative,
			       same_household, exception_reason, exception_authorised_by, recorded_by, recorded_at)
			values (:id, :dp, :personId, :name, :close, :same, :reason, :authorisedBy, :by, :at)
			""";

	private static final String SQL_CARERS = """
			select name, close_relative, same_household, exception_reason, exception_authorised_by
			from funding.direct_payment_carer where direct_payment_id = :id order by recorded_at, id
			""";

	private static final String SQL_REVIEW_INSERT = """
			insert into funding.direct_payment_review (id, direct_payment_id, person_id, reviewed_on, notes,
			       recorded_by, recorded_at)
			values (:id, :dp, :personId, :on, :notes, :by, :at)
			""";

	private static final String SQL_REVIEWS = """
			select reviewed_on from funding.direct_payment_review where direct_payment_id = :id
			order by reviewed_on desc
			""";

	// Reviews due on or before a day, for the worklist: first within six months of the
	// agreement, then a year after the last review (reg 7).
	private static final String SQL_REVIEWS_DUE = """
			select d.id, d.person_id, %s as person_name,
			       coalesce((select max(r.reviewed_on) from funding.direct_payment_review r
			                 where r.direct_payment_id = d.id) + interval '1 year',
			                d.agreement_signed_on + interval '6 months')::date as due
			from funding.direct_payment d
			join funding.personal_budget b on b.id = d.budget_id
			where d.agreement_signed_on is not null and b.team_id in (:teams) and %s
			  and coalesce((select max(r.reviewed_on) from funding.direct_payment_review r
			                where r.direct_payment_id = d.id) + interval '1 year',
			               d.agreement_signed_on + interval '6 months')::date <= :by
			order by due
			""";

	private final JdbcClient jdbc;

	DirectPaymentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Keys(UUID id, PersonId personId, OrganisationId organisationId, long version) {
	}

	record Row(UUID id, ManagerKind managerKind, @Nullable String managerName, @Nullable LocalDate signedOn,
			@Nullable Integer everyWeeks, @Nullable LocalDate firstPaymentOn, long version) {
	}

	boolean insert(UUID id, UUID budget, PersonId person, OrganisationId organisation, ManagerKind kind,
			@Nullable String name, String by, Instant at) {
		return jdbc.sql(SQL_INSERT)
			.param("id", id)
			.param("budgetId", budget)
			.param("personId", person.id())
			.param("organisationId", organisation.id())
			.param("kind", kind.name())
			.param("name", name)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	Optional<Keys> keysFor(PersonId person) {
		return jdbc.sql(SQL_KEYS)
			.param("personId", person.id())
			.query((rs, n) -> new Keys(rs.getObject(1, UUID.class), new PersonId(rs.getObject(2, UUID.class)),
					new OrganisationId(rs.getObject(3, UUID.class)), rs.getLong(4)))
			.optional();
	}

	Optional<Row> read(UUID id, SqlCondition visible) {
		return jdbc.sql(SQL_READ.formatted(visible.sql()))
			.params(visible.params())
			.param("id", id)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), ManagerKind.valueOf(rs.getString(2)),
					rs.getString(3), rs.getObject(4, LocalDate.class), (Integer) rs.getObject(5),
					rs.getObject(6, LocalDate.class), rs.getLong(7)))
			.optional();
	}

	boolean agree(UUID id, long version, LocalDate signedOn, int everyWeeks, LocalDate first) {
		return jdbc.sql(SQL_AGREE)
			.param("id", id)
			.param("version", version)
			.param("signedOn", Date.valueOf(signedOn))
			.param("every", everyWeeks)
			.param("first", Date.valueOf(first))
			.update() == 1;
	}

	boolean bump(UUID id, long version) {
		return jdbc.sql(SQL_BUMP).param("id", id).param("version", version).update() == 1;
	}

	List<DirectPaymentLedger.Entry> entries(UUID id) {
		return jdbc.sql(SQL_ENTRIES)
			.param("id", id)
			.query((rs, n) -> new DirectPaymentLedger.Entry(rs.getInt(1), LedgerKind.valueOf(rs.getString(2)),
					rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), rs.getString(5)))
			.list();
	}

	void insertEntry(Keys keys, LedgerKind kind, LocalDate on, BigDecimal amount, @Nullable String note, String by,
			Instant at) {
		jdbc.sql(SQL_ENTRY_INSERT)
			.param("id", UUID.randomUUID())
			.param("dp", keys.id())
			.param("personId", keys.personId().id())
			.param("kind", kind.name())
			.param("on", Date.valueOf(on))
			.param("amount", amount)
			.param("note", note)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	void insertCarer(Keys keys, String name, boolean close, boolean same, @Nullable String reason,
			@Nullable String authorisedBy, String by, Instant at) {
		jdbc.sql(SQL_CARER_INSERT)
			.param("id", UUID.randomUUID())
			.param("dp", keys.id())
			.param("personId", keys.personId().id())
			.param("name", name)
			.param("close", close)
			.param("same", same)
			.param("reason", reason)
			.param("authorisedBy", authorisedBy)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	List<DirectPaymentView.Carer> carers(UUID id) {
		return jdbc.sql(SQL_CARERS)
			.param("id", id)
			.query((rs, n) -> new DirectPaymentView.Carer(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3),
					rs.getString(4), rs.getString(5)))
			.list();
	}

	void insertReview(Keys keys, LocalDate on, @Nullable String notes, String by, Instant at) {
		jdbc.sql(SQL_REVIEW_INSERT)
			.param("id", UUID.randomUUID())
			.param("dp", keys.id())
			.param("personId", keys.personId().id())
			.param("on", Date.valueOf(on))
			.param("notes", notes)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	List<LocalDate> reviews(UUID id) {
		return jdbc.sql(SQL_REVIEWS).param("id", id).query((rs, n) -> rs.getObject(1, LocalDate.class)).list();
	}

	List<ReviewDue> reviewsDue(LocalDate by, java.util.Collection<UUID> teams, SqlCondition visible) {
		if (teams.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SQL_REVIEWS_DUE.formatted(People.displayNameSql("d.person_id"), visible.sql()))
			.params(visible.params())
			.param("teams", teams)
			.param("by", Date.valueOf(by))
			.query((rs, n) -> new ReviewDue(rs.getObject(1, UUID.class), new PersonId(rs.getObject(2, UUID.class)),
					rs.getString(3), rs.getObject(4, LocalDate.class)))
			.list();
	}

}
