package care.seamless.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.seamless.shared.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * A funding route for one need of one objective of the person's plan. When the need
 * already has a route, {@code replacesVersion} names the version of it that was read, and
 * the old route is ended, not changed.
 *
 * @param cost the one-off cost, for aids and minor adaptations
 * @param shares each partner's share, for joint funding
 */
public record NewRoute(@Nullable UUID objectiveId, @Nullable String needCode, @Nullable FundingRouteKind kind,
		@Nullable String reason, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable BigDecimal cost,
		List<Share> shares, @Nullable Long replacesVersion) {

	/** One partner's share of a jointly funded need, in per cent. */
	public record Share(@Nullable OrganisationId organisationId, @Nullable BigDecimal percent) {
	}

	public NewRoute {
		shares = List.copyOf(shares);
	}

}
