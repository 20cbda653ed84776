package care.seamless.careplan;

import java.util.Set;
import java.util.UUID;

import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import org.jspecify.annotations.Nullable;

/**
 * Something changed in a person's plan that some care-team members should hear about.
 * Carries ids and the kind of change only, never the content.
 *
 * @param organisations the organisations the change concerns (empty: the whole care team)
 * @param practitioners particular practitioners it concerns (an owner, a manager)
 * @param by who made the change, so they are not told about their own change
 * @param actionId the action changed, when the change is about one, so a notice can link
 * to it
 */
public record CarePlanChanged(UUID planId, PersonId personId, Change change, Set<OrganisationId> organisations,
		Set<PractitionerId> practitioners, @Nullable PractitionerId by, @Nullable UUID actionId) {

	public CarePlanChanged {
		organisations = Set.copyOf(organisations);
		practitioners = Set.copyOf(practitioners);
	}

	public CarePlanChanged(UUID planId, PersonId personId, Change change, Set<OrganisationId> organisations,
			Set<PractitionerId> practitioners, @Nullable PractitionerId by) {
		this(planId, personId, change, organisations, practitioners, by, null);
	}

	public enum Change {

		OBJECTIVE_ADDED, OBJECTIVE_CHANGED, SIGN_UP_CHANGED, PERSONS_VIEW_RECORDED, ACTION_ASSIGNED, ACTION_OFFERED,
		ACTION_ACCEPTED, ACTION_ESCALATED, ACTION_CHASED, REVIEW_RECORDED, PLAN_CHANGED

	}

}
