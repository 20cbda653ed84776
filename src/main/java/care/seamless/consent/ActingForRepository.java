package care.seamless.consent;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import care.seamless.shared.AccountId;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who acts for whom, and the items marked not to be shown to them. */
@Repository
class ActingForRepository {

	private static final String SQL_INSERT = """
			insert into consent.acting_for (id, account_id, person_id, kind, categories, speaks_for, since, granted_by)
			values (:id, :account, :person, :kind, cast(:categories as text[]), :speaksFor, :since, :grantedBy)
			""";

	private static final String SQL_COLUMNS = "select id, account_id, person_id, kind, categories, since, version from consent.acting_for ";

	private static final String SQL_OF_ACCOUNT = SQL_COLUMNS
			+ "where account_id = :account and ended_at is null order by since";

	private static final String SQL_OF_PERSON = SQL_COLUMNS
			+ "where person_id = :person and ended_at is null order by since";

	private static final String SQL_END = """
			update consent.acting_for set ended_at = :at, ended_by = :by, version = version + 1
			where account_id = :account and person_id = :person and ended_at is null
			""";

	private static final String SQL_SET_CATEGORIES = """
			update consent.acting_for set categories = cast(:categories as text[]), version = version + 1
			where id = :id and person_id = :person and kind = 'CARER' and ended_at is null and version = :version
			""";

	private static final String SQL_MARK = """
			insert into consent.not_shown (id, person_id, item_type, item_id, reason, marked_by, organisation_id, marked_at)
			values (:id, :person, :itemType, :itemId, :reason, :by, :organisation, :at)
			on conflict (item_type, item_id) where ended_at is null do nothing
			""";

	private static final String SQL_MARKS = """
			select id, person_id, item_type, item_id, reason, marked_by, marked_at from consent.not_shown
			where ended_at is null order by marked_at desc limit 200
			""";

	private static final String SQL_MARKED = """
			select item_id from consent.not_shown where person_id = :person and item_type = :itemType and ended_at is null
			""";

	private final JdbcClient jdbc;

	ActingForRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, AccountId account, PersonId person, ActingKind kind, Set<DataCategory> categories,
			boolean speaksFor, Instant since, String grantedBy) {
		jdbc.sql(SQL_INSERT)
			.param("id", id)
			.param("account", account.id())
			.param("person", person.id())
			.param("kind", kind.name())
			.param("categories", arrayText(categories))
			.param("speaksFor", speaksFor)
			.param("since", java.sql.Timestamp.from(since))
			.param("grantedBy", grantedBy)
			.update();
	}

	List<Representation> ofAccount(AccountId account) {
		return jdbc.sql(SQL_OF_ACCOUNT).param("account", account.id()).query(ActingForRepository::row).list();
	}

	List<Representation> ofPerson(PersonId person) {
		return jdbc.sql(SQL_OF_PERSON).param("person", person.id()).query(ActingForRepository::row).list();
	}

	int end(AccountId account, PersonId person, String by, Instant at) {
		return jdbc.sql(SQL_END)
			.param("account", account.id())
			.param("person", person.id())
			.param("by", by)
			.param("at", java.sql.Timestamp.from(at))
			.update();
	}

	int setCategories(UUID id, PersonId person, long version, Set<DataCategory> categories) {
		return jdbc.sql(SQL_SET_CATEGORIES)
			.param("id", id)
			.param("person", person.id())
			.param("version", version)
			.param("categories", arrayText(categories))
			.update();
	}

	boolean mark(UUID id, PersonId person, String itemType, UUID itemId, NotShownReason reason, String by,
			@Nullable OrganisationId organisation, Instant at) {
		return jdbc.sql(SQL_MARK)
			.param("id", id)
			.param("person", person.id())
			.param("itemType", itemType)
			.param("itemId", itemId)
			.param("reason", reason.name())
			.param("by", by)
			.param("organisation", organisation == null ? null : organisation.id())
			.param("at", java.sql.Timestamp.from(at))
			.update() == 1;
	}

	record MarkRow(UUID id, PersonId person, String itemType, UUID itemId, NotShownReason reason, String markedBy,
			Instant markedAt) {
	}

	List<MarkRow> marks() {
		return jdbc.sql(SQL_MARKS)
			.query((rs, n) -> new MarkRow(rs.getObject("id", UUID.class),
					new PersonId(rs.getObject("person_id", UUID.class)), rs.getString("item_type"),
					rs.getObject("item_id", UUID.class), NotShownReason.valueOf(rs.getString("reason")),
					rs.getString("marked_by"), rs.getTimestamp("marked_at").toInstant()))
			.list();
	}

	Set<UUID> marked(PersonId person, String itemType) {
		return Set.copyOf(jdbc.sql(SQL_MARKED)
			.param("person", person.id())
			.param("itemType", itemType)
			.query((rs, n) -> rs.getObject("item_id", UUID.class))
			.list());
	}

	private static String arrayText(Set<DataCategory> categories) {
		return "{" + String.join(",", categories.stream().map(DataCategory::name).sorted().toList()) + "}";
	}

	private static Representation row(ResultSet rs, int n) throws SQLException {
		Array array = rs.getArray("categories");
		Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
		Arrays.stream((String[]) array.getArray()).map(DataCategory::valueOf).forEach(categories::add);
		return new Representation(rs.getObject("id", UUID.class), new AccountId(rs.getObject("account_id", UUID.class)),
				new PersonId(rs.getObject("person_id", UUID.class)), ActingKind.valueOf(rs.getString("kind")),
				categories, rs.getTimestamp("since").toInstant(), rs.getLong("version"));
	}

	Optional<Representation> ofAccountFor(AccountId account, PersonId person) {
		return ofAccount(account).stream().filter(r -> r.person().equals(person)).findFirst();
	}

}
