package care.seamless.consent;

import java.util.List;

import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * What consent needs from the person's record without depending on the module that keeps
 * it: implemented by {@code person}, which depends on consent, so neither module reads
 * the other's tables. Callers have already checked the actor's access to the person.
 */
public interface PersonFacts {

	/**
	 * The person's name as the Caldicott guardian should see it when reviewing access.
	 */
	String displayName(PersonId person);

	/**
	 * The names of the people recorded on the person's record as their attorney (lasting
	 * power of attorney for health and welfare) or deputy; empty when none is recorded.
	 */
	List<String> attorneysAndDeputies(PersonId person);

	/**
	 * The organisation that registered the person's record (an import's source), or null
	 * for a record of the whole partnership.
	 */
	default @Nullable OrganisationId holdingOrganisation(PersonId person) {
		return null;
	}

}
