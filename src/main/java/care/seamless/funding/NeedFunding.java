package care.seamless.funding;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One need met by the plan (an objective and one of its assessed needs), and its current
 * funding route if one is recorded.
 */
public record NeedFunding(UUID objectiveId, String objectiveDescription, String needCode, String needDisplay,
		@Nullable RouteView route) {
}
