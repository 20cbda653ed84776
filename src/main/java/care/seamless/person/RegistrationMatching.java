package care.seamless.person;

import java.util.List;

import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;

/**
 * Identity matching as registration sees it. The linkage module implements it; the
 * interface lives here because linkage depends on this module, not the other way round.
 */
public interface RegistrationMatching {

	/**
	 * People already registered who may be the person about to be registered, with only
	 * the demographics needed to recognise them.
	 */
	List<KnownElsewhere> possibleMatches(Actor actor, PersonDetails details);

	/**
	 * Matches a newly registered person against everyone else, queueing possible matches
	 * for review.
	 */
	void registered(Actor actor, PersonId person);

}
