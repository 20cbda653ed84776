package care.seamless.team;

import care.seamless.shared.Profession;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PractitionerId;
import org.jspecify.annotations.Nullable;

public record Practitioner(PractitionerId id, OrganisationId organisationId, String organisationName, String givenName,
		String familyName, Profession profession, @Nullable String email) {

	public String displayName() {
		return givenName + " " + familyName;
	}

}
