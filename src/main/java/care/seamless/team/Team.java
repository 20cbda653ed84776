package care.seamless.team;

import care.seamless.shared.OrganisationId;
import care.seamless.shared.TeamId;

public record Team(TeamId id, OrganisationId organisationId, String organisationName, String name) {
}
