package care.seamless.team;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Care-team requests for one practitioner to answer (invitations to them or their team,
 * handovers to them, requests to join a care team they lead or their team leads), and the
 * requests they made themselves.
 */
public record RequestQueue(List<Item> waiting, List<Item> mine) {

	/**
	 * @param personName null where the reader may not open the person's record yet (an
	 * invitee before accepting, a manager outside the care team)
	 */
	public record Item(CareTeamRequest request, @Nullable String personName) {
	}

}
