package care.seamless.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.team.CareTeams;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Evaluates the policies' SQL for a single item, so one-off decisions use exactly the
 * expressions lists use.
 */
@Repository
class AccessRepository {

	private static final String ITEM = "(values (cast(:itemPerson as uuid), cast(:itemCategory as text), cast(:itemSource as uuid))) as item(p, c, s)";

	/**
	 * The same evaluation for two categories of one item in one round trip (the record
	 * view needs both).
	 */
	private static final String ITEM_PAIR = "(values (cast(:itemPerson as uuid), cast(:itemCategory as text), cast(:itemSource as uuid), 1), "
			+ "(cast(:itemPerson as uuid), cast(:otherCategory as text), cast(:itemSource as uuid), 2)) as item(p, c, s, n)";

	private static final String SQL_EVALUATE_COLUMNS = "select " + AccessRules.override("item.p") + " as override, "
			+ AccessRules.relationship("item.p", "item.c") + " as relationship, "
			+ AccessRules.agreement("item.s", "item.c") + " as agreement, "
			+ AccessRules.objected("item.p", "item.s", "item.c") + " as objected, "
			+ AccessRules.sensitiveCrossing("item.s", "item.c") + " as sensitive_crossing, "
			+ AccessRules.consented("item.p", "item.c") + " as consented, " + AccessRules.actingFor("item.p", "item.c")
			+ " as acting_for, " + AccessRules.partialGrant("item.p") + " as partial_grant";

	private static final String SQL_EVALUATE_PAIR = SQL_EVALUATE_COLUMNS + ", "
			+ AccessRules.recordRelationship("item.p") + " as record_relationship, "
			+ AccessRules.actingForRecord("item.p") + " as acting_for_record from " + ITEM_PAIR + " order by item.n";

	private static final String SQL_EVALUATE = SQL_EVALUATE_COLUMNS + " from " + ITEM;

	private static final String SQL_EVALUATE_RECORD = "select " + AccessRules.override("item.p") + " as override, "
			+ AccessRules.recordRelationship("item.p") + " as relationship, " + AccessRules.actingForRecord("item.p")
			+ " as person_side from " + ITEM;

	private static final String SQL_ACTS_AS_SELF = """
			select exists (select 1 from consent.acting_for
			 where account_id = :account and person_id = :person and kind = 'SELF' and ended_at is null)
			""";

	private static final String SQL_SPEAKS_FOR = "select " + AccessRules.speaksFor("cast(:person as uuid)");

	private static final String SQL_OBJECTS = """
			select coalesce(consent.effective_choice(:person, :organisation, 'GENERAL'), '') in ('OBJECTION', 'DISSENT')
			""";

	/**
	 * Whether general information may flow between two organisations for direct care: the
	 * same agreement rule the read policy uses, with the newcomer as the viewer.
	 */
	private static final String SQL_SHARES = "select "
			+ care.seamless.partnership.Agreements.coversSql("cast(:source as uuid)", "'GENERAL'");

	/**
	 * {@link #SQL_EVALUATE_PAIR}'s answer as one row of a derived table over the person
	 * and source columns of the caller's own query (the record view reads the record and
	 * decides about it in one statement): the same rule expressions over the same kind of
	 * values, each rule that the record and its items share (the override, the care-team
	 * membership, the record-level grant, acting for the person, each item's choice)
	 * evaluated once, in {@code pdp_a} (ADR 110). Besides the evaluation it yields
	 * {@code pdp_open} (the record may be opened), {@code pdp_first_visible} and
	 * {@code pdp_second_visible} (the two items may be seen), which combine the
	 * evaluation as {@link AccessPolicy}'s decisions do, so the caller's query reads a
	 * part only where the decision will show it. The {@code offset 0} keeps PostgreSQL
	 * from pulling the evaluation up into the caller's query, where every use of a column
	 * would evaluate its rule again (twice the buffers without it).
	 */
	static String pairOver(String p, String s, DataCategory first, DataCategory second) {
		String shared = "select " + AccessRules.override(p) + " as pdp_override, " + CareTeams.currentMemberSql(p)
				+ " as pdp_member, " + AccessRules.partialGrant(p) + " as pdp_partial_grant, "
				+ AccessRules.actingForRecord(p) + " as pdp_acting_for_record, " + choiceColumn(p, s, first, "pdp_1_")
				+ ", " + choiceColumn(p, s, second, "pdp_2_");
		String evaluated = "select pdp_a.pdp_override, "
				+ AccessRules.recordRelationship(p, "pdp_a.pdp_member", "pdp_a.pdp_partial_grant",
						"pdp_a.pdp_acting_for_record")
				+ " as pdp_record_relationship, pdp_a.pdp_acting_for_record, pdp_a.pdp_partial_grant, "
				+ itemColumns(p, s, first, "pdp_1_") + ", " + itemColumns(p, s, second, "pdp_2_") + " from (" + shared
				+ " offset 0) pdp_a";
		return "(select pdp_e.*, (pdp_e.pdp_override or pdp_e.pdp_record_relationship) as pdp_open, "
				+ visibleFrom("pdp_1_") + " as pdp_first_visible, " + visibleFrom("pdp_2_")
				+ " as pdp_second_visible from (" + evaluated + " offset 0) pdp_e)";
	}

	/**
	 * {@link AccessPolicy#recordDecision}'s value as {@code record_decision} and, where
	 * it is not null, {@link AccessRules#visible} of the record's own details (general
	 * information held by {@code s}) as {@code details_visible}, as one row of a derived
	 * table over the caller's person and source columns. The rules both share (the
	 * override, the care-team membership, acting for the person over general information)
	 * are evaluated once, in {@code pdp_a}, and each expression over them is the rule's
	 * own: the same snapshot and the same {@code now()} give the same answer the two
	 * rules evaluated apart gave (ADR 123). The {@code offset 0}s keep each level from
	 * being pulled up, where every use of a column evaluated its rule again (ADR 115).
	 */
	static String recordAndDetailsOver(String p, String s) {
		String general = "'GENERAL'";
		String shared = "select " + AccessRules.override(p) + " as pdp_override, " + CareTeams.currentMemberSql(p)
				+ " as pdp_member, " + AccessRules.actingForRecord(p) + " as pdp_acting_for_record";
		String decision = "select case when pdp_a.pdp_override then 'OVERRIDE' when pdp_a.pdp_acting_for_record"
				+ " then 'ACTING_FOR' when " + AccessRules.recordRelationship(p, "pdp_a.pdp_member",
						AccessRules.partialGrant(p), "pdp_a.pdp_acting_for_record")
				+ " then 'RELATIONSHIP' end as record_decision";
		return "(select pdp_d.record_decision, case when pdp_d.record_decision is not null then "
				+ AccessRules.visibleWith(p, general, s, "pdp_a.pdp_override", "pdp_a.pdp_member",
						"pdp_a.pdp_acting_for_record")
				+ " end as details_visible from (" + shared + " offset 0) pdp_a cross join lateral (" + decision
				+ " offset 0) pdp_d offset 0)";
	}

	/**
	 * The person's choice for one item's category, asked only where the information
	 * crosses organisations: the only case in which the objection or the consent counts
	 * (null otherwise, never read).
	 */
	private static String choiceColumn(String p, String s, DataCategory category, String prefix) {
		return "case when " + AccessRules.crossing(s) + " then " + AccessRules.choice(p, literal(category)) + " end as "
				+ prefix + "choice";
	}

	private static String literal(DataCategory category) {
		return "cast('" + category.name() + "' as text)";
	}

	/**
	 * One item's columns over {@code pdp_a} (the shared rules, each evaluated once): its
	 * consent is asked only where the category needs it and crosses, the one case in
	 * which {@link AccessPolicy}'s decision reads it; elsewhere the column is false and
	 * unread. Acting for the person over general information is the record's own (ADR
	 * 110).
	 */
	private static String itemColumns(String p, String s, DataCategory category, String prefix) {
		String c = literal(category);
		String choice = "pdp_a." + prefix + "choice";
		String actingFor = category == DataCategory.GENERAL ? "pdp_a.pdp_acting_for_record"
				: AccessRules.actingFor(p, c);
		return AccessRules.relationshipWithMember("pdp_a.pdp_member", p, c) + " as " + prefix + "relationship, "
				+ AccessRules.agreement(s, c) + " as " + prefix + "agreement, " + AccessRules.objectedBy(s, choice)
				+ " as " + prefix + "objected, " + AccessRules.sensitiveCrossing(s, c) + " as " + prefix
				+ "sensitive_crossing, (" + AccessRules.sensitiveCrossing(s, c) + " and "
				+ AccessRules.consentedBy(choice) + ") as " + prefix + "consented, " + actingFor + " as " + prefix
				+ "acting_for";
	}

	/**
	 * Whether {@link AccessPolicy}'s decision for one item of {@link #pairOver} permits
	 * (by override, acting for the person, or every policy allowing): the order of its
	 * checks does not matter to a yes or no.
	 */
	private static String visibleFrom(String prefix) {
		return ("(pdp_e.pdp_override or pdp_e.P_acting_for or (pdp_e.P_relationship and pdp_e.P_agreement"
				+ " and not pdp_e.P_objected and (not pdp_e.P_sensitive_crossing or pdp_e.P_consented)))")
			.replace("P_", prefix);
	}

	/**
	 * Each item's six columns by name, built once rather than from the item's prefix on
	 * every row: each built name was a new string to hash on every record view (ADR 105).
	 */
	private static final List<String> FIRST_ITEM = itemNames("pdp_1_");

	private static final List<String> SECOND_ITEM = itemNames("pdp_2_");

	private static List<String> itemNames(String prefix) {
		return Stream.of("relationship", "agreement", "objected", "sensitive_crossing", "consented", "acting_for")
			.map(prefix::concat)
			.toList();
	}

	/** The evaluation of one row that selected {@link #pairOver}'s columns. */
	static PairEvaluation pairOf(ResultSet rs) throws SQLException {
		boolean override = rs.getBoolean("pdp_override");
		boolean partialGrant = rs.getBoolean("pdp_partial_grant");
		return new PairEvaluation(
				new RecordEvaluation(override, rs.getBoolean("pdp_record_relationship"),
						rs.getBoolean("pdp_acting_for_record")),
				itemOf(rs, override, partialGrant, FIRST_ITEM), itemOf(rs, override, partialGrant, SECOND_ITEM));
	}

	private static Evaluation itemOf(ResultSet rs, boolean override, boolean partialGrant, List<String> names)
			throws SQLException {
		return new Evaluation(override, rs.getBoolean(names.get(0)), rs.getBoolean(names.get(1)),
				rs.getBoolean(names.get(2)), rs.getBoolean(names.get(3)), rs.getBoolean(names.get(4)),
				rs.getBoolean(names.get(5)), partialGrant);
	}

	private final JdbcClient jdbc;

	AccessRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param partialGrant the viewer's team has a current grant of part of the record (a
	 * referral's items, a ward's admission), which explains a missing relationship
	 */
	record Evaluation(boolean override, boolean relationship, boolean agreement, boolean objected,
			boolean sensitiveCrossing, boolean consented, boolean actingFor, boolean partialGrant) {
	}

	record RecordEvaluation(boolean override, boolean relationship, boolean personSide) {
	}

	Evaluation evaluate(Map<String, Object> actorParams, PersonId person, DataCategory category,
			@Nullable OrganisationId source) {
		return jdbc.sql(SQL_EVALUATE)
			.params(itemParams(actorParams, person, category, source))
			.query((rs, n) -> evaluation(rs))
			.single();
	}

	record PairEvaluation(RecordEvaluation record, Evaluation first, Evaluation second) {
	}

	PairEvaluation evaluatePair(Map<String, Object> actorParams, PersonId person, DataCategory first,
			DataCategory second, @Nullable OrganisationId source) {
		Map<String, Object> params = itemParams(actorParams, person, first, source);
		params.put("otherCategory", second.name());
		// Both rows carry the same record-level answer; it is read from the first.
		List<PairRow> rows = jdbc.sql(SQL_EVALUATE_PAIR)
			.params(params)
			.query((rs,
					n) -> new PairRow(new RecordEvaluation(rs.getBoolean("override"),
							rs.getBoolean("record_relationship"), rs.getBoolean("acting_for_record")), evaluation(rs)))
			.list();
		return new PairEvaluation(rows.get(0).record(), rows.get(0).item(), rows.get(1).item());
	}

	private record PairRow(RecordEvaluation record, Evaluation item) {
	}

	private static Evaluation evaluation(ResultSet rs) throws SQLException {
		return new Evaluation(rs.getBoolean("override"), rs.getBoolean("relationship"), rs.getBoolean("agreement"),
				rs.getBoolean("objected"), rs.getBoolean("sensitive_crossing"), rs.getBoolean("consented"),
				rs.getBoolean("acting_for"), rs.getBoolean("partial_grant"));
	}

	RecordEvaluation evaluateRecord(Map<String, Object> actorParams, PersonId person) {
		return jdbc.sql(SQL_EVALUATE_RECORD)
			.params(itemParams(actorParams, person, DataCategory.GENERAL, null))
			.query((rs, n) -> new RecordEvaluation(rs.getBoolean("override"), rs.getBoolean("relationship"),
					rs.getBoolean("person_side")))
			.single();
	}

	private static Map<String, Object> itemParams(Map<String, Object> actorParams, PersonId person,
			DataCategory category, @Nullable OrganisationId source) {
		Map<String, Object> params = new HashMap<>(actorParams);
		params.put("itemPerson", person.id());
		params.put("itemCategory", category.name());
		params.put("itemSource", source == null ? null : source.id());
		return params;
	}

	/**
	 * True when the person's effective choice for the organisation's general information
	 * is an objection or dissent (the same function the read rules use).
	 */
	boolean objectsToOrganisation(PersonId person, care.seamless.shared.OrganisationId organisation) {
		return jdbc.sql(SQL_OBJECTS)
			.param("person", person.id())
			.param("organisation", organisation.id())
			.query(Boolean.class)
			.single();
	}

	boolean speaksFor(Map<String, Object> params, PersonId person) {
		return jdbc.sql(SQL_SPEAKS_FOR).params(params).param("person", person.id()).query(Boolean.class).single();
	}

	boolean actsAsSelf(care.seamless.shared.AccountId account, PersonId person) {
		return jdbc.sql(SQL_ACTS_AS_SELF)
			.param("account", account.id())
			.param("person", person.id())
			.query(Boolean.class)
			.single();
	}

	boolean sharesGeneralInformation(OrganisationId viewer, OrganisationId source) {
		return jdbc.sql(SQL_SHARES)
			.param("viewerOrg", viewer.id())
			.param("source", source.id())
			.param("purpose", care.seamless.shared.Purpose.DIRECT_CARE.name())
			.query(Boolean.class)
			.single();
	}

}
