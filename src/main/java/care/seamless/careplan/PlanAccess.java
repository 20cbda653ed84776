package care.seamless.careplan;

import java.util.HashMap;
import java.util.Map;

import care.seamless.consent.AccessDecision;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.SqlCondition;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;
import care.seamless.terminology.Audience;

import org.springframework.stereotype.Component;

/**
 * The checks every plan operation starts with: the access policy for the person (audited,
 * refusals included), the plan itself, and for changes a practitioner who is in the
 * person's care team now.
 */
@Component
class PlanAccess {

	static final String RECORD = "CarePlan";

	private final AccessPolicy accessPolicy;

	private final CarePlanRepository plans;

	private final CareTeams careTeams;

	private final Directory directory;

	PlanAccess(AccessPolicy accessPolicy, CarePlanRepository plans, CareTeams careTeams, Directory directory) {
		this.accessPolicy = accessPolicy;
		this.plans = plans;
		this.careTeams = careTeams;
		this.directory = directory;
	}

	/**
	 * Checks and audits a read of the person's plan; the caller's transaction keeps the
	 * entry.
	 */
	CarePlanRepository.PlanRow read(Actor actor, PersonId person, String action) {
		accessPolicy.check(actor, person, DataCategory.GENERAL, action, RECORD);
		return plans.planFor(person).orElseThrow(() -> new NotFoundException(RECORD, person));
	}

	/**
	 * Checks a change: the actor may open the record and is a practitioner in the
	 * person's care team (an emergency override lets people read, not plan).
	 */
	CarePlanRepository.PlanRow change(Actor actor, PersonId person, String action) {
		accessPolicy.check(actor, person, DataCategory.GENERAL, action, RECORD);
		requireCareTeamMember(actor, person);
		return plans.planFor(person).orElseThrow(() -> new NotFoundException(RECORD, person));
	}

	void requireCareTeamMember(Actor actor, PersonId person) {
		if (actor.practitionerId() == null || actor.organisationId() == null
				|| !careTeams.isCurrentMember(person, actor.practitionerId())) {
			throw new AccessDenied(person,
					AccessDecision.deny("relationship", "Only members of the person's care team change their plan"));
		}
	}

	/**
	 * Refuses a change to one item the actor could not see (another organisation's mental
	 * health objective, say): someone who cannot see it must not overwrite it.
	 */
	void requireVisible(Actor actor, PersonId person, DataCategory category, OrganisationId source) {
		AccessDecision decision = accessPolicy.decide(actor, person, category, source);
		if (!decision.permitted()) {
			throw new AccessDenied(person, decision);
		}
	}

	/**
	 * The item-level policy over a plan table's alias, whose rows carry
	 * {@code person_id}, {@code category} and the given source column.
	 */
	SqlCondition visible(Actor actor, String alias, String sourceColumn) {
		return accessPolicy.visibleItems(actor, alias + ".person_id", alias + ".category", alias + "." + sourceColumn);
	}

	Audience audienceOf(Actor actor) {
		return Audience.forReader(directory.professionOf(actor));
	}

	/** Looks names up once per request. */
	Names names() {
		return new Names(directory);
	}

	static final class Names {

		private final Directory directory;

		private final Map<Object, String> cache = new HashMap<>();

		Names(Directory directory) {
			this.directory = directory;
		}

		String of(OrganisationId organisation) {
			return cache.computeIfAbsent(organisation, id -> directory.organisation(organisation).name());
		}

		String of(PractitionerId practitioner) {
			return cache.computeIfAbsent(practitioner, id -> directory.practitioner(practitioner).displayName());
		}

	}

}
