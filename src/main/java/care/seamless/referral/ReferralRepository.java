package care.seamless.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.seamless.consent.SqlCondition;
import care.seamless.person.People;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReferralRepository {

	private static final String COLUMNS = """
			r.id, r.person_id, r.from_team_id, r.from_organisation_id, r.referrer_practitioner_id, r.to_team_id,
			r.to_organisation_id, r.first_team_id, r.reason_code, r.reason_text, r.urgency, r.person_informed,
			r.person_view, r.sharing_basis, r.status, r.owner_practitioner_id, r.decline_reason, r.signposting,
			r.outcome, r.created_at, r.sent_at, r.acknowledged_at, r.decided_at, r.closed_at, r.acknowledge_due,
			r.accept_due, r.version""";

	private static final String SQL_INSERT = """
			insert into referral.referral (id, person_id, from_team_id, from_organisation_id, referrer_practitioner_id,
			  to_team_id, to_organisation_id, first_team_id, reason_code, reason_text, urgency, person_informed,
			  person_view, sharing_basis, status, created_at)
			values (:id, :personId, :fromTeam, :fromOrganisation, :referrer, :toTeam, :toOrganisation, :toTeam,
			  :reasonCode, :reasonText, :urgency, :personInformed, :personView, :basis, 'DRAFT', :createdAt)
			""";

	private static final String SQL_INSERT_CATEGORY = """
			insert into referral.sent_category (referral_id, person_id, category) values (:id, :personId, :category)
			""";

	private static final String SQL_FIND = "select " + COLUMNS + " from referral.referral r where r.id = :id";

	private static final String SQL_UPDATE = """
			update referral.referral set to_team_id = :toTeam, to_organisation_id = :toOrganisation, status = :status,
			  owner_practitioner_id = :owner, decline_reason = :declineReason, signposting = :signposting,
			  outcome = :outcome, sent_at = :sentAt, acknowledged_at = :acknowledgedAt, decided_at = :decidedAt,
			  closed_at = :closedAt, acknowledge_due = :acknowledgeDue, accept_due = :acceptDue,
			  version = version + 1
			where id = :id and version = :version
			""";

	private static final String SQL_INSERT_STEP = """
			insert into referral.step (id, referral_id, person_id, step, status, holder_team, by_account, note, at)
			values (:id, :referralId, :personId, :step, :status, :holder, :by, :note, :at)
			""";

	private static final String SQL_STEPS = """
			select step, status, holder_team, by_account, note, at from referral.step
			where referral_id = :id order by at, step
			""";

	private static final String SQL_INSERT_ITEM = """
			insert into referral.sent_item (referral_id, person_id, item_kind, item_id, category, label)
			values (:id, :personId, :kind, :itemId, :category, :label)
			""";

	private static final String SQL_ITEMS = """
			select item_kind, item_id, category, label from referral.sent_item
			where referral_id = :id order by item_kind, label, item_id
			""";

	private static final String SQL_CATEGORIES = """
			select category from referral.sent_category where referral_id = :id order by category
			""";

	private static final String SQL_OPEN_TO_SAME_TEAM = """
			select r.id from referral.referral r
			where r.person_id = :personId and r.to_team_id = :toTeam and r.id <> :id
			  and r.status in ('SENT', 'ACKNOWLEDGED', 'ACCEPTED')
			order by r.sent_at limit 1
			""";

	private static final String SQL_TARGET = """
			select acknowledge_within, acknowledge_unit, accept_within, accept_unit from referral.response_target
			where (team_id = :team or team_id is null) and urgency = :urgency
			order by team_id nulls last limit 1
			""";

	private static final String SQL_BREACHES = "select kind from referral.breach where referral_id = :id";

	/**
	 * Referrals past a target with no breach recorded for it yet: acknowledgement for
	 * those still only sent, acceptance for those still pending.
	 */
	private static final String SQL_NEWLY_BREACHED = """
			select r.id, r.person_id, r.to_team_id, 'ACKNOWLEDGE' as kind, r.acknowledge_due as due_at
			from referral.referral r
			where r.status = 'SENT' and r.acknowledge_due <= :now
			  and not exists (select 1 from referral.breach b where b.referral_id = r.id and b.kind = 'ACKNOWLEDGE')
			union all
			select r.id, r.person_id, r.to_team_id, 'ACCEPT', r.accept_due
			from referral.referral r
			where r.status in ('SENT', 'ACKNOWLEDGED') and r.accept_due <= :now
			  and not exists (select 1 from referral.breach b where b.referral_id = r.id and b.kind = 'ACCEPT')
			order by due_at, id, kind
			limit :limit
			""";

	private static final String SQL_INSERT_BREACH = """
			insert into referral.breach (referral_id, kind, person_id, team_id, due_at, noticed_at)
			values (:id, :kind, :personId, :team, :dueAt, :now)
			on conflict do nothing
			""";

	/**
	 * A list row: the next due time is the acknowledgement target while only sent, the
	 * acceptance target while pending, none once decided; breached when a breach of
	 * either target is recorded and the referral is still pending.
	 */
	private static final String SUMMARY = """
			select r.id, r.person_id, r.from_team_id, r.to_team_id, r.urgency, r.status, r.reason_code, r.sent_at,
			  case r.status when 'SENT' then least(r.acknowledge_due, r.accept_due)
			    when 'ACKNOWLEDGED' then r.accept_due end as due_at,
			  r.status in ('SENT', 'ACKNOWLEDGED') and exists (select 1 from referral.breach b where b.referral_id = r.id) as breached,
			  r.version,
			  case when %s then %s end as person_name
			from referral.referral r
			""";

	private static final String SQL_PERSON_NAME = "select " + People.displayNameSql("cast(:personId as uuid)");

	private final JdbcClient jdbc;

	ReferralRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static OffsetDateTime utc(@Nullable Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	void insert(Referral r, java.util.Set<DataCategory> categories) {
		jdbc.sql(SQL_INSERT)
			.param("id", r.uuid())
			.param("personId", r.personId().id())
			.param("fromTeam", r.fromTeam().id())
			.param("fromOrganisation", r.fromOrganisation().id())
			.param("referrer", r.referrer().id())
			.param("toTeam", r.holder().id())
			.param("toOrganisation", r.holderOrganisation().id())
			.param("reasonCode", r.reasonCode())
			.param("reasonText", r.reasonText())
			.param("urgency", r.urgency().name())
			.param("personInformed", r.personInformed())
			.param("personView", r.personView())
			.param("basis", r.basis().name())
			.param("createdAt", utc(r.createdAt()))
			.update();
		for (DataCategory category : categories) {
			jdbc.sql(SQL_INSERT_CATEGORY)
				.param("id", r.uuid())
				.param("personId", r.personId().id())
				.param("category", category.name())
				.update();
		}
	}

	Optional<Referral> find(ReferralId id) {
		return jdbc.sql(SQL_FIND).param("id", id.id()).query((rs, n) -> referral(rs)).optional();
	}

	/** Writes the referral over the version it was read at; false when that is stale. */
	boolean update(Referral r) {
		return jdbc.sql(SQL_UPDATE)
			.param("id", r.uuid())
			.param("version", r.version())
			.param("toTeam", r.holder().id())
			.param("toOrganisation", r.holderOrganisation().id())
			.param("status", r.status().name())
			.param("owner", r.owner() == null ? null : r.owner().id())
			.param("declineReason", r.declineReason() == null ? null : r.declineReason().name())
			.param("signposting", r.signposting())
			.param("outcome", r.outcome())
			.param("sentAt", utc(r.sentAt()))
			.param("acknowledgedAt", utc(r.acknowledgedAt()))
			.param("decidedAt", utc(r.decidedAt()))
			.param("closedAt", utc(r.closedAt()))
			.param("acknowledgeDue", utc(r.acknowledgeDue()))
			.param("acceptDue", utc(r.acceptDue()))
			.update() == 1;
	}

	void step(Referral r, ReferralStep step, String by, @Nullable String note, Instant at) {
		jdbc.sql(SQL_INSERT_STEP)
			.param("id", UUID.randomUUID())
			.param("referralId", r.uuid())
			.param("personId", r.personId().id())
			.param("step", step.name())
			.param("status", r.status().name())
			.param("holder", r.holder().id())
			.param("by", by)
			.param("note", note)
			.param("at", utc(at))
			.update();
	}

	record StepRow(ReferralStep step, ReferralStatus status, TeamId holder, String by, @Nullable String note,
			Instant at) {
	}

	List<StepRow> steps(ReferralId id) {
		return jdbc.sql(SQL_STEPS)
			.param("id", id.id())
			.query((rs, n) -> new StepRow(ReferralStep.valueOf(rs.getString("step")),
					ReferralStatus.valueOf(rs.getString("status")), new TeamId(rs.getObject("holder_team", UUID.class)),
					rs.getString("by_account"), rs.getString("note"), instant(rs, "at")))
			.list();
	}

	/**
	 * The person's name, for a caller that has already been allowed to open the record.
	 */
	String personName(PersonId person) {
		return jdbc.sql(SQL_PERSON_NAME).param("personId", person.id()).query(String.class).single();
	}

	void insertItems(Referral r, List<SendableItem> items) {
		for (SendableItem item : items) {
			jdbc.sql(SQL_INSERT_ITEM)
				.param("id", r.uuid())
				.param("personId", r.personId().id())
				.param("kind", item.kind().name())
				.param("itemId", item.id())
				.param("category", item.category().name())
				.param("label", item.label())
				.update();
		}
	}

	/** The items sent, with their stored titles (the detail is not kept). */
	List<SendableItem> items(ReferralId id) {
		return jdbc.sql(SQL_ITEMS)
			.param("id", id.id())
			.query((rs, n) -> new SendableItem(care.seamless.consent.ItemKind.valueOf(rs.getString("item_kind")),
					rs.getObject("item_id", UUID.class), rs.getString("label"), "",
					DataCategory.valueOf(rs.getString("category"))))
			.list();
	}

	List<DataCategory> categories(ReferralId id) {
		return jdbc.sql(SQL_CATEGORIES)
			.param("id", id.id())
			.query((rs, n) -> DataCategory.valueOf(rs.getString(1)))
			.list();
	}

	Optional<ReferralId> openToSameTeam(ReferralId self, PersonId person, TeamId to) {
		return jdbc.sql(SQL_OPEN_TO_SAME_TEAM)
			.param("id", self.id())
			.param("personId", person.id())
			.param("toTeam", to.id())
			.query((rs, n) -> new ReferralId(rs.getObject(1, UUID.class)))
			.optional();
	}

	record Target(int acknowledgeWithin, String acknowledgeUnit, int acceptWithin, String acceptUnit) {
	}

	Optional<Target> target(TeamId team, Urgency urgency) {
		return jdbc.sql(SQL_TARGET)
			.param("team", team.id())
			.param("urgency", urgency.name())
			.query((rs, n) -> new Target(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
			.optional();
	}

	List<String> breaches(ReferralId id) {
		return jdbc.sql(SQL_BREACHES).param("id", id.id()).query(String.class).list();
	}

	record DueBreach(ReferralId id, PersonId personId, TeamId holder, String kind, Instant dueAt) {
	}

	List<DueBreach> newlyBreached(Instant now, int limit) {
		return jdbc.sql(SQL_NEWLY_BREACHED)
			.param("now", utc(now))
			.param("limit", limit)
			.query((rs, n) -> new DueBreach(new ReferralId(rs.getObject("id", UUID.class)),
					new PersonId(rs.getObject("person_id", UUID.class)),
					new TeamId(rs.getObject("to_team_id", UUID.class)), rs.getString("kind"), instant(rs, "due_at")))
			.list();
	}

	/** Records the breach unless it is already recorded; true when this call did. */
	boolean recordBreach(DueBreach breach, Instant now) {
		return jdbc.sql(SQL_INSERT_BREACH)
			.param("id", breach.id().id())
			.param("kind", breach.kind())
			.param("personId", breach.personId().id())
			.param("team", breach.holder().id())
			.param("dueAt", utc(breach.dueAt()))
			.param("now", utc(now))
			.update() == 1;
	}

	/**
	 * Referrals held by (or sent from) the given teams in the given states, oldest due
	 * first, each naming its person only where {@code named} allows; rows the viewer may
	 * not see at all are left out by {@code visible}.
	 */
	List<ReferralSummary> list(String teamColumn, Collection<TeamId> teams, Collection<ReferralStatus> statuses,
			SqlCondition visible, SqlCondition named, int limit) {
		if (teams.isEmpty() || statuses.isEmpty()) {
			return List.of();
		}
		String sql = SUMMARY.formatted(named.sql(), People.displayNameSql("r.person_id")) + " where r." + teamColumn
				+ " in (:teams) and r.status in (:statuses) and (" + visible.sql() + ")"
				+ " order by due_at nulls last, r.sent_at, r.id limit :limit";
		Map<String, Object> params = new java.util.HashMap<>(visible.params());
		params.putAll(named.params());
		params.put("teams", teams.stream().map(TeamId::id).toList());
		params.put("statuses", statuses.stream().map(Enum::name).toList());
		params.put("limit", limit);
		return jdbc.sql(sql).params(params).query((rs, n) -> summary(rs)).list();
	}

	private static ReferralSummary summary(ResultSet rs) throws SQLException {
		return new ReferralSummary(new ReferralId(rs.getObject("id", UUID.class)),
				new PersonId(rs.getObject("person_id", UUID.class)), rs.getString("person_name"),
				new TeamId(rs.getObject("from_team_id", UUID.class)),
				new TeamId(rs.getObject("to_team_id", UUID.class)), Urgency.valueOf(rs.getString("urgency")),
				ReferralStatus.valueOf(rs.getString("status")), rs.getString("reason_code"), instant(rs, "sent_at"),
				instant(rs, "due_at"), rs.getBoolean("breached"), rs.getLong("version"));
	}

	private static Referral referral(ResultSet rs) throws SQLException {
		UUID owner = rs.getObject("owner_practitioner_id", UUID.class);
		String decline = rs.getString("decline_reason");
		return new Referral(new ReferralId(rs.getObject("id", UUID.class)),
				new PersonId(rs.getObject("person_id", UUID.class)),
				new TeamId(rs.getObject("from_team_id", UUID.class)),
				new OrganisationId(rs.getObject("from_organisation_id", UUID.class)),
				new PractitionerId(rs.getObject("referrer_practitioner_id", UUID.class)),
				new TeamId(rs.getObject("to_team_id", UUID.class)),
				new OrganisationId(rs.getObject("to_organisation_id", UUID.class)),
				new TeamId(rs.getObject("first_team_id", UUID.class)), rs.getString("reason_code"),
				rs.getString("reason_text"), Urgency.valueOf(rs.getString("urgency")), rs.getBoolean("person_informed"),
				rs.getString("person_view"), SharingBasis.valueOf(rs.getString("sharing_basis")),
				ReferralStatus.valueOf(rs.getString("status")), owner == null ? null : new PractitionerId(owner),
				decline == null ? null : DeclineReason.valueOf(decline), rs.getString("signposting"),
				rs.getString("outcome"), instant(rs, "created_at"), instant(rs, "sent_at"),
				instant(rs, "acknowledged_at"), instant(rs, "decided_at"), instant(rs, "closed_at"),
				instant(rs, "acknowledge_due"), instant(rs, "accept_due"), rs.getLong("version"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
