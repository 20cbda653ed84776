package care.seamless.consent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Role;
import care.seamless.shared.TeamId;
import care.seamless.team.CareTeamChange;
import care.seamless.team.CareTeamMember;
import care.seamless.team.CareTeamPermissions;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;
import care.seamless.team.MembershipStartingCheck;
import care.seamless.team.Team;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may create access: add someone to a care team, give a team access to categories of
 * a person's information, or join or separate two records of one person. Each is a named
 * policy returning a decision and its reason, like the read rules; the writes that use
 * them audit that decision, and a refusal goes through {@link AccessPolicy} like every
 * other (ADR 16).
 */
@Component
class WritePermissions implements MembershipStartingCheck, CareTeamPermissions {

	private final AccessPolicy accessPolicy;

	private final AccessRepository access;

	private final CareTeams careTeams;

	private final Directory directory;

	private final Clock clock;

	private final ObjectProvider<PersonFacts> personFacts;

	WritePermissions(AccessPolicy accessPolicy, AccessRepository access, CareTeams careTeams, Directory directory,
			Clock clock, ObjectProvider<PersonFacts> personFacts) {
		this.personFacts = personFacts;
		this.accessPolicy = accessPolicy;
		this.access = access;
		this.careTeams = careTeams;
		this.directory = directory;
		this.clock = clock;
	}

	@java.lang.Override
	@Transactional(propagation = Propagation.MANDATORY, noRollbackFor = AccessDenied.class)
	public String requirePermission(Actor actor, PersonId person, PractitionerId practitioner, boolean lead) {
		AccessDecision decision = careTeamAddition(actor, person, practitioner, lead);
		if (!decision.permitted()) {
			accessPolicy.audited(actor, lead ? "add-lead" : "add-member", "CareTeamMember", null, person, decision);
		}
		return reason(decision);
	}

	@java.lang.Override
	@Transactional(propagation = Propagation.MANDATORY, noRollbackFor = AccessDenied.class)
	public String requireSetUpPermission(Actor actor, PersonId person, PractitionerId practitioner, boolean lead) {
		AccessDecision decision = careTeamSetUp(actor, person, practitioner);
		if (!decision.permitted()) {
			accessPolicy.audited(actor, "set-up-member", "CareTeamMember", null, person, decision);
		}
		return reason(decision);
	}

	@java.lang.Override
	@Transactional(propagation = Propagation.MANDATORY, noRollbackFor = AccessDenied.class)
	public String requirePermission(Actor actor, CareTeamChange change) {
		AccessDecision decision = careTeamChange(actor, change);
		if (!decision.permitted()) {
			accessPolicy.audited(actor, change.kind().action(), "CareTeamRequest", null, change.person(), decision);
		}
		return reason(decision);
	}

	@java.lang.Override
	@Transactional(readOnly = true)
	public boolean mayChange(Actor actor, CareTeamChange change) {
		PractitionerId self = actor.practitionerId();
		if (self == null || actor.organisationId() == null) {
			return false;
		}
		LocalDate today = LocalDate.now(clock);
		List<CareTeamMember> current = careTeams.members(change.person())
			.stream()
			.filter(m -> m.isCurrent(today))
			.toList();
		return whoMayChange(actor, self, change, current).permitted();
	}

	@java.lang.Override
	@Transactional(propagation = Propagation.MANDATORY, noRollbackFor = AccessDenied.class)
	public void requireRead(Actor actor, PersonId person, String action) {
		accessPolicy.require(actor, AccessRequest.toOpen(person, action, "CareTeam"));
	}

	/**
	 * Who may change a care team built from empty (issue 11). First who acts: the lead
	 * professional or a manager of a team in the care team invites; the lead or a manager
	 * of the lead's team hands over; only the incoming lead accepts a handover; the
	 * invitee or a manager of their team answers an invitation; the lead or a manager of
	 * the lead's team answers a request to join; any practitioner outside the care team
	 * may ask to join; a team manager allocates someone with no care team, registered by
	 * their organisation, to a practitioner of their team; the lead, a manager of a team
	 * in the care team or of the member's team, or the member themselves ends an
	 * involvement. Then, whenever the change lets someone in, the person's objection to
	 * the newcomer's organisation and the sharing agreements still hold: a newcomer from
	 * an organisation not yet in the care team needs an active agreement with the lead's
	 * organisation for general information and direct care.
	 */
	AccessDecision careTeamChange(Actor actor, CareTeamChange change) {
		PractitionerId self = actor.practitionerId();
		if (self == null || actor.organisationId() == null) {
			return AccessDecision.deny("role", "Only practitioners of a partner organisation change care teams");
		}
		LocalDate today = LocalDate.now(clock);
		List<CareTeamMember> current = careTeams.members(change.person())
			.stream()
			.filter(m -> m.isCurrent(today))
			.toList();
		AccessDecision who = whoMayChange(actor, self, change, current);
		if (!who.permitted() || !change.kind().letsSubjectIn()) {
			return who;
		}
		return sharing(change.person(), change.subject(), current, true).orElse(who);
	}

	private AccessDecision whoMayChange(Actor actor, PractitionerId self, CareTeamChange change,
			List<CareTeamMember> current) {
		PractitionerId lead = current.stream()
			.filter(CareTeamMember::lead)
			.map(CareTeamMember::practitionerId)
			.findFirst()
			.orElse(null);
		boolean isLead = self.equals(lead);
		boolean managesLead = lead != null && manages(actor, self, lead);
		boolean managesSubject = manages(actor, self, change.subject());
		return switch (change.kind()) {
			case INVITE -> isLead ? AccessDecision.permit("lead", "You are the person's lead professional") : actor
				.has(Role.TEAM_MANAGER) && managesSomeoneIn(self, current)
						? AccessDecision.permit("team-manager", "You manage a team already in the person's care team")
						: AccessDecision.deny("relationship",
								"Only the lead professional, or a manager of a team already in the care team, adds someone to it");
			case ACCEPT_INVITATION, DECLINE_INVITATION ->
				self.equals(change.subject()) ? AccessDecision.permit("invitee", "You were invited")
						: managesSubject ? AccessDecision.permit("team-manager", "You manage the invitee's team")
								: AccessDecision.deny("relationship",
										"Only the practitioner invited, or their team manager, answers an invitation");
			case HAND_OVER -> isLead ? AccessDecision.permit("lead", "You are the person's lead professional")
					: managesLead ? AccessDecision.permit("team-manager", "You manage the lead professional's team")
							: AccessDecision.deny("relationship",
									"Only the lead professional, or their team manager, hands over the lead");
			case ACCEPT_HANDOVER,
					DECLINE_HANDOVER ->
				self.equals(change.subject())
						? AccessDecision.permit("incoming", "You are asked to become the lead professional")
						: AccessDecision.deny("relationship",
								"Only the practitioner asked to take over answers a handover");
			case ASK_TO_JOIN -> !self.equals(change.subject())
					? AccessDecision.deny("relationship", "Practitioners ask to join for themselves") : AccessDecision
						.permit("practitioner", "Any practitioner of a partner organisation may ask to join");
			case ACCEPT_JOIN, DECLINE_JOIN ->
				isLead ? AccessDecision.permit("lead", "You are the person's lead professional")
						: managesLead ? AccessDecision.permit("team-manager", "You manage the lead professional's team")
								: AccessDecision.deny("relationship",
										"Only the lead professional, or their team manager, answers a request to join");
			case ALLOCATE -> allocation(actor, change, current, managesSubject);
			case WITHDRAW_INVITATION, WITHDRAW_HANDOVER, WITHDRAW_JOIN ->
				withdrawal(actor, self, change, current, isLead, managesLead);
			case END_INVOLVEMENT -> isLead ? AccessDecision.permit("lead", "You are the person's lead professional")
					: self.equals(change.subject()) ? AccessDecision.permit("self", "You may end your own involvement")
							: managesSubject || (actor.has(Role.TEAM_MANAGER) && managesSomeoneIn(self, current))
									? AccessDecision.permit("team-manager",
											"You manage a team in the person's care team")
									: AccessDecision.deny("relationship",
											"Only the lead professional, a team manager or the member themselves ends an involvement");
		};
	}

	/**
	 * Whoever made a request may withdraw it before it is answered; the lead
	 * professional, or a manager of a team in the care team, may also withdraw an
	 * invitation (whoever invites may), and the lead or their manager a handover. A
	 * request to join is the asker's own: the lead declines it instead.
	 */
	private AccessDecision withdrawal(Actor actor, PractitionerId self, CareTeamChange change,
			List<CareTeamMember> current, boolean isLead, boolean managesLead) {
		if (self.equals(change.requestedBy())) {
			return AccessDecision.permit("requester", "You made this request");
		}
		return switch (change.kind()) {
			case WITHDRAW_INVITATION -> isLead ? AccessDecision.permit("lead", "You are the person's lead professional")
					: actor.has(Role.TEAM_MANAGER) && managesSomeoneIn(self, current)
							? AccessDecision.permit("team-manager",
									"You manage a team already in the person's care team")
							: AccessDecision.deny("relationship",
									"Only whoever invited them, the lead professional or a team manager in the care team withdraws an invitation");
			case WITHDRAW_HANDOVER ->
				isLead ? AccessDecision.permit("lead", "You are the person's lead professional") : managesLead
						? AccessDecision.permit("team-manager", "You manage the lead professional's team")
						: AccessDecision.deny("relationship",
								"Only whoever asked, the lead professional or their team manager withdraws a handover");
			default ->
				AccessDecision.deny("relationship", "Only the practitioner who asked withdraws a request to join");
		};
	}

	private AccessDecision allocation(Actor actor, CareTeamChange change, List<CareTeamMember> current,
			boolean managesSubject) {
		if (!managesSubject) {
			return AccessDecision.deny("relationship", "Team managers allocate people to practitioners of their team");
		}
		if (!current.isEmpty()) {
			return AccessDecision.deny("relationship",
					"This person already has a care team: its lead professional hands over instead");
		}
		PersonFacts facts = personFacts.getIfAvailable();
		OrganisationId holder = facts == null ? null : facts.holdingOrganisation(change.person());
		if (holder == null || !holder.equals(actor.organisationId())) {
			return AccessDecision.deny("relationship", "You allocate only people your organisation registered");
		}
		return AccessDecision.permit("team-manager", "You manage the practitioner's team");
	}

	/** A team manager of a team the practitioner belongs to. */
	private boolean manages(Actor actor, PractitionerId manager, PractitionerId practitioner) {
		if (!actor.has(Role.TEAM_MANAGER)) {
			return false;
		}
		Set<TeamId> theirs = directory.teamsOf(practitioner).stream().map(Team::id).collect(Collectors.toSet());
		return directory.managedTeams(manager).stream().map(Team::id).anyMatch(theirs::contains);
	}

	/**
	 * Nothing new is shared with a colleague of an organisation already in the care team;
	 * anyone else needs an agreement with the lead professional's organisation.
	 */
	private boolean sharesWithCareTeam(OrganisationId organisation, List<CareTeamMember> current) {
		List<OrganisationId> present = current.stream()
			.map(m -> directory.practitioner(m.practitionerId()).organisationId())
			.toList();
		if (present.isEmpty() || present.contains(organisation)) {
			return true;
		}
		return current.stream()
			.filter(CareTeamMember::lead)
			.map(m -> directory.practitioner(m.practitionerId()).organisationId())
			.anyMatch(lead -> access.sharesGeneralInformation(organisation, lead));
	}

	static String reason(AccessDecision decision) {
		return decision.policy() + ": " + decision.reason();
	}

	/**
	 * Adding someone to a care team directly gives them the record, so it follows the
	 * same rule as the pages' invitations ({@link #careTeamChange}): the practitioner who
	 * registers a person starts their care team as its lead; after that the lead
	 * professional, or a manager of a team already in the care team, adds colleagues of
	 * their own organisation (anyone else is invited and joins when their organisation
	 * accepts; a new lead accepts a handover); administrators set care teams up (they
	 * gain no access by it, and may not add themselves). In every case the person's
	 * objection to the newcomer's organisation holds, and a newcomer from an organisation
	 * not yet in the care team needs an agreement with the lead's organisation.
	 */
	AccessDecision careTeamAddition(Actor actor, PersonId person, PractitionerId newcomer, boolean lead) {
		LocalDate today = LocalDate.now(clock);
		List<CareTeamMember> current = careTeams.members(person).stream().filter(m -> m.isCurrent(today)).toList();
		AccessDecision who = whoMayAdd(actor, person, newcomer, lead, current);
		if (!who.permitted()) {
			return who;
		}
		return sharing(person, newcomer, current, true).orElse(who);
	}

	/**
	 * Set-up only: the same rule as {@link #careTeamAddition} for an administrator, but
	 * without the sharing-agreement check, for loading demo or test partnerships whose
	 * agreements come later (or, on purpose, never). Objections still hold.
	 */
	AccessDecision careTeamSetUp(Actor actor, PersonId person, PractitionerId newcomer) {
		LocalDate today = LocalDate.now(clock);
		List<CareTeamMember> current = careTeams.members(person).stream().filter(m -> m.isCurrent(today)).toList();
		if (!actor.has(Role.ADMINISTRATOR) || newcomer.equals(actor.practitionerId())) {
			return AccessDecision.deny("role",
					"Only administrators set up care teams without the sharing-agreement check, and not for themselves");
		}
		return sharing(person, newcomer, current, false).orElse(AccessDecision.permit("set-up",
				"Administrators set up care teams; the sharing-agreement check is bypassed for loading data"));
	}

	private AccessDecision whoMayAdd(Actor actor, PersonId person, PractitionerId newcomer, boolean lead,
			List<CareTeamMember> current) {
		PractitionerId self = actor.practitionerId();
		if (actor.has(Role.ADMINISTRATOR) && !newcomer.equals(self)) {
			return AccessDecision.permit("administration",
					"Administrators set up care teams; it gives them no access themselves");
		}
		if (self == null || actor.organisationId() == null) {
			return AccessDecision.deny("relationship", "Only practitioners add someone to a care team");
		}
		if (current.isEmpty()) {
			return lead && newcomer.equals(self)
					? AccessDecision.permit("registration",
							"Whoever registers the person starts their care team as lead professional")
					: AccessDecision.deny("relationship",
							"A care team starts with the practitioner who registered the person");
		}
		AccessDecision who = whoMayChange(actor, self, new CareTeamChange(CareTeamChange.Kind.INVITE, person, newcomer),
				current);
		if (!who.permitted()) {
			return who;
		}
		if (lead) {
			return AccessDecision.deny("handover",
					"A new lead professional takes over by accepting a handover, not by being added");
		}
		if (!actor.organisationId().equals(directory.practitioner(newcomer).organisationId())) {
			return AccessDecision.deny("invitation",
					"A practitioner of another organisation joins when they or their team manager accept: invite them");
		}
		return who;
	}

	/**
	 * The person's objection to the newcomer's organisation, then (when asked) the
	 * sharing agreements: empty when neither keeps the newcomer out.
	 */
	private java.util.Optional<AccessDecision> sharing(PersonId person, PractitionerId newcomer,
			List<CareTeamMember> current, boolean agreements) {
		OrganisationId organisation = directory.practitioner(newcomer).organisationId();
		if (objectsToNewOrganisation(person, organisation, current)) {
			return java.util.Optional.of(AccessDecision.deny("objection",
					"The person has objected to sharing their information with that organisation"));
		}
		if (agreements && !sharesWithCareTeam(organisation, current)) {
			return java.util.Optional.of(AccessDecision.deny("agreement",
					"No active sharing agreement covers that organisation and the lead professional's for direct care"));
		}
		return java.util.Optional.empty();
	}

	/**
	 * An objection counts against an organisation the care team does not include yet:
	 * another colleague of an organisation already caring for the person shares nothing
	 * new with it.
	 */
	private boolean objectsToNewOrganisation(PersonId person, OrganisationId organisation,
			List<CareTeamMember> current) {
		boolean alreadyIn = current.stream()
			.anyMatch(m -> directory.practitioner(m.practitionerId()).organisationId().equals(organisation));
		return !alreadyIn && access.objectsToOrganisation(person, organisation);
	}

	private boolean managesSomeoneIn(PractitionerId manager, List<CareTeamMember> current) {
		Set<PractitionerId> members = current.stream().map(CareTeamMember::practitionerId).collect(Collectors.toSet());
		return directory.managedTeams(manager)
			.stream()
			.flatMap(team -> directory.teamMembers(team.id()).stream())
			.anyMatch(p -> members.contains(p.id()));
	}

	/**
	 * A grant lets a whole team read categories of the person's information (what a
	 * referral gives the receiving team). The lead professional or a Caldicott guardian
	 * may give one, and only for categories they may see themselves (not by break glass);
	 * administrators set them up for referrals. Nobody gives their own team access.
	 */
	AccessDecision teamGrant(Actor actor, PersonId person, TeamId team, Set<DataCategory> categories) {
		PractitionerId self = actor.practitionerId();
		if (self != null && directory.teamsOf(self).stream().map(Team::id).anyMatch(team::equals)) {
			return AccessDecision.deny("separation", "Nobody gives their own team access");
		}
		if (actor.has(Role.ADMINISTRATOR)) {
			return AccessDecision.permit("administration",
					"Administrators give teams access for referrals; it gives them no access themselves");
		}
		LocalDate today = LocalDate.now(clock);
		boolean isLead = self != null && careTeams.members(person)
			.stream()
			.anyMatch(m -> m.lead() && m.isCurrent(today) && m.practitionerId().equals(self));
		if (!isLead && !actor.has(Role.CALDICOTT_GUARDIAN)) {
			return AccessDecision.deny("role",
					"Only the lead professional or a Caldicott guardian gives a team access");
		}
		for (DataCategory category : categories) {
			AccessDecision own = accessPolicy.decide(actor, person, category, actor.organisationId());
			if (!own.permitted() || own.override()) {
				return AccessDecision.deny("relationship",
						"You can give access only to information you may see yourself");
			}
		}
		return isLead ? AccessDecision.permit("lead", "You are the person's lead professional")
				: AccessDecision.permit("caldicott", "Caldicott guardians decide about sharing");
	}

	/**
	 * A hospital ward that admits a person cares for them from that moment, before anyone
	 * adds it to the care team: a practitioner of an NHS trust may give their own ward
	 * team time-limited access to the person's general information when recording the
	 * admission (the one exception to "nobody grants their own team"). Not a GP practice
	 * or the council, not a team the practitioner is not in, and never against the
	 * person's objection to sharing with that trust.
	 */
	AccessDecision admittingWard(Actor actor, PersonId person, TeamId ward) {
		PractitionerId self = actor.practitionerId();
		if (self == null || actor.organisationId() == null) {
			return AccessDecision.deny("role", "Only practitioners of a partner organisation record admissions");
		}
		if (!HOSPITAL_TRUSTS.contains(directory.organisation(actor.organisationId()).kind())) {
			return AccessDecision.deny("role", "Only an NHS trust's ward records a hospital admission");
		}
		if (directory.teamsOf(self).stream().map(Team::id).noneMatch(ward::equals)) {
			return AccessDecision.deny("relationship", "You record admissions only to a ward team you belong to");
		}
		if (access.objectsToOrganisation(person, actor.organisationId())) {
			return AccessDecision.deny("objection",
					"The person has objected to sharing their information with your organisation");
		}
		return AccessDecision.permit("admission", "The ward caring for the person in hospital");
	}

	private static final Set<care.seamless.team.OrganisationKind> HOSPITAL_TRUSTS = java.util.EnumSet.of(
			care.seamless.team.OrganisationKind.NHS_ACUTE_TRUST,
			care.seamless.team.OrganisationKind.NHS_COMMUNITY_TRUST,
			care.seamless.team.OrganisationKind.NHS_MENTAL_HEALTH_TRUST);

	/**
	 * Joining two records makes a care-team relationship with either count for both, and
	 * separating them undoes that, so both create access. Administrators run imports and
	 * the review queue for the whole partnership and may decide any pair (they gain no
	 * access by it: they are in no care team). Caldicott guardians and team managers may
	 * decide a pair when at least one of the records is theirs to answer for: one they
	 * may open (not by break glass) or, for a manager, one a team they manage works with.
	 * The other record is the one a match proposes, which they cannot see before
	 * deciding.
	 */
	AccessDecision identityLink(Actor actor, PersonId survivor, PersonId merged) {
		if (actor.has(Role.ADMINISTRATOR)) {
			return AccessDecision.permit("administration",
					"Administrators decide matches for the whole partnership; it gives them no access themselves");
		}
		if (!actor.has(Role.TEAM_MANAGER) && !actor.has(Role.CALDICOTT_GUARDIAN)) {
			return AccessDecision.deny("role",
					"Only team managers, Caldicott guardians and administrators join or separate records");
		}
		if (answersFor(actor, survivor) || answersFor(actor, merged)) {
			return AccessDecision.permit("relationship", "You may open one of the two records");
		}
		return AccessDecision.deny("relationship",
				"You may join or separate records only when you may open one of them");
	}

	private boolean answersFor(Actor actor, PersonId person) {
		AccessDecision record = accessPolicy.decideRecord(actor, person);
		if (record.permitted() && !record.override()) {
			return true;
		}
		return actor.has(Role.TEAM_MANAGER) && actor.practitionerId() != null
				&& careTeams.isManagedBy(person, actor.practitionerId());
	}

}
