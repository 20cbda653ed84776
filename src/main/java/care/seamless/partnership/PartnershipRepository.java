package care.seamless.partnership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import care.seamless.shared.AccountId;
import care.seamless.shared.OrganisationId;
import care.seamless.team.Directory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PartnershipRepository {

	private static final String SQL_INSERT = """
			insert into partnership.partnership (id, name, kind, direction, aims, functions, staff_and_resources,
			  governance, host_organisation_id, pool_manager, start_date, end_date, review_date, termination, status)
			values (:id, :name, :kind, :direction, :aims, :functions, :staff, :governance, :host, :poolManager,
			  :startDate, :endDate, :reviewDate, :termination, :status)
			""";

	private static final String SQL_UPDATE = """
			update partnership.partnership set name = :name, kind = :kind, direction = :direction, aims = :aims,
			  functions = :functions, staff_and_resources = :staff, governance = :governance,
			  host_organisation_id = :host, pool_manager = :poolManager, start_date = :startDate, end_date = :endDate,
			  review_date = :reviewDate, termination = :termination, status = :status, version = version + 1
			where id = :id and version = :version
			""";

	private static final String SQL_SELECT = """
			select p.id, p.name, p.kind, p.direction, p.aims, p.functions, p.staff_and_resources, p.governance,
			       p.host_organisation_id, %s as host_name, p.pool_manager, p.start_date, p.end_date, p.review_date,
			       p.termination, p.status, p.version
			from partnership.partnership p
			""".formatted(Directory.organisationNameSql("p.host_organisation_id"));

	// The parts of many partnerships are read in one statement each (never one per
	// partnership), then put together by partnership id.
	private static final String SQL_PARTNERS = """
			select pp.partnership_id, pp.organisation_id, %s as name, pp.contribution, pp.variation
			from partnership.partner pp where pp.partnership_id in (:ids) order by 3
			""".formatted(Directory.organisationNameSql("pp.organisation_id"));

	private static final String SQL_LINKED = """
			select partnership_id, agreement_id from partnership.partnership_sharing where partnership_id in (:ids)
			""";

	private static final String SQL_READINESS = """
			select partnership_id, item, state, note, version from partnership.readiness where partnership_id in (:ids)
			""";

	private static final String SQL_SET_READINESS = """
			insert into partnership.readiness (partnership_id, item, state, note, updated_by)
			values (:id, :item, :state, :note, :account)
			on conflict (partnership_id, item) do update
			  set state = excluded.state, note = excluded.note, updated_by = excluded.updated_by, updated_at = now(),
			      version = partnership.readiness.version + 1
			  where partnership.readiness.version = :version
			""";

	private static final String SQL_REVIEWS_DUE = """
			select id, name, review_date from partnership.partnership
			where status <> 'ENDED' and review_date <= :horizon order by review_date, name
			""";

	private final JdbcClient jdbc;

	PartnershipRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, NewPartnership p) {
		bind(jdbc.sql(SQL_INSERT), p).param("id", id).update();
		writeParts(id, p);
	}

	int update(UUID id, long version, NewPartnership p) {
		int updated = bind(jdbc.sql(SQL_UPDATE), p).param("id", id).param("version", version).update();
		if (updated == 1) {
			jdbc.sql("delete from partnership.partner where partnership_id = :id").param("id", id).update();
			jdbc.sql("delete from partnership.partnership_sharing where partnership_id = :id").param("id", id).update();
			writeParts(id, p);
		}
		return updated;
	}

	private void writeParts(UUID id, NewPartnership p) {
		for (NewPartnership.Partner partner : p.partners()) {
			jdbc.sql("""
					insert into partnership.partner (partnership_id, organisation_id, contribution, variation)
					values (:id, :org, :contribution, :variation)
					""")
				.param("id", id)
				.param("org", partner.organisation().id())
				.param("contribution", partner.contribution())
				.param("variation", partner.variation())
				.update();
		}
		for (UUID agreement : p.sharingAgreements()) {
			jdbc.sql(
					"insert into partnership.partnership_sharing (partnership_id, agreement_id) values (:id, :agreement)")
				.param("id", id)
				.param("agreement", agreement)
				.update();
		}
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, NewPartnership p) {
		return sql.param("name", p.name())
			.param("kind", p.kind().name())
			.param("direction", p.direction().name())
			.param("aims", p.aims())
			.param("functions", p.functions())
			.param("staff", p.staffAndResources())
			.param("governance", p.governance())
			.param("host", p.host() == null ? null : p.host().id())
			.param("poolManager", p.poolManager())
			.param("startDate", p.startDate())
			.param("endDate", p.endDate())
			.param("reviewDate", p.reviewDate())
			.param("termination", p.termination())
			.param("status", p.status().name());
	}

	boolean agreementExists(UUID agreement) {
		return jdbc.sql("select exists (select 1 from partnership.sharing_agreement where id = :id)")
			.param("id", agreement)
			.query(Boolean.class)
			.single();
	}

	int setReadiness(UUID id, ReadinessItem item, ReadinessItem.State state, String note, long version,
			AccountId account) {
		return jdbc.sql(SQL_SET_READINESS)
			.param("id", id)
			.param("item", item.name())
			.param("state", state.name())
			.param("note", note)
			.param("account", account.id())
			.param("version", version)
			.update();
	}

	List<Partnership> all(List<SharingAgreement> agreements) {
		return assemble(jdbc.sql(SQL_SELECT + " order by p.status, p.name").query(PartnershipRepository::head).list(),
				agreements);
	}

	Optional<Partnership> find(UUID id, List<SharingAgreement> agreements) {
		return assemble(
				jdbc.sql(SQL_SELECT + " where p.id = :id").param("id", id).query(PartnershipRepository::head).list(),
				agreements)
			.stream()
			.findFirst();
	}

	List<ReviewDue> reviewsDue(LocalDate horizon) {
		return jdbc.sql(SQL_REVIEWS_DUE)
			.param("horizon", horizon)
			.query((rs, n) -> new ReviewDue(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getObject("review_date", LocalDate.class)))
			.list();
	}

	/** The scalar columns of one partnership, before its parts are added. */
	private record Head(UUID id, String name, PartnershipKind kind, PartnershipDirection direction, String aims,
			String functions, String staffAndResources, String governance, @Nullable OrganisationId host,
			@Nullable String hostName, String poolManager, LocalDate startDate, @Nullable LocalDate endDate,
			LocalDate reviewDate, String termination, PartnershipStatus status, long version) {
	}

	private static Head head(ResultSet rs, int n) throws SQLException {
		String host = rs.getString("host_organisation_id");
		return new Head(rs.getObject("id", UUID.class), rs.getString("name"),
				PartnershipKind.valueOf(rs.getString("kind")), PartnershipDirection.valueOf(rs.getString("direction")),
				rs.getString("aims"), rs.getString("functions"), rs.getString("staff_and_resources"),
				rs.getString("governance"), host == null ? null : OrganisationId.of(host), rs.getString("host_name"),
				rs.getString("pool_manager"), rs.getObject("start_date", LocalDate.class),
				rs.getObject("end_date", LocalDate.class), rs.getObject("review_date", LocalDate.class),
				rs.getString("termination"), PartnershipStatus.valueOf(rs.getString("status")), rs.getLong("version"));
	}

	private List<Partnership> assemble(List<Head> heads, List<SharingAgreement> agreements) {
		if (heads.isEmpty()) {
			return List.of();
		}
		List<UUID> ids = heads.stream().map(Head::id).toList();
		Map<UUID, List<Partnership.Partner>> partners = new HashMap<>();
		jdbc.sql(SQL_PARTNERS).param("ids", ids).query((row, n) -> {
			partners.computeIfAbsent(row.getObject("partnership_id", UUID.class), (k) -> new ArrayList<>())
				.add(new Partnership.Partner(OrganisationId.of(row.getString("organisation_id")), row.getString("name"),
						row.getString("contribution"), row.getString("variation")));
			return null;
		}).list();
		Map<UUID, Set<UUID>> linked = new HashMap<>();
		jdbc.sql(SQL_LINKED).param("ids", ids).query((row, n) -> {
			linked.computeIfAbsent(row.getObject("partnership_id", UUID.class), (k) -> new HashSet<>())
				.add(row.getObject("agreement_id", UUID.class));
			return null;
		}).list();
		Map<UUID, Map<ReadinessItem, Partnership.Readiness>> readiness = new HashMap<>();
		jdbc.sql(SQL_READINESS).param("ids", ids).query((row, n) -> {
			readiness
				.computeIfAbsent(row.getObject("partnership_id", UUID.class), (k) -> new EnumMap<>(ReadinessItem.class))
				.put(ReadinessItem.valueOf(row.getString("item")),
						new Partnership.Readiness(ReadinessItem.State.valueOf(row.getString("state")),
								row.getString("note"), row.getLong("version")));
			return null;
		}).list();
		List<Partnership> found = new ArrayList<>();
		for (Head h : heads) {
			Set<UUID> links = linked.getOrDefault(h.id(), Set.of());
			found.add(new Partnership(h.id(), h.name(), h.kind(), h.direction(), h.aims(), h.functions(),
					h.staffAndResources(), h.governance(), h.host(), h.hostName(), h.poolManager(), h.startDate(),
					h.endDate(), h.reviewDate(), h.termination(), h.status(), h.version(),
					partners.getOrDefault(h.id(), List.of()),
					agreements.stream().filter((a) -> links.contains(a.id())).toList(),
					readiness.getOrDefault(h.id(), new EnumMap<>(ReadinessItem.class))));
		}
		return found;
	}

}
