package care.seamless.consent;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import care.seamless.audit.AuditLog;
import care.seamless.audit.BusyHour;
import care.seamless.shared.Actor;
import care.seamless.shared.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flags unusual searching for the Caldicott guardian: an account that, within one clock
 * hour, found people outside its care teams more often than
 * {@code seamless.search.unusual-per-hour} times. Search records such a search under
 * {@link #OUTSIDE_CARE_TEAMS}; this reads those entries back, so the flag needs no state
 * of its own and cannot disagree with the log.
 */
@Service
public class SearchVolumes {

	/**
	 * The audit action of a search that returned anyone outside the searcher's care
	 * teams. The audit log's index for {@link #unusual} holds this action's entries only
	 * (V472, ADR 138): another value needs a migration that indexes it.
	 */
	public static final String OUTSIDE_CARE_TEAMS = "search-outside-care-teams";

	private final AuditLog auditLog;

	private final Clock clock;

	private final int perHour;

	private final Duration window;

	SearchVolumes(AuditLog auditLog, Clock clock, @Value("${seamless.search.unusual-per-hour:30}") int perHour,
			@Value("${seamless.search.unusual-window:P7D}") Duration window) {
		this.auditLog = auditLog;
		this.clock = clock;
		this.perHour = perHour;
		this.window = window;
	}

	/**
	 * Hours within the window in which an account of the guardian's organisation (every
	 * organisation, for a guardian who has none) searched outside its care teams more
	 * than the threshold allows.
	 */
	@Transactional(readOnly = true)
	public List<BusyHour> unusual(Actor actor) {
		if (!actor.has(Role.CALDICOTT_GUARDIAN)) {
			throw new AccessDeniedException("Only Caldicott guardians see search volumes");
		}
		return auditLog.busyHours(OUTSIDE_CARE_TEAMS, clock.instant().minus(window), perHour, actor.organisationCode());
	}

	/** The threshold, for the dashboard to explain the flag. */
	public int perHour() {
		return perHour;
	}

}
