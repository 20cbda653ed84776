package care.seamless.consent;

import java.util.Map;

import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import care.seamless.team.CareTeams;

import org.springframework.stereotype.Component;

/** A legitimate relationship: the practitioner is currently in the person's care team. */
@Component
class RelationshipPolicy {

	static final String NAME = "relationship";

	private final CareTeams careTeams;

	RelationshipPolicy(CareTeams careTeams) {
		this.careTeams = careTeams;
	}

	AccessDecision decide(Actor actor, PersonId person) {
		if (actor.practitionerId() == null) {
			return AccessDecision.deny(NAME,
					"Your account is not linked to a practitioner, so it has no care relationships");
		}
		if (careTeams.isCurrentMember(person, actor.practitionerId())) {
			return AccessDecision.permit(NAME, "You are in this person's care team");
		}
		return AccessDecision.deny(NAME, "You are not in this person's care team");
	}

	SqlCondition condition(Actor actor, String personColumn) {
		if (actor.practitionerId() == null) {
			return SqlCondition.never();
		}
		return new SqlCondition(CareTeams.currentMemberSql(personColumn),
				Map.of(CareTeams.PRACTITIONER_PARAM, actor.practitionerId().id()));
	}

}
