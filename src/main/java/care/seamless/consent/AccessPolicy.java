package care.seamless.consent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Role;
import care.seamless.team.CareTeams;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy decision point. It fails closed: information is visible only when every
 * named policy allows it (relationship, agreement, objection, sensitivity and consent;
 * capacity is enforced when choices are recorded), or a break-glass override applies.
 * Nothing is cached, so a changed choice counts on the very next request.
 */
@Service
public class AccessPolicy {

	private static final UUID NOBODY = new UUID(0, 0);

	private static final Map<List<Object>, String> RULE_SQL = new ConcurrentHashMap<>();

	private static final AccessDecision ACTING_FOR = AccessDecision.permit("acting-for",
			"This is your record, or you are recorded as acting for this person");

	private static final AccessDecision PERSON_SIDE_CHANGE = AccessDecision.deny("role",
			"Only the care team makes this change");

	private static final AccessDecision NOT_SPEAKING_FOR = AccessDecision.deny("acting-for",
			"The person has not agreed that you send messages or feedback for them");

	private final AccessRepository repository;

	private static final AccessDecision READ_ONLY_OVERRIDE = AccessDecision.deny("override",
			"Emergency access for this reason lets you read the record, not change it");

	private final AuditLog auditLog;

	private final CareTeams careTeams;

	private final OverrideRepository overrides;

	AccessPolicy(AccessRepository repository, AuditLog auditLog, CareTeams careTeams, OverrideRepository overrides) {
		this.repository = repository;
		this.auditLog = auditLog;
		this.careTeams = careTeams;
		this.overrides = overrides;
	}

	/**
	 * The one way to refuse: decides the request, writes exactly one audit entry with the
	 * true outcome, and throws {@link AccessDenied} when refused. The caller's
	 * transaction must not roll back on {@link AccessDenied}, because the audit entry of
	 * a refused look or change is the point. A change checked here must not be refused
	 * afterwards on an access ground: put that ground into the request
	 * ({@link AccessRequest#by}).
	 */
	@Transactional(propagation = Propagation.MANDATORY, noRollbackFor = AccessDenied.class)
	public AccessDecision require(Actor actor, AccessRequest request) {
		return audited(actor, request.action(), request.recordType(), request.audited(), request.person(),
				decide(actor, request), request.category() != null);
	}

	/**
	 * What {@link #require} would decide about the request, without auditing or throwing:
	 * a page asks this, with the very request the page it links to will {@link #require},
	 * before it offers the link or button, so that nothing is offered only to be refused.
	 * Offering is not reading, so nothing is audited; following the link is decided and
	 * audited again by {@link #require}.
	 */
	@Transactional(readOnly = true)
	public AccessDecision decide(Actor actor, AccessRequest request) {
		PersonId person = request.person();
		AccessDecision decision;
		if (request.who() == AccessRequest.Who.OVERSEER) {
			decision = oversight(actor, person);
		}
		else {
			decision = request.category() == null ? decideRecord(actor, person)
					: decide(actor, person, request.category(), request.source());
			if (decision.permitted()) {
				decision = writer(actor, request).orElse(decision);
			}
			if (decision.override() && isChange(request.action()) && !overridePermitsChange(actor, person)
					&& !repository.evaluateRecord(params(actor), person).relationship()) {
				decision = READ_ONLY_OVERRIDE;
			}
		}
		return decision;
	}

	/** {@link #decide}, as a yes or no for a page deciding what to offer. */
	@Transactional(readOnly = true)
	public boolean allows(Actor actor, AccessRequest request) {
		return decide(actor, request).permitted();
	}

	/**
	 * Refuses a change the writer may not make, even when they may see what it changes.
	 */
	private java.util.Optional<AccessDecision> writer(Actor actor, AccessRequest request) {
		boolean practitioner = actor.practitionerId() != null && actor.organisationId() != null;
		if (actor.personSide()) {
			// Fail closed: a person-side account changes only what is offered to the
			// person themselves; reads pass as decided.
			boolean own = request.who() == AccessRequest.Who.THE_PERSON
					&& repository.actsAsSelf(actor.accountId(), request.person());
			boolean read = request.who() == AccessRequest.Who.ANYONE_WITH_ACCESS && !isChange(request.action());
			// Seeing the record is already decided; speaking for the person is a
			// scope of its own (AccessRules.speaksFor).
			if (request.who() == AccessRequest.Who.PERSON_SIDE) {
				return repository.speaksFor(params(actor), request.person()) ? java.util.Optional.empty()
						: java.util.Optional.of(NOT_SPEAKING_FOR);
			}
			return own || read ? java.util.Optional.empty() : java.util.Optional.of(PERSON_SIDE_CHANGE);
		}
		return switch (request.who()) {
			case THE_PERSON -> java.util.Optional.of(AccessDecision.deny("role",
					"Only the person, signed in with their own account, makes this change"));
			case PERSON_SIDE -> java.util.Optional.of(AccessDecision.deny("role",
					"Only the person or someone acting for them, signed in at their own door, makes this change"));
			case ANYONE_WITH_ACCESS, OVERSEER -> java.util.Optional.empty();
			case PRACTITIONER -> practitioner ? java.util.Optional.empty() : java.util.Optional
				.of(AccessDecision.deny("role", "Only practitioners of a partner organisation make this change"));
			case CARE_TEAM_MEMBER -> practitioner && careTeams.isCurrentMember(request.person(), actor.practitionerId())
					? java.util.Optional.empty() : java.util.Optional.of(AccessDecision.deny("relationship",
							"Only members of the person's care team make this change"));
			case AUTHOR_OR_HOLDING_MANAGER -> !practitioner
					? java.util.Optional.of(AccessDecision.deny("role",
							"Only practitioners of a partner organisation make this change"))
					: actor.username().equals(request.author()) ? java.util.Optional.empty() : actor
						.has(care.seamless.shared.Role.TEAM_MANAGER) && actor.organisationId().equals(request.source())
								? java.util.Optional.empty() : java.util.Optional.of(AccessDecision.deny("author",
										"Only the person who added it, or a team manager of their organisation, takes it off the record"));
		};
	}

	/**
	 * Whether the actor may speak for the person at their door (a message, feedback): the
	 * rule {@link AccessRules#speaksFor} in SQL, without side effects, so a page can say
	 * so instead of offering a form that would be refused.
	 */
	@Transactional(readOnly = true)
	public boolean speaksFor(Actor actor, PersonId person) {
		return actor.personSide() && repository.speaksFor(params(actor), person);
	}

	/** Decides about one item of information without side effects. */
	@Transactional(readOnly = true)
	public AccessDecision decide(Actor actor, PersonId person, DataCategory category, @Nullable OrganisationId source) {
		return decision(repository.evaluate(params(actor), person, category, source));
	}

	/**
	 * {@link #check} for the record, plus {@link #decide} for two categories of one item
	 * (the record's own details), all from one query: the record view's hot path. Returns
	 * the record decision followed by the two item decisions.
	 */
	@Transactional(propagation = Propagation.MANDATORY, noRollbackFor = AccessDenied.class)
	public java.util.List<AccessDecision> checkWithParts(Actor actor, PersonId person, String action, String recordType,
			DataCategory first, DataCategory second, @Nullable OrganisationId source) {
		return auditedWithParts(actor, person, action, recordType,
				repository.evaluatePair(params(actor), person, first, second, source));
	}

	/**
	 * {@link #checkWithParts} as SQL, for a read that opens the record and decides about
	 * it in its own statement (the record view: one round trip instead of several): a
	 * derived table to join laterally to the caller's row, over the person id in
	 * {@code personColumn} and the holder of the record's details in
	 * {@code sourceColumn}. Its boolean columns {@code pdp_open},
	 * {@code pdp_first_visible} and {@code pdp_second_visible} say whether the record may
	 * be opened and each item seen, for the query to read what they guard only when they
	 * hold; the caller passes its row to {@link PartsEvaluation#of} and that to
	 * {@link #auditWithParts}, which decides, audits and refuses exactly as
	 * {@link #checkWithParts} would.
	 */
	public SqlQuery recordWithParts(Actor actor, String personColumn, String sourceColumn, DataCategory first,
			DataCategory second) {
		return new SqlQuery(ruleSql(List.of("recordWithParts", personColumn, sourceColumn, first, second),
				() -> AccessRepository.pairOver(personColumn, sourceColumn, first, second)), params(actor));
	}

	/**
	 * The decisions and audit entry of {@link #checkWithParts} for an evaluation the
	 * caller's query took with {@link #recordWithParts}: the record decision followed by
	 * the two item decisions; throws {@link AccessDenied} (the refusal audited) when the
	 * record may not be opened.
	 */
	@Transactional(propagation = Propagation.MANDATORY, noRollbackFor = AccessDenied.class)
	public java.util.List<AccessDecision> auditWithParts(Actor actor, PersonId person, String action, String recordType,
			PartsEvaluation evaluated) {
		return auditedWithParts(actor, person, action, recordType, evaluated.pair());
	}

	private java.util.List<AccessDecision> auditedWithParts(Actor actor, PersonId person, String action,
			String recordType, AccessRepository.PairEvaluation e) {
		audited(actor, action, recordType, person, person, recordDecision(e.record()));
		return java.util.List.of(recordDecision(e.record()), decision(e.first()), decision(e.second()));
	}

	private static AccessDecision decision(AccessRepository.Evaluation e) {
		if (e.override()) {
			return AccessDecision.byOverride("Emergency access (break glass) is in force for you");
		}
		if (e.actingFor()) {
			return ACTING_FOR;
		}
		if (!e.relationship()) {
			return AccessDecision
				.withheld(e.partialGrant() ? WithheldReason.PARTIAL_ACCESS : WithheldReason.NO_RELATIONSHIP);
		}
		if (!e.agreement()) {
			return AccessDecision.withheld(WithheldReason.NO_AGREEMENT);
		}
		if (e.objected()) {
			return AccessDecision.withheld(WithheldReason.OBJECTION);
		}
		if (e.sensitiveCrossing() && !e.consented()) {
			return AccessDecision.withheld(WithheldReason.NO_CONSENT);
		}
		return AccessDecision.permit(e.sensitiveCrossing() ? "consent" : "relationship",
				e.sensitiveCrossing() ? "The person has consented to sharing this with your organisation"
						: "You are in this person's care team");
	}

	/**
	 * Whether information of {@code category} held by {@code source} may be sent to
	 * {@code recipient} for the sender's purpose (a referral): the agreement, objection
	 * and consent policies with the recipient organisation as the viewer, from the same
	 * SQL. The relationship is not asked, because the sending creates it (a team grant),
	 * and the caller audits the sending with this decision.
	 */
	@Transactional(readOnly = true)
	public AccessDecision disclosure(Actor sender, PersonId person, DataCategory category, OrganisationId source,
			OrganisationId recipient) {
		Map<String, Object> params = new HashMap<>();
		params.put(CareTeams.PRACTITIONER_PARAM, NOBODY);
		params.put("viewerOrg", recipient.id());
		params.put("purpose", sender.purpose().name());
		params.put("pdpAccount", "");
		params.put("pdpSide", NOBODY);
		AccessRepository.Evaluation e = repository.evaluate(params, person, category, source);
		return decision(new AccessRepository.Evaluation(false, true, e.agreement(), e.objected(), e.sensitiveCrossing(),
				e.consented(), false, false));
	}

	/**
	 * Decides whether the actor may open the person's record at all (individual items are
	 * filtered separately).
	 */
	@Transactional(readOnly = true)
	public AccessDecision decideRecord(Actor actor, PersonId person) {
		return recordDecision(repository.evaluateRecord(params(actor), person));
	}

	private static AccessDecision recordDecision(AccessRepository.RecordEvaluation e) {
		if (e.override()) {
			return AccessDecision.byOverride("Emergency access (break glass) is in force for you");
		}
		if (e.relationship() && e.personSide()) {
			return ACTING_FOR;
		}
		if (e.relationship()) {
			return AccessDecision.permit("relationship", "You are in this person's care team");
		}
		return AccessDecision.withheld(WithheldReason.NO_RELATIONSHIP);
	}

	/**
	 * {@link #decideRecord} as a SQL expression over the person id in
	 * {@code personColumn}, for a read that opens a record in its own query rather than
	 * asking here first (a partner system's read by id: one round trip instead of
	 * several): {@code 'OVERRIDE'}, {@code 'ACTING_FOR'}, {@code 'RELATIONSHIP'}, or null
	 * when the record may not be opened. The caller passes the value to
	 * {@link #auditRecordRead}, which audits it as {@link #checkWithParts} would, and
	 * reads the record's contents only where the value is not null.
	 */
	public SqlCondition recordDecision(Actor actor, String personColumn) {
		// The order of recordDecision(RecordEvaluation): acting-for implies the
		// relationship, because the record relationship includes it.
		return new SqlCondition(
				ruleSql(List.of("recordDecision", personColumn),
						() -> "(case when " + AccessRules.override(personColumn) + " then 'OVERRIDE' when "
								+ AccessRules.actingForRecord(personColumn) + " then 'ACTING_FOR' when "
								+ AccessRules.recordRelationship(personColumn) + " then 'RELATIONSHIP' end)"),
				params(actor));
	}

	/**
	 * {@link #recordDecision} and {@link #visibleItems} of the record's own details
	 * (category general, held by the organisation in {@code sourceColumn}) as a derived
	 * table to join laterally to the caller's row: {@code record_decision} as
	 * {@link #recordDecision} yields it, and {@code details_visible}, the details rule,
	 * only where that is not null. The rules the two share are evaluated once for both (a
	 * partner system's read by id: ADR 123). The caller audits {@code record_decision}
	 * with {@link #auditRecordRead}.
	 */
	public SqlQuery recordWithDetails(Actor actor, String personColumn, String sourceColumn) {
		return new SqlQuery(ruleSql(List.of("recordWithDetails", personColumn, sourceColumn),
				() -> AccessRepository.recordAndDetailsOver(personColumn, sourceColumn)), params(actor));
	}

	/**
	 * Audits the opening of a record whose decision the caller's query took with
	 * {@link #recordDecision} (or {@link #recordWithDetails}), with the entry
	 * {@link #checkWithParts} writes; throws {@link AccessDenied} (the refusal audited)
	 * when {@code decided} is null or unknown.
	 */
	@Transactional(propagation = Propagation.MANDATORY, noRollbackFor = AccessDenied.class)
	public AccessDecision auditRecordRead(Actor actor, PersonId person, String action, String recordType,
			@Nullable String decided) {
		boolean override = "OVERRIDE".equals(decided);
		boolean actingFor = "ACTING_FOR".equals(decided);
		boolean relationship = actingFor || "RELATIONSHIP".equals(decided);
		return audited(actor, action, recordType, person, person,
				recordDecision(new AccessRepository.RecordEvaluation(override, relationship, actingFor)));
	}

	/**
	 * Whether the actor oversees the person's record
	 * ({@link AccessRequest.Who#OVERSEER}), so that pages offer what oversight opens only
	 * to overseers. Nothing is read here: opening it is still decided and audited by
	 * {@link #require}.
	 */
	public boolean oversees(Actor actor, PersonId person) {
		return oversight(actor, person).permitted();
	}

	/**
	 * Who may see who looked at the record: Caldicott guardians any person's history,
	 * team managers that of people their teams work with.
	 */
	private AccessDecision oversight(Actor actor, PersonId person) {
		if (actor.has(Role.CALDICOTT_GUARDIAN)) {
			return AccessDecision.permit("oversight", "Caldicott guardians oversee access to every record");
		}
		if (actor.has(Role.TEAM_MANAGER) && actor.practitionerId() != null
				&& careTeams.isManagedBy(person, actor.practitionerId())) {
			return AccessDecision.permit("oversight", "You manage a team that works with this person");
		}
		return AccessDecision.deny("oversight",
				"Only the Caldicott guardian or a manager of a team working with this person may see who looked at the record");
	}

	/**
	 * {@link #require} for opening the record ({@code category} is not decided: items are
	 * filtered by the queries that read them).
	 */
	@Transactional(propagation = Propagation.MANDATORY, noRollbackFor = AccessDenied.class)
	public AccessDecision check(Actor actor, PersonId person, DataCategory category, String action, String recordType) {
		return require(actor, AccessRequest.toOpen(person, action, recordType));
	}

	/**
	 * Emergency access is for reading; it allows a change only under a reason that needs
	 * one ({@link OverrideReason#permitsChange}). Every action that is not a read (or
	 * printing what may be read) is a change.
	 */
	private static boolean isChange(String action) {
		return !(action.equals("read") || action.startsWith("read-") || action.startsWith("print-"));
	}

	private boolean overridePermitsChange(Actor actor, PersonId person) {
		return overrides.activeReasons(person, actor.username()).stream().anyMatch(OverrideReason::permitsChange);
	}

	/**
	 * Records the decision, once, with its true outcome, and throws when it refuses.
	 * Every refusal in this module ends here, so none is ever audited as permitted.
	 */
	AccessDecision audited(Actor actor, String action, String recordType, @Nullable Object recordId, PersonId person,
			AccessDecision decision) {
		return audited(actor, action, recordType, recordId, person, decision, false);
	}

	/**
	 * {@link #audited}; {@code item} says the question was about one item rather than the
	 * whole record, so that a refusal page does not say the record is closed when only
	 * the item is.
	 */
	private AccessDecision audited(Actor actor, String action, String recordType, @Nullable Object recordId,
			PersonId person, AccessDecision decision, boolean item) {
		AuditEvent event = decision.permitted() ? AuditEvent.permitted(actor, action, recordType, recordId, person)
				: AuditEvent.denied(actor, action, recordType, recordId, person, "");
		event = event.withReason(decision.policy() + ": " + decision.reason());
		auditLog.record(decision.override() ? event.asOverride() : event);
		if (!decision.permitted()) {
			throw new AccessDenied(person, decision, item);
		}
		return decision;
	}

	/**
	 * Record-level visibility as SQL over the person id in {@code personColumn}
	 * (caseloads, search flags).
	 */
	public SqlCondition visibleRecords(Actor actor, String personColumn) {
		return new SqlCondition(ruleSql(List.of("visibleRecords", personColumn), () -> "("
				+ AccessRules.override(personColumn) + " or " + AccessRules.recordRelationship(personColumn) + ")"),
				params(actor));
	}

	/**
	 * {@link #visibleRecords}, one record per person: of a person's linked records the
	 * actor may open, only the first (the survivor of the group if it is among them)
	 * passes, so a caseload lists a person once however many records they have.
	 */
	public SqlCondition visiblePeople(Actor actor, String personColumn) {
		return new SqlCondition(peopleRule(personColumn), params(actor));
	}

	private static String peopleRule(String personColumn) {
		return ruleSql(List.of("visiblePeople", personColumn),
				() -> "(" + AccessRules.override(personColumn) + " or " + AccessRules.recordRelationship(personColumn)
						+ ") and " + AccessRules.firstVisibleOfPerson(personColumn));
	}

	/**
	 * {@link #visiblePeople}, found from the actor's side: the same rule, applied only to
	 * the people the actor could reach at all (their care teams, records linked with
	 * those, their teams' grants, their overrides, the people they act for), which are a
	 * superset of those the rule admits. It admits exactly the same records, but a list
	 * built on it reads the actor's few hundred people instead of testing every person in
	 * the register (a caseload at a million people).
	 */
	public SqlCondition ownPeople(Actor actor, String personColumn) {
		return new SqlCondition(
				ruleSql(List.of("ownPeople", personColumn),
						() -> personColumn + " in (" + AccessRules.reachable() + ") and " + peopleRule(personColumn)),
				params(actor));
	}

	/**
	 * The people the actor could reach at all, as a query of one column,
	 * {@code person_id}: their care teams' people, records linked with those, their
	 * teams' current grants, their own unexpired overrides and the people they act for
	 * ({@link #ownPeople} starts from the same set). Every person {@link #visibleItems}
	 * or {@link #visibleRecords} admits is among them, so a list may read only these
	 * people's rows and apply those rules, unchanged, to them (ADR 77). It decides
	 * nothing itself: a list must still AND in the rule.
	 */
	public SqlQuery reachablePeople(Actor actor) {
		return new SqlQuery(AccessRules.reachable(), params(actor));
	}

	/**
	 * {@link #visibleItems} for a team manager's management report (counts by reason,
	 * say): a manager also counts the people that a member of a team they manage works
	 * with, under the same agreement, objection and consent rules for the manager's own
	 * organisation. Anyone else gets exactly {@link #visibleItems}. Never for opening a
	 * record or showing its contents.
	 */
	public SqlCondition visibleToManager(Actor actor, String personColumn, String categoryColumn, String sourceColumn) {
		if (!actor.has(Role.TEAM_MANAGER) || actor.practitionerId() == null) {
			return visibleItems(actor, personColumn, categoryColumn, sourceColumn);
		}
		return new SqlCondition(AccessRules.overseen(personColumn, categoryColumn, sourceColumn), params(actor));
	}

	/**
	 * Item-level visibility as SQL: the exact rule of {@link #decide}, to AND into a
	 * query's WHERE clause.
	 */
	public SqlCondition visibleItems(Actor actor, String personColumn, String categoryColumn, String sourceColumn) {
		return new SqlCondition(ruleSql(List.of("visible", personColumn, categoryColumn, sourceColumn),
				() -> AccessRules.visible(personColumn, categoryColumn, sourceColumn)), params(actor));
	}

	/**
	 * {@link #visibleItems} for itemised information (an assessment section's answers, a
	 * plan item) whose id is in {@code itemColumn}: a grant naming the item reaches it, a
	 * grant of its category only if that grant reaches items.
	 */
	public SqlCondition visibleItems(Actor actor, String personColumn, String categoryColumn, String sourceColumn,
			ItemKind kind, String itemColumn) {
		return new SqlCondition(
				ruleSql(List.of("visibleItem", personColumn, categoryColumn, sourceColumn, kind, itemColumn),
						() -> AccessRules.visibleItem(personColumn, categoryColumn, sourceColumn, kind, itemColumn)),
				params(actor));
	}

	/**
	 * {@link #withheldReason} for itemised information, as {@link #visibleItems}: null
	 * exactly when that item rule holds, as for the other form.
	 */
	public SqlCondition withheldReason(Actor actor, String personColumn, String categoryColumn, String sourceColumn,
			ItemKind kind, String itemColumn) {
		return new SqlCondition(ruleSql(
				List.of("withheldItemReason", personColumn, categoryColumn, sourceColumn, kind, itemColumn),
				() -> AccessRules.withheldItemReason(personColumn, categoryColumn, sourceColumn, kind, itemColumn)),
				params(actor));
	}

	/**
	 * {@link #withheldReason} for rows of itemised information of several kinds, and rows
	 * of no item, in one expression: the kind is in {@code kindColumn} (an
	 * {@link ItemKind}'s name) and the item in {@code itemColumn}. For a row whose kind
	 * is {@code K} it is the item form for {@code K}; for a row whose kind and item are
	 * null, the form without an item. A statement may so evaluate the rule once in its
	 * text for every item and key it decides (ADR 112).
	 */
	public SqlCondition withheldItemReason(Actor actor, String personColumn, String categoryColumn, String sourceColumn,
			String kindColumn, String itemColumn) {
		return new SqlCondition(ruleSql(
				List.of("withheldItemReasonOfKind", personColumn, categoryColumn, sourceColumn, kindColumn, itemColumn),
				() -> AccessRules.withheldItemReason(personColumn, categoryColumn, sourceColumn, kindColumn,
						itemColumn)),
				params(actor));
	}

	/**
	 * Whether any grant names the item whose id is in {@code itemColumn}, whoever it is
	 * for and whether it has expired or not. Where none does, {@link #withheldItemReason}
	 * of the item is that of its person, category and holder with no item: the grant's
	 * branch that names an item is then false or null for every grant, and it is read
	 * only inside an {@code exists}. So a statement may decide such items by their key
	 * (ADR 124).
	 */
	public static String anyGrantNamesItemSql(String itemColumn) {
		return "exists (select 1 from consent.access_grant pdp_n where pdp_n.item_id = " + itemColumn + ")";
	}

	/**
	 * A text SQL expression naming a {@link WithheldReason}, with the same parameters. It
	 * is null exactly when {@link #visibleItems} over the same columns holds (its first
	 * branch is that rule, and every other branch names a reason), so a statement may
	 * evaluate the reason once per row and take "the reason is null" as the rule, instead
	 * of evaluating the rule a second time (ADR 94).
	 */
	public SqlCondition withheldReason(Actor actor, String personColumn, String categoryColumn, String sourceColumn) {
		return new SqlCondition(ruleSql(List.of("withheldReason", personColumn, categoryColumn, sourceColumn),
				() -> AccessRules.withheldReason(personColumn, categoryColumn, sourceColumn)), params(actor));
	}

	/**
	 * Who may see that someone is waiting for a lead professional, to allocate them: a
	 * team manager, for people their own organisation registered (the record's holder in
	 * {@code holderColumn}). The caller adds "no care team yet"; with a care team, the
	 * record is for its members to see.
	 */
	public SqlCondition allocatable(Actor actor, String holderColumn) {
		if (!actor.has(Role.TEAM_MANAGER) || actor.organisationId() == null || actor.practitionerId() == null) {
			return SqlCondition.never();
		}
		return new SqlCondition(holderColumn + " = cast(:viewerOrg as uuid)", params(actor));
	}

	/**
	 * The text of a rule over the given columns, built once: it depends on nothing but
	 * them (the viewer is in the parameters), and building it, several kilobytes of
	 * concatenation, was a visible share of a list read's CPU. The keys are the columns
	 * named in this code base's queries, so the map stays small.
	 */
	private static String ruleSql(List<Object> key, Supplier<String> build) {
		String sql = RULE_SQL.get(key);
		return sql != null ? sql : RULE_SQL.computeIfAbsent(key, k -> build.get());
	}

	static Map<String, Object> params(Actor actor) {
		Map<String, Object> params = new HashMap<>();
		boolean personSide = actor.personSide();
		params.put(CareTeams.PRACTITIONER_PARAM, actor.practitionerId() == null ? NOBODY : actor.practitionerId().id());
		params.put("viewerOrg", actor.organisationId() == null || personSide ? NOBODY : actor.organisationId().id());
		params.put("purpose", actor.purpose().name());
		// A person-side username may equal a staff one: it must never match an
		// override, which is recorded by staff username.
		params.put("pdpAccount", personSide ? "" : actor.username());
		params.put("pdpSide", personSide ? actor.accountId().id() : NOBODY);
		return params;
	}

	/**
	 * Items of {@code itemType} a practitioner marked "not shown to the person" are
	 * hidden from person-side viewers; AND this into a person-facing query beside
	 * {@link #visibleItems}. Always true for staff.
	 */
	public SqlCondition shownToPersonSide(Actor actor, String itemType, String itemColumn) {
		return new SqlCondition(AccessRules.shownToPersonSide(itemType, itemColumn), params(actor));
	}

}
