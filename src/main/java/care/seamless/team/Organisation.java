package care.seamless.team;

import care.seamless.shared.OrganisationId;

public record Organisation(OrganisationId id, String code, String name, OrganisationKind kind, long version) {
}
