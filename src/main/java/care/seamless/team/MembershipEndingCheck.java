package care.seamless.team;

import java.util.Optional;

import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;

/**
 * A veto on a practitioner leaving a person's care team, implemented by modules that give
 * care-team members responsibilities only a current member may hold (an action in a care
 * plan, for example). The team module calls every implementation before ending a
 * membership, without knowing who they are, so it never depends on those modules (ADR
 * 13).
 */
public interface MembershipEndingCheck {

	/**
	 * Why the practitioner may not leave the person's care team yet, in words the person
	 * ending the membership can act on; empty when nothing stands in the way.
	 */
	Optional<String> objectionToLeaving(PersonId person, PractitionerId practitioner);

}
