package care.seamless.funding;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.seamless.shared.OrganisationId;
import org.jspecify.annotations.Nullable;

/** A funding route as a reader may see it, with the disagreements raised about it. */
public record RouteView(UUID id, UUID objectiveId, String needCode, String needDisplay, FundingRouteKind kind,
		String reason, LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable BigDecimal cost,
		List<ShareView> shares, String organisationName, String recordedBy, Instant recordedAt, long version,
		List<DisagreementView> disagreements) {

	/** One partner's share. */
	public record ShareView(OrganisationId organisationId, String organisationName, BigDecimal percent) {
	}

	public boolean disputed() {
		return disagreements.stream().anyMatch(DisagreementView::open);
	}

}
