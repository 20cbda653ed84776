package care.seamless.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RecordOfferRepository {

	private static final String COLUMNS = """
			select id, field, offered_value, source_episode_id, source_answer_id, source_label, recorded_by_name,
				organisation_id, recorded_at, status, decided_by_name, decided_at, version
			from person.record_offer
			""";

	// An answer offered once stays offered, confirmed or declined: completing the same
	// assessment again, or a later one carrying the answer over, offers nothing new.
	private static final String SQL_INSERT = """
			insert into person.record_offer (id, person_id, field, offered_value, source_episode_id, source_answer_id,
				source_label, recorded_by_name, organisation_id, recorded_at)
			values (:id, :person, :field, :value, :episode, :answer, :label, :byName, :org, :at)
			on conflict (person_id, source_answer_id) do nothing
			""";

	private static final String SQL_DECIDE = """
			update person.record_offer set status = :status, decided_by_name = :byName, decided_at = :at,
				version = version + 1
			where id = :id and person_id = :person and version = :version and status = 'offered'
			""";

	private final JdbcClient jdbc;

	RecordOfferRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean insert(UUID id, PersonId person, RecordOffer.New offer) {
		return jdbc.sql(SQL_INSERT)
			.param("id", id)
			.param("person", person.id())
			.param("field", offer.field().code())
			.param("value", offer.value())
			.param("episode", offer.sourceEpisode())
			.param("answer", offer.sourceAnswer())
			.param("label", offer.sourceLabel())
			.param("byName", offer.recordedByName())
			.param("org", offer.organisation().id())
			.param("at", Timestamp.from(offer.recordedAt()))
			.update() == 1;
	}

	List<RecordOffer> forPerson(PersonId person) {
		return jdbc.sql(COLUMNS + " where person_id = :person order by recorded_at desc, field")
			.param("person", person.id())
			.query(RecordOfferRepository::offer)
			.list();
	}

	Optional<RecordOffer> find(PersonId person, UUID id) {
		return jdbc.sql(COLUMNS + " where person_id = :person and id = :id")
			.param("person", person.id())
			.param("id", id)
			.query(RecordOfferRepository::offer)
			.optional();
	}

	boolean decide(PersonId person, UUID id, long version, RecordOffer.Status status, String byName, Instant at) {
		return jdbc.sql(SQL_DECIDE)
			.param("id", id)
			.param("person", person.id())
			.param("version", version)
			.param("status", status.name().toLowerCase(Locale.ROOT))
			.param("byName", byName)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/**
	 * Writes a confirmed answer into the person's details; the person's version moves on,
	 * so a details form opened before it is a conflict rather than an overwrite.
	 */
	void apply(PersonId person, RecordOffer.Field field, String value) {
		String column = switch (field) {
			case PREFERRED_NAME -> "preferred_name";
			case COMMUNICATION_NEEDS -> "communication_needs";
			case LANGUAGE -> "language";
			case LIVES_ALONE, HAS_CARER -> null;
		};
		if (column == null) {
			return;
		}
		jdbc.sql("update person.person set " + column
				+ " = :value, version = version + 1, updated_at = now() where id = :person")
			.param("value", value)
			.param("person", person.id())
			.update();
	}

	private static RecordOffer offer(ResultSet rs, int n) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new RecordOffer(rs.getObject("id", UUID.class), RecordOffer.Field.fromCode(rs.getString("field")),
				rs.getString("offered_value"), rs.getObject("source_episode_id", UUID.class),
				rs.getObject("source_answer_id", UUID.class), rs.getString("source_label"),
				rs.getString("recorded_by_name"), new OrganisationId(rs.getObject("organisation_id", UUID.class)),
				rs.getTimestamp("recorded_at").toInstant(),
				RecordOffer.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
				rs.getString("decided_by_name"), (decided != null) ? decided.toInstant() : null, rs.getLong("version"));
	}

}
