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
import care.seamless.team.CareTeamMember;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;
import care.seamless.team.MembershipStartingCheck;
import care.seamless.team.Team;

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
class WritePermissions implements MembershipStartingCheck {

	private final AccessPolicy accessPolicy;

	private final AccessRepository access;

	private final CareTeams careTeams;

	private final Directory directory;

	private final Clock clock;

	WritePermissions(AccessPolicy accessPolicy, AccessRepository access, CareTeams careTeams, Directory directory,
			Clock clock) {
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

	static String reason(AccessDecision decision) {
		return decision.policy() + ": " + decision.reason();
	}

	/**
	 * Adding someone to a care team gives them the record. The lead professional, or a
	 * manager of a team already in the care team, may do it; the practitioner who
	 * registers a person starts their care team as its lead; administrators set care
	 * teams up (they gain no access by it, and may not add themselves). In every case the
	 * person's objection to sharing with the newcomer's organisation still holds.
	 */
	AccessDecision careTeamAddition(Actor actor, PersonId person, PractitionerId newcomer, boolean lead) {
		LocalDate today = LocalDate.now(clock);
		List<CareTeamMember> current = careTeams.members(person).stream().filter(m -> m.isCurrent(today)).toList();
		if (objectsToNewOrganisation(person, directory.practitioner(newcomer).organisationId(), current)) {
			return AccessDecision.deny("objection",
					"The person has objected to sharing their information with that organisation");
		}
		PractitionerId self = actor.practitionerId();
		if (actor.has(Role.ADMINISTRATOR) && !newcomer.equals(self)) {
			return AccessDecision.permit("administration",
					"Administrators set up care teams; it gives them no access themselves");
		}
		if (self == null) {
			return AccessDecision.deny("relationship", "Only practitioners add someone to a care team");
		}
		if (current.isEmpty()) {
			return lead && newcomer.equals(self)
					? AccessDecision.permit("registration",
							"Whoever registers the person starts their care team as lead professional")
					: AccessDecision.deny("relationship",
							"A care team starts with the practitioner who registered the person");
		}
		if (current.stream().anyMatch(m -> m.lead() && m.practitionerId().equals(self))) {
			return AccessDecision.permit("lead", "You are the person's lead professional");
		}
		if (actor.has(Role.TEAM_MANAGER) && managesSomeoneIn(self, current)) {
			return AccessDecision.permit("team-manager", "You manage a team already in the person's care team");
		}
		return AccessDecision.deny("relationship",
				"Only the lead professional, or a manager of a team already in the care team, adds someone to it");
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
