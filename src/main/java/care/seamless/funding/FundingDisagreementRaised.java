package care.seamless.funding;

import java.util.UUID;

import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;

/**
 * A partner disagreed with how a need is funded: the team managers of the partners
 * concerned should look at it. Ids only.
 */
public record FundingDisagreementRaised(UUID disagreementId, UUID routeId, PersonId personId,
		OrganisationId routeOrganisation, OrganisationId raisedByOrganisation, PractitionerId raisedBy) {
}
