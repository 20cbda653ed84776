package care.seamless.team;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;

/**
 * What care-team pages need to know about people, from the module that keeps them
 * (implemented by {@code person}, which depends on this one): names only where the access
 * policy lets the reader see them, decided in the query.
 */
public interface CareTeamPeople {

	/**
	 * The names of those of {@code people} whose record the actor may open; the others
	 * are left out.
	 */
	Map<PersonId, String> visibleNames(Actor actor, Collection<PersonId> people);

	/**
	 * People with no care team yet whom the actor, a team manager, may allocate: those
	 * registered by the actor's organisation. Audited as one read.
	 */
	List<Unallocated> unallocated(Actor actor);

	record Unallocated(PersonId id, String name, LocalDate dateOfBirth) {
	}

}
