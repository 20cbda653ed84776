package care.seamless.team;

import java.util.Map;

import care.seamless.shared.OrganisationId;
import care.seamless.shared.PractitionerId;

/**
 * Organisations' names and practitioners read together for a view that names several of
 * each; an id the directory does not know is left out.
 */
public record DirectoryNames(Map<OrganisationId, String> organisations,
		Map<PractitionerId, Practitioner> practitioners) {

	public DirectoryNames {
		organisations = Map.copyOf(organisations);
		practitioners = Map.copyOf(practitioners);
	}

}
