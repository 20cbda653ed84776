package care.seamless.careplan;

import java.util.Optional;

import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.team.MembershipEndingCheck;

import org.springframework.stereotype.Component;

/**
 * Keeps every action owned: a practitioner who owns open actions for a person cannot
 * leave that person's care team until the actions have a new owner. An action offered to
 * another organisation but not yet accepted still counts, because its owner is still
 * accountable.
 */
@Component
class OpenActionsCheck implements MembershipEndingCheck {

	private final ActionRepository actions;

	OpenActionsCheck(ActionRepository actions) {
		this.actions = actions;
	}

	@Override
	public Optional<String> objectionToLeaving(PersonId person, PractitionerId practitioner) {
		long open = actions.openOwnedBy(person, practitioner);
		if (open == 0) {
			return Optional.empty();
		}
		return Optional.of("This practitioner owns " + open + (open == 1 ? " open action" : " open actions")
				+ " in the person's care plan. Give each action a new owner before they leave the care team.");
	}

}
