package care.seamless.consent;

import care.seamless.partnership.Agreements;
import care.seamless.shared.DataCategory;
import care.seamless.team.CareTeams;

/**
 * The named policies as SQL boolean expressions over one item: a person ({@code p}), a
 * data category ({@code c}) and the organisation that recorded it ({@code s}, null for
 * information that belongs to the whole partnership). Both the single-record decision and
 * every list query are built from these same expressions, so they cannot disagree.
 * Parameters: {@code :ctPractitioner}, {@code :viewerOrg}, {@code :purpose},
 * {@code :pdpAccount}.
 */
final class AccessRules {

	private AccessRules() {
	}

	/**
	 * Relationship: in the person's care team, in the care team of a record linked with
	 * it as far as the link carries, or in a team with a current grant (e.g. a pending
	 * referral).
	 */
	static String relationship(String p, String c) {
		return relationship(p, c, grant(p, c));
	}

	private static String relationship(String p, String c, String grant) {
		return related(CareTeams.currentMemberSql(p), p, c, grant);
	}

	/** Membership, a linked record's care team or a grant, whichever holds first. */
	private static String related(String member, String p, String c, String grant) {
		return "(" + member + " or " + linkedCareTeam(p, c) + " or " + grant + ")";
	}

	/**
	 * A record-level relationship: care team (a linked record's counting as far as the
	 * link carries general information), or any current team grant, whatever its
	 * categories.
	 */
	static String recordRelationship(String p) {
		return recordRelationship(p, CareTeams.currentMemberSql(p), grant(p, null), actingForRecord(p));
	}

	/**
	 * {@link #recordRelationship} over the care-team membership, the record-level grant
	 * ({@link #partialGrant}) and {@link #actingForRecord} already evaluated, in columns
	 * of the caller's query: the record view evaluates each of them once for the record
	 * and both its items (ADR 110).
	 */
	static String recordRelationship(String p, String member, String anyGrant, String actingForRecord) {
		return "(" + member + " or " + linkedCareTeam(p, "'GENERAL'") + " or " + anyGrant + " or " + actingForRecord
				+ ")";
	}

	/**
	 * {@link #relationship} over the care-team membership already evaluated, in a column
	 * of the caller's query (ADR 110).
	 */
	static String relationshipWithMember(String member, String p, String c) {
		return related(member, p, c, grant(p, c));
	}

	/**
	 * The people the viewer could reach at all, as an SQL query of person ids found from
	 * the viewer's side: the people whose care team they are in, records linked with
	 * those (whether or not the link carries), people their teams hold a current grant
	 * for, their own unexpired overrides, and the people their person-side account acts
	 * for. Every person {@link #override} or {@link #recordRelationship} admits is among
	 * them, whatever the choices and agreements, because each of those conditions
	 * requires one of these rows; so a list may start from them and apply the rule to
	 * them alone instead of to the whole register. A new way of reaching a record must be
	 * added here as well as to the rule, or it will be missing from such lists
	 * (CaseloadTests compares the caseload with the register-wide form, and
	 * PlanItemVisibilityTests the worklist's action queues with the organisation-wide
	 * form).
	 */
	static String reachable() {
		return """
				select pdp_k.person_id from (%s
				 union select pdp_km.person_id from consent.identity_link pdp_km
				  join consent.identity_link pdp_ko on pdp_ko.group_id = pdp_km.group_id and pdp_ko.person_id <> pdp_km.person_id
				  where pdp_ko.person_id in (%s)
				 union select pdp_kg.person_id from consent.access_grant pdp_kg
				  where pdp_kg.expires_at > now() and pdp_kg.team_id in (%s)
				 union select pdp_kv.person_id from consent.override pdp_kv
				  where pdp_kv.account = :pdpAccount and pdp_kv.expires_at > now()
				 union select pdp_ka.person_id from consent.acting_for pdp_ka
				  where pdp_ka.account_id = cast(:pdpSide as uuid) and pdp_ka.ended_at is null) pdp_k"""
			.formatted(CareTeams.currentPeopleSql(), CareTeams.currentPeopleSql(), CareTeams.viewerTeamsSql());
	}

	/**
	 * In the care team of another record linked with this one as the same person
	 * ({@link LinkedIdentities}), and the link carries: a link must never widen anyone's
	 * access. It carries to a record held by the viewer's own organisation; or, when the
	 * person has not objected to the viewer's organisation for this category on any of
	 * their records, to a record of the whole partnership (no holder) or one whose holder
	 * shares the category with the viewer's organisation under an active agreement.
	 * Otherwise a linked duplicate would let a practitioner the person objected to, or an
	 * organisation with no agreement, open the original record.
	 */
	private static String linkedCareTeam(String p, String c) {
		return """
				exists (select 1 from consent.identity_link pdp_mine
				 join consent.identity_link pdp_other on pdp_other.group_id = pdp_mine.group_id and pdp_other.person_id <> pdp_mine.person_id
				 where pdp_mine.person_id = %s and %s
				 and (pdp_mine.holder_organisation_id = cast(:viewerOrg as uuid)
				  or (coalesce(consent.effective_choice(%s, cast(:viewerOrg as uuid), %s), '') not in ('OBJECTION', 'DISSENT')
				   and (pdp_mine.holder_organisation_id is null or %s))))"""
			.formatted(p, CareTeams.currentMemberSql("pdp_other.person_id"), p, c,
					Agreements.coversSql("pdp_mine.holder_organisation_id", c));
	}

	/**
	 * No other record of the same person that the viewer may open ranks before this one
	 * (the survivor first, then by id), so a list shows each linked person once.
	 */
	static String firstVisibleOfPerson(String p) {
		return """
				not exists (select 1 from consent.identity_link pdp_lm
				 join consent.identity_link pdp_lo on pdp_lo.group_id = pdp_lm.group_id and pdp_lo.person_id <> pdp_lm.person_id
				 where pdp_lm.person_id = %s
				 and (pdp_lo.person_id <> pdp_lo.group_id, pdp_lo.person_id) < (pdp_lm.person_id <> pdp_lm.group_id, pdp_lm.person_id)
				 and (%s or %s))"""
			.formatted(p, override("pdp_lo.person_id"), recordRelationship("pdp_lo.person_id"));
	}

	/**
	 * A current team grant: for a category, only a category grant that reaches the whole
	 * category. A referral's grant does not (reaches_items false): while pending, the
	 * receiving team opens the record (its identifying details) and reads the items sent,
	 * named one by one, and no document, alert, carer's view or other information of the
	 * categories sent. With no category, any grant: the record-level relationship.
	 */
	private static String grant(String p, String c) {
		return """
				exists (select 1 from consent.access_grant pdp_g
				  where pdp_g.person_id = %s and pdp_g.expires_at > now()%s and %s)""".formatted(p,
				c == null ? "" : " and pdp_g.item_id is null and pdp_g.reaches_items and pdp_g.category = " + c,
				CareTeams.teamMemberSql("pdp_g.team_id"));
	}

	/**
	 * Any current grant of part of the person's record to one of the viewer's teams: why
	 * a viewer who may open the record (with identifying details) is refused an item.
	 */
	static String partialGrant(String p) {
		return grant(p, null);
	}

	/**
	 * A grant reaching one item of itemised information (an assessment section, a plan
	 * item) whose id is in {@code itemColumn}: the item granted by name, or a category
	 * grant that reaches items (every grant but a referral's, which names its items).
	 */
	private static String itemGrant(String p, String c, ItemKind kind, String itemColumn) {
		return itemGrant(p, c, "'" + kind.name() + "'", itemColumn);
	}

	/**
	 * {@link #itemGrant} with the item's kind in an SQL expression ({@code kindSql}): a
	 * null kind and item reach no item by name, so the grant is then exactly
	 * {@link #grant} of the category (a null disjunct leaves the other to decide).
	 */
	private static String itemGrant(String p, String c, String kindSql, String itemColumn) {
		return """
				exists (select 1 from consent.access_grant pdp_g
				  where pdp_g.person_id = %s and pdp_g.expires_at > now() and %s
				  and ((pdp_g.item_id is null and pdp_g.reaches_items and pdp_g.category = %s)
				   or (pdp_g.item_type = %s and pdp_g.item_id = %s)))""".formatted(p,
				CareTeams.teamMemberSql("pdp_g.team_id"), c, kindSql, itemColumn);
	}

	/**
	 * Override: the acting account has an unexpired break-glass record for this person.
	 */
	static String override(String p) {
		return "exists (select 1 from consent.override pdp_o where pdp_o.person_id = %s and pdp_o.account = :pdpAccount and pdp_o.expires_at > now())"
			.formatted(p);
	}

	/**
	 * Crossing: the information was recorded by another organisation than the viewer's.
	 */
	static String crossing(String s) {
		return "(%s is not null and %s is distinct from cast(:viewerOrg as uuid))".formatted(s, s);
	}

	/**
	 * Agreement: information stays in its organisation, or an active agreement covers
	 * both, the purpose and category.
	 */
	static String agreement(String s, String c) {
		return "(not " + crossing(s) + " or " + Agreements.coversSql(s, c) + ")";
	}

	/**
	 * Objection: the person's effective choice for this viewer and category is an
	 * objection or dissent.
	 */
	static String objected(String p, String s, String c) {
		// Like agreements, objections govern information crossing from another
		// organisation; core details that
		// belong to the whole partnership (no source) stay visible to the care team so
		// care remains safe.
		return objectedBy(s, choice(p, c));
	}

	/** {@link #objected} over the person's {@link #choice}, evaluated by the caller. */
	static String objectedBy(String s, String choice) {
		return "(" + crossing(s) + " and " + choice + " in ('OBJECTION', 'DISSENT'))";
	}

	/**
	 * The person's effective choice for this viewer and category, '' when they have made
	 * none: what {@link #objected} and {@link #consented} ask of it.
	 */
	static String choice(String p, String c) {
		return "coalesce(consent.effective_choice(%s, cast(:viewerOrg as uuid), %s), '')".formatted(p, c);
	}

	/** Sensitivity: a category that needs explicit consent is crossing organisations. */
	static String sensitiveCrossing(String s, String c) {
		return "(%s in (%s) and %s)".formatted(c, DataCategory.explicitConsentSqlList(), crossing(s));
	}

	/**
	 * Consent: the person's effective choice for this viewer and category is explicit
	 * consent.
	 */
	static String consented(String p, String c) {
		return consentedBy(choice(p, c));
	}

	/** {@link #consented} over the person's {@link #choice}, evaluated by the caller. */
	static String consentedBy(String choice) {
		return "(" + choice + " = 'CONSENT')";
	}

	/**
	 * The combined rule: fail closed, every policy must allow, unless an override
	 * applies.
	 */
	static String visible(String p, String c, String s) {
		return visible(p, c, s, relationship(p, c));
	}

	/**
	 * {@link #visible} for a team manager's management report: the relationship may also
	 * be through a member of a team the viewer manages who is in the person's care team.
	 * Agreements, objections and consent apply to the viewer's organisation as always.
	 */
	static String overseen(String p, String c, String s) {
		return visible(p, c, s, "(" + relationship(p, c) + " or " + CareTeams.managedMemberSql(p) + ")");
	}

	/** {@link #visible} for one item of itemised information, reached by item grants. */
	static String visibleItem(String p, String c, String s, ItemKind kind, String itemColumn) {
		return visible(p, c, s, relationship(p, c, itemGrant(p, c, kind, itemColumn)));
	}

	private static String visible(String p, String c, String s, String relationship) {
		return visible(p, c, s, override(p), relationship, actingFor(p, c));
	}

	/**
	 * {@link #visible} over the override, the care-team membership and acting for the
	 * person over {@code c} already evaluated, in columns of the caller's query: a read
	 * that also takes the record decision evaluates each of them once for both (ADR 123).
	 */
	static String visibleWith(String p, String c, String s, String override, String member, String actingFor) {
		return visible(p, c, s, override, relationshipWithMember(member, p, c), actingFor);
	}

	private static String visible(String p, String c, String s, String override, String relationship,
			String actingFor) {
		return "(" + override + " or (" + relationship + " and " + agreement(s, c) + " and not " + objected(p, s, c)
				+ " and (not " + sensitiveCrossing(s, c) + " or " + consented(p, c) + ")) or " + actingFor + ")";
	}

	/**
	 * Acting for: the viewer's person-side account ({@code :pdpSide}) is recorded as the
	 * person themselves, or as acting for them, and the kind covers the category:
	 * information about other people (third party) never; the person sees the rest; a
	 * carer sees what the person agreed to share with them; a property-and-finance
	 * attorney core details and finances; a health-and-welfare attorney or an advocate
	 * everything but finances, and only while the latest capacity assessment finds the
	 * person lacks capacity (Mental Capacity Act 2005 s11(7)). Staff viewers have no
	 * person-side account, so this never holds for them; a person-side viewer matches no
	 * practitioner, organisation or override, so no other policy holds for it.
	 */
	static String actingFor(String p, String c) {
		return """
				exists (select 1 from consent.acting_for pdp_af
				 where pdp_af.account_id = cast(:pdpSide as uuid) and pdp_af.person_id = %s and pdp_af.ended_at is null
				 and %s <> 'THIRD_PARTY'
				 and case pdp_af.kind
				  when 'SELF' then true
				  when 'CARER' then %s = any (pdp_af.categories)
				  when 'ATTORNEY_PROPERTY_FINANCE' then %s in ('GENERAL', 'FINANCES')
				  when 'ATTORNEY_HEALTH_WELFARE' then %s <> 'FINANCES' and %s
				  when 'ADVOCATE' then %s <> 'FINANCES' and %s
				  else false end)""".formatted(p, c, c, c, c, lacksCapacity("pdp_af.person_id"), c,
				lacksCapacity("pdp_af.person_id"));
	}

	/**
	 * Speaking for the person (a message to the care team, feedback): the viewer's
	 * person-side account is the person; or a carer or property-and-finance attorney the
	 * person allowed to speak for them; or a health-and-welfare attorney or advocate
	 * while the latest capacity assessment finds the person lacks capacity, when the law,
	 * not the person, gives them that voice.
	 */
	static String speaksFor(String p) {
		return """
				exists (select 1 from consent.acting_for pdp_sf
				 where pdp_sf.account_id = cast(:pdpSide as uuid) and pdp_sf.person_id = %s and pdp_sf.ended_at is null
				 and case pdp_sf.kind
				  when 'SELF' then true
				  when 'CARER' then pdp_sf.speaks_for
				  when 'ATTORNEY_PROPERTY_FINANCE' then pdp_sf.speaks_for
				  when 'ATTORNEY_HEALTH_WELFARE' then %s
				  when 'ADVOCATE' then %s
				  else false end)""".formatted(p, lacksCapacity("pdp_sf.person_id"), lacksCapacity("pdp_sf.person_id"));
	}

	/** The latest capacity assessment of the person found they lack capacity. */
	static String lacksCapacity(String p) {
		return "coalesce((select pdp_ca.lacks_capacity from consent.capacity_assessment pdp_ca where pdp_ca.person_id = %s order by pdp_ca.assessed_at desc limit 1), false)"
			.formatted(p);
	}

	/**
	 * Opening the record from a person-side account: acting for the person in a scope
	 * that covers their core details.
	 */
	static String actingForRecord(String p) {
		return actingFor(p, "'GENERAL'");
	}

	/**
	 * The item is not marked "not shown to the person": always true for staff viewers, as
	 * the mark is for person-side accounts only.
	 */
	static String shownToPersonSide(String itemType, String itemColumn) {
		return "(cast(:pdpSide as uuid) = cast('00000000-0000-0000-0000-000000000000' as uuid) or not exists (select 1 from consent.not_shown pdp_ns where pdp_ns.item_type = '%s' and pdp_ns.item_id = %s and pdp_ns.ended_at is null))"
			.formatted(itemType, itemColumn);
	}

	/**
	 * Why an item is withheld, as a reason code; null when it is visible. Same order as
	 * {@link AccessPolicy}.
	 */
	static String withheldReason(String p, String c, String s) {
		return withheldReason(p, c, s, visible(p, c, s), relationship(p, c));
	}

	static String withheldItemReason(String p, String c, String s, ItemKind kind, String itemColumn) {
		return withheldItemReason(p, c, s, "'" + kind.name() + "'", itemColumn);
	}

	/**
	 * {@link #withheldItemReason} with the item's kind in an SQL expression: for a row
	 * whose kind and item are null it is {@link #withheldReason} of the category.
	 */
	static String withheldItemReason(String p, String c, String s, String kindSql, String itemColumn) {
		String relationship = relationship(p, c, itemGrant(p, c, kindSql, itemColumn));
		return withheldReason(p, c, s, visible(p, c, s, relationship), relationship);
	}

	private static String withheldReason(String p, String c, String s, String visible, String relationship) {
		return "case when " + visible + " then null when not " + relationship + " then case when " + partialGrant(p)
				+ " then 'PARTIAL_ACCESS' else 'NO_RELATIONSHIP' end when not " + agreement(s, c)
				+ " then 'NO_AGREEMENT' when " + objected(p, s, c) + " then 'OBJECTION' else 'NO_CONSENT' end";
	}

}
