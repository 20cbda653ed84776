package care.seamless.consent;

import java.util.Optional;

import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IdentityLinkRepository {

	private static final String SQL_JOIN = """
			insert into consent.identity_link (person_id, group_id, holder_organisation_id)
			values (:person, :group, cast(:holder as uuid))
			on conflict (person_id) do nothing
			""";

	private static final String SQL_LEAVE = """
			delete from consent.identity_link where person_id = :person and group_id = :group
			""";

	private static final String SQL_DISSOLVE_IF_ALONE = """
			delete from consent.identity_link where person_id = :group and group_id = :group
			  and not exists (select 1 from consent.identity_link o where o.group_id = :group and o.person_id <> :group)
			""";

	private static final String SQL_GROUP = """
			select group_id from consent.identity_link where person_id = :person
			""";

	private static final String SQL_GROUP_MEMBERS = """
			select person_id from consent.identity_link
			where group_id = (select group_id from consent.identity_link where person_id = :person)
			order by person_id = group_id desc, person_id
			""";

	private final JdbcClient jdbc;

	IdentityLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void join(PersonId survivor, @Nullable OrganisationId survivorHolder, PersonId merged,
			@Nullable OrganisationId mergedHolder) {
		insert(survivor, survivor, survivorHolder);
		insert(merged, survivor, mergedHolder);
	}

	private void insert(PersonId person, PersonId group, @Nullable OrganisationId holder) {
		jdbc.sql(SQL_JOIN)
			.param("person", person.id())
			.param("group", group.id())
			.param("holder", holder == null ? null : holder.id())
			.update();
	}

	void separate(PersonId survivor, PersonId merged) {
		jdbc.sql(SQL_LEAVE).param("person", merged.id()).param("group", survivor.id()).update();
		jdbc.sql(SQL_DISSOLVE_IF_ALONE).param("group", survivor.id()).update();
	}

	java.util.List<PersonId> members(PersonId person) {
		return jdbc.sql(SQL_GROUP_MEMBERS)
			.param("person", person.id())
			.query((rs, n) -> new PersonId(rs.getObject(1, java.util.UUID.class)))
			.list();
	}

	Optional<PersonId> groupOf(PersonId person) {
		return jdbc.sql(SQL_GROUP)
			.param("person", person.id())
			.query((rs, n) -> new PersonId(rs.getObject(1, java.util.UUID.class)))
			.optional();
	}

}
