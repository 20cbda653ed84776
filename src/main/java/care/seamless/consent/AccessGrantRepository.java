package care.seamless.consent;

import java.time.Instant;
import java.util.UUID;

import care.seamless.shared.DataCategory;
import care.seamless.shared.PersonId;
import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccessGrantRepository {

	private static final String SQL_INSERT = """
			insert into consent.access_grant (id, person_id, team_id, category, source, expires_at, created_at)
			values (:id, :personId, :teamId, :category, :source, :expiresAt, :now)
			""";

	private static final String SQL_INSERT_SCOPED = """
			insert into consent.access_grant (id, person_id, team_id, category, source, expires_at, created_at,
			                                  item_type, item_id, reaches_items)
			values (:id, :personId, :teamId, :category, :source, :expiresAt, :now, :itemType, :itemId, :reachesItems)
			""";

	private static final String SQL_REVOKE = """
			update consent.access_grant set expires_at = :now
			where person_id = :personId and team_id = :teamId and source = :source and expires_at > :now
			""";

	private final JdbcClient jdbc;

	AccessGrantRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, PersonId person, TeamId team, DataCategory category, String source, Instant expiresAt,
			Instant now) {
		jdbc.sql(SQL_INSERT)
			.param("id", id)
			.param("personId", person.id())
			.param("teamId", team.id())
			.param("category", category.name())
			.param("source", source)
			.param("expiresAt", ChoiceRepository.utc(expiresAt))
			.param("now", ChoiceRepository.utc(now))
			.update();
	}

	/**
	 * A category grant that reaches no items, or (with {@code item}) a grant of one item.
	 */
	void insertScoped(UUID id, PersonId person, TeamId team, DataCategory category, @Nullable GrantedItem item,
			String source, Instant expiresAt, Instant now) {
		jdbc.sql(SQL_INSERT_SCOPED)
			.param("id", id)
			.param("personId", person.id())
			.param("teamId", team.id())
			.param("category", category.name())
			.param("source", source)
			.param("expiresAt", ChoiceRepository.utc(expiresAt))
			.param("now", ChoiceRepository.utc(now))
			.param("itemType", item == null ? null : item.kind().name())
			.param("itemId", item == null ? null : item.id())
			.param("reachesItems", false)
			.update();
	}

	int revoke(PersonId person, TeamId team, String source, Instant now) {
		return jdbc.sql(SQL_REVOKE)
			.param("now", ChoiceRepository.utc(now))
			.param("personId", person.id())
			.param("teamId", team.id())
			.param("source", source)
			.update();
	}

}
