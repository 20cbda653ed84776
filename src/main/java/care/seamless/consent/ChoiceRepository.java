package care.seamless.consent;

import care.seamless.team.Directory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ChoiceRepository {

	private static final String SQL_CHOICES = """
			select ch.id, ch.person_id, ch.kind, ch.organisation_id, %s as organisation_name, ch.category, ch.how_given,
			       ch.effective_from, ch.expires_on, ch.best_interests_decision_id, ch.recorded_by, ch.recorded_at,
			       ch.withdrawn_at, ch.withdrawn_by, ch.version
			from consent.choice ch
			""".formatted(Directory.organisationNameSql("ch.organisation_id"));

	private static final String SQL_INSERT_CHOICE = """
			insert into consent.choice (id, person_id, kind, organisation_id, category, how_given, effective_from,
			       expires_on, best_interests_decision_id, recorded_by, recorded_at)
			values (:id, :personId, :kind, :organisationId, :category, :howGiven, :effectiveFrom, :expiresOn,
			        :bestInterests, :recordedBy, :recordedAt)
			""";

	private static final String SQL_INSERT_CHANGE = """
			insert into consent.choice_change (id, choice_id, person_id, change, requested_by, requester_name,
			       best_interests_decision_id, how_asked, reason, recorded_by, recorded_at)
			values (:id, :choiceId, :personId, :change, :requestedBy, :requesterName, :bestInterests, :howAsked,
			        :reason, :recordedBy, :recordedAt)
			""";

	private static final String SQL_CAPACITY = """
			select cap.id, cap.person_id, cap.decision, cap.impairment, cap.can_understand, cap.can_retain, cap.can_weigh,
			       cap.can_communicate, cap.notes, cap.assessed_by, cap.assessed_at
			from consent.capacity_assessment cap
			""";

	private static final String SQL_BEST_INTERESTS = """
			select bid.id, bid.person_id, bid.capacity_assessment_id, bid.decision, bid.people_consulted,
			       bid.attorney_or_deputy, bid.advocate, bid.advocate_involved, bid.decided_by, bid.decided_at
			from consent.best_interests_decision bid
			""";

	/**
	 * Capacity assessments and best-interests decisions are mental health information
	 * (V40).
	 */
	static final DataCategory CAPACITY_CATEGORY = DataCategory.MENTAL_HEALTH;

	private final JdbcClient jdbc;

	ChoiceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertChoice(UUID id, PersonId person, NewChoice choice, String recordedBy, Instant at) {
		jdbc.sql(SQL_INSERT_CHOICE)
			.param("id", id)
			.param("personId", person.id())
			.param("kind", choice.kind().name())
			.param("organisationId", choice.organisationId() == null ? null : choice.organisationId().id())
			.param("category", choice.category() == null ? null : choice.category().name())
			.param("howGiven", choice.howGiven().name())
			.param("effectiveFrom", choice.effectiveFrom())
			.param("expiresOn", choice.expiresOn())
			.param("bestInterests", choice.bestInterestsDecisionId())
			.param("recordedBy", recordedBy)
			.param("recordedAt", utc(at))
			.update();
	}

	int withdraw(UUID id, long version, String by, Instant at) {
		return jdbc.sql("""
				update consent.choice set withdrawn_at = :at, withdrawn_by = :by, version = version + 1
				where id = :id and version = :version and withdrawn_at is null
				""").param("at", utc(at)).param("by", by).param("id", id).param("version", version).update();
	}

	void insertChange(UUID choiceId, PersonId person, String change, ChoiceChange request, String recordedBy,
			Instant at) {
		jdbc.sql(SQL_INSERT_CHANGE)
			.param("id", UUID.randomUUID())
			.param("choiceId", choiceId)
			.param("personId", person.id())
			.param("change", change)
			.param("requestedBy", request.requestedBy().name())
			.param("requesterName", request.requesterName())
			.param("bestInterests", request.bestInterestsDecisionId())
			.param("howAsked", request.howAsked().name())
			.param("reason", request.reason())
			.param("recordedBy", recordedBy)
			.param("recordedAt", utc(at))
			.update();
	}

	Optional<PersonChoice> choice(UUID id) {
		return jdbc.sql(SQL_CHOICES + " where ch.id = :id")
			.param("id", id)
			.query(ChoiceRepository::mapChoice)
			.optional();
	}

	List<PersonChoice> choices(PersonId person) {
		return jdbc
			.sql(SQL_CHOICES + " where ch.person_id = :personId order by ch.effective_from desc, ch.recorded_at desc")
			.param("personId", person.id())
			.query(ChoiceRepository::mapChoice)
			.list();
	}

	void insertCapacity(CapacityAssessment a, @Nullable OrganisationId source) {
		jdbc.sql(
				"""
						insert into consent.capacity_assessment (id, person_id, decision, impairment, can_understand, can_retain,
						       can_weigh, can_communicate, lacks_capacity, notes, assessed_by, assessed_at, category,
						       source_organisation_id)
						values (:id, :personId, :decision, :impairment, :understand, :retain, :weigh, :communicate, :lacks,
						        :notes, :by, :at, :category, :source)
						""")
			.param("category", CAPACITY_CATEGORY.name())
			.param("source", source == null ? null : source.id())
			.param("id", a.id())
			.param("personId", a.personId().id())
			.param("decision", a.decision())
			.param("impairment", a.impairment())
			.param("understand", a.canUnderstand())
			.param("retain", a.canRetain())
			.param("weigh", a.canWeigh())
			.param("communicate", a.canCommunicate())
			.param("lacks", a.lacksCapacity())
			.param("notes", a.notes())
			.param("by", a.assessedBy())
			.param("at", utc(a.assessedAt()))
			.update();
	}

	/**
	 * Every assessment, whoever may see it: what the Mental Capacity Act rules are
	 * enforced with, never shown.
	 */
	List<CapacityAssessment> capacityAssessments(PersonId person) {
		return jdbc.sql(SQL_CAPACITY + " where cap.person_id = :personId order by cap.assessed_at desc")
			.param("personId", person.id())
			.query(ChoiceRepository::mapCapacity)
			.list();
	}

	/** The assessments the viewer may see ({@code visible} over alias {@code cap}). */
	List<CapacityAssessment> capacityAssessments(PersonId person, SqlCondition visible) {
		return jdbc
			.sql(SQL_CAPACITY + " where cap.person_id = :personId and " + visible.sql()
					+ " order by cap.assessed_at desc")
			.params(visible.params())
			.param("personId", person.id())
			.query(ChoiceRepository::mapCapacity)
			.list();
	}

	Optional<CapacityAssessment> capacityAssessment(UUID id, SqlCondition visible) {
		return jdbc.sql(SQL_CAPACITY + " where cap.id = :id and " + visible.sql())
			.params(visible.params())
			.param("id", id)
			.query(ChoiceRepository::mapCapacity)
			.optional();
	}

	void insertBestInterests(BestInterestsDecision d, @Nullable OrganisationId source) {
		jdbc.sql(
				"""
						insert into consent.best_interests_decision (id, person_id, capacity_assessment_id, decision,
						       people_consulted, attorney_or_deputy, advocate, advocate_involved, decided_by, decided_at, category,
						       source_organisation_id)
						values (:id, :personId, :assessment, :decision, :consulted, :attorney, :advocate, :involved, :by, :at,
						        :category, :source)
						""")
			.param("category", CAPACITY_CATEGORY.name())
			.param("source", source == null ? null : source.id())
			.param("id", d.id())
			.param("personId", d.personId().id())
			.param("assessment", d.capacityAssessmentId())
			.param("decision", d.decision())
			.param("consulted", d.peopleConsulted())
			.param("attorney", d.attorneyOrDeputy())
			.param("advocate", d.advocate())
			.param("involved", d.advocateInvolved())
			.param("by", d.decidedBy())
			.param("at", utc(d.decidedAt()))
			.update();
	}

	/** The decisions the viewer may see ({@code visible} over alias {@code bid}). */
	List<BestInterestsDecision> bestInterestsDecisions(PersonId person, SqlCondition visible) {
		return jdbc
			.sql(SQL_BEST_INTERESTS + " where bid.person_id = :personId and " + visible.sql()
					+ " order by bid.decided_at desc")
			.params(visible.params())
			.param("personId", person.id())
			.query((rs, n) -> new BestInterestsDecision(rs.getObject("id", UUID.class),
					new PersonId(rs.getObject("person_id", UUID.class)),
					rs.getObject("capacity_assessment_id", UUID.class), rs.getString("decision"),
					rs.getString("people_consulted"), rs.getString("attorney_or_deputy"), rs.getString("advocate"),
					rs.getBoolean("advocate_involved"), rs.getString("decided_by"), instant(rs, "decided_at")))
			.list();
	}

	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	private static PersonChoice mapChoice(ResultSet rs, int n) throws SQLException {
		UUID org = rs.getObject("organisation_id", UUID.class);
		String category = rs.getString("category");
		return new PersonChoice(rs.getObject("id", UUID.class), new PersonId(rs.getObject("person_id", UUID.class)),
				ChoiceKind.valueOf(rs.getString("kind")), org == null ? null : new OrganisationId(org),
				rs.getString("organisation_name"), category == null ? null : DataCategory.valueOf(category),
				HowGiven.valueOf(rs.getString("how_given")), rs.getObject("effective_from", LocalDate.class),
				rs.getObject("expires_on", LocalDate.class), rs.getObject("best_interests_decision_id", UUID.class),
				rs.getString("recorded_by"), instant(rs, "recorded_at"), instant(rs, "withdrawn_at"),
				rs.getString("withdrawn_by"), rs.getLong("version"));
	}

	private static CapacityAssessment mapCapacity(ResultSet rs, int n) throws SQLException {
		return new CapacityAssessment(rs.getObject("id", UUID.class),
				new PersonId(rs.getObject("person_id", UUID.class)), rs.getString("decision"),
				rs.getBoolean("impairment"), rs.getBoolean("can_understand"), rs.getBoolean("can_retain"),
				rs.getBoolean("can_weigh"), rs.getBoolean("can_communicate"), rs.getString("notes"),
				rs.getString("assessed_by"), instant(rs, "assessed_at"));
	}

}
