package care.seamless.partnership;

import care.seamless.team.Directory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Purpose;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AgreementRepository {

	private static final String SQL_INSERT = """
			insert into partnership.sharing_agreement (id, title, lawful_basis, start_date, review_date, status)
			values (:id, :title, :lawfulBasis, :startDate, :reviewDate, :status)
			""";

	private static final String SQL_SELECT = """
			select a.id, a.title, a.lawful_basis, a.start_date, a.review_date, a.status, a.version,
			       (select string_agg(p.organisation_id || '|' || p.name, ';' order by p.name)
			          from (select pa.organisation_id, %s as name from partnership.agreement_party pa
			                 where pa.agreement_id = a.id) p) as parties,
			       (select string_agg(purpose, ',') from partnership.agreement_purpose where agreement_id = a.id) as purposes,
			       (select string_agg(category, ',') from partnership.agreement_category where agreement_id = a.id) as categories
			from partnership.sharing_agreement a
			"""
		.formatted(Directory.organisationNameSql("pa.organisation_id"));

	private final JdbcClient jdbc;

	AgreementRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, NewAgreement agreement) {
		jdbc.sql(SQL_INSERT)
			.param("id", id)
			.param("title", agreement.title())
			.param("lawfulBasis", agreement.lawfulBasis())
			.param("startDate", agreement.startDate())
			.param("reviewDate", agreement.reviewDate())
			.param("status", agreement.status().name())
			.update();
		for (OrganisationId party : agreement.parties()) {
			jdbc.sql("insert into partnership.agreement_party (agreement_id, organisation_id) values (:id, :org)")
				.param("id", id)
				.param("org", party.id())
				.update();
		}
		for (Purpose purpose : agreement.purposes()) {
			jdbc.sql("insert into partnership.agreement_purpose (agreement_id, purpose) values (:id, :purpose)")
				.param("id", id)
				.param("purpose", purpose.name())
				.update();
		}
		for (DataCategory category : agreement.categories()) {
			jdbc.sql("insert into partnership.agreement_category (agreement_id, category) values (:id, :category)")
				.param("id", id)
				.param("category", category.name())
				.update();
		}
	}

	int setStatus(UUID id, long version, AgreementStatus status) {
		return jdbc.sql("""
				update partnership.sharing_agreement set status = :status, version = version + 1
				where id = :id and version = :version
				""").param("status", status.name()).param("id", id).param("version", version).update();
	}

	List<SharingAgreement> all() {
		return jdbc.sql(SQL_SELECT + " order by a.status, a.title").query(AgreementRepository::map).list();
	}

	Optional<SharingAgreement> find(UUID id) {
		return jdbc.sql(SQL_SELECT + " where a.id = :id").param("id", id).query(AgreementRepository::map).optional();
	}

	private static SharingAgreement map(ResultSet rs, int n) throws SQLException {
		List<SharingAgreement.Party> parties = new ArrayList<>();
		String partyList = rs.getString("parties");
		if (partyList != null) {
			for (String party : partyList.split(";")) {
				String[] parts = party.split("\\|", 2);
				parties.add(new SharingAgreement.Party(OrganisationId.of(parts[0]), parts[1]));
			}
		}
		return new SharingAgreement(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("lawful_basis"),
				parties, enums(rs.getString("purposes"), Purpose.class),
				enums(rs.getString("categories"), DataCategory.class), rs.getObject("start_date", LocalDate.class),
				rs.getObject("review_date", LocalDate.class), AgreementStatus.valueOf(rs.getString("status")),
				rs.getLong("version"));
	}

	private static <E extends Enum<E>> Set<E> enums(String list, Class<E> type) {
		Set<E> values = EnumSet.noneOf(type);
		if (list != null) {
			for (String value : list.split(",")) {
				values.add(Enum.valueOf(type, value));
			}
		}
		return values;
	}

}
