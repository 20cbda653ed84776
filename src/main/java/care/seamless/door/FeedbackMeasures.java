package care.seamless.door;

import java.time.YearMonth;
import java.util.List;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.Role;
import care.seamless.shared.TeamId;
import care.seamless.team.Directory;
import care.seamless.team.Team;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feedback counted by team and month for the managers of those teams (and for measures
 * elsewhere): a team is counted when one of its members was in the person's care team on
 * the day the feedback was given. Any figure from fewer than {@link #SMALLEST} responses
 * is suppressed here, before it leaves the module, so no caller can show it; names and
 * words never leave. Each look is audited.
 */
@Service
public class FeedbackMeasures {

	/** Fewer responses than this in a cell are not shown. */
	public static final int SMALLEST = 5;

	/** At most this many months in one report. */
	public static final int MONTHS = 24;

	private final DoorWordsRepository repository;

	private final Directory directory;

	private final AuditLog auditLog;

	FeedbackMeasures(DoorWordsRepository repository, Directory directory, AuditLog auditLog) {
		this.repository = repository;
		this.directory = directory;
		this.auditLog = auditLog;
	}

	/**
	 * For each team the manager manages and each month from {@code from} to {@code to}
	 * (at most {@link #MONTHS}): the number of responses and how many answered "yes,
	 * fully" or "mostly" to each question, or suppressed.
	 */
	@Transactional
	public List<TeamMonth> byTeamAndMonth(Actor actor, YearMonth from, YearMonth to) {
		if (!actor.has(Role.TEAM_MANAGER) || actor.practitionerId() == null) {
			throw new AccessDeniedException("Only a team manager sees feedback by team");
		}
		if (to.isBefore(from) || from.plusMonths(MONTHS - 1).isBefore(to)) {
			throw new IllegalArgumentException("The months must run forwards, at most " + MONTHS);
		}
		List<Team> teams = directory.managedTeams(actor.practitionerId());
		auditLog.record(AuditEvent.permitted(actor, "read-feedback-measures", PersonsFeedback.RECORD, null, null)
			.withReason(from + " to " + to));
		return teams.stream()
			.flatMap(team -> repository.feedbackCounts(team.id(), from, to)
				.stream()
				.map(c -> TeamMonth.of(team.id(), team.name(), c)))
			.toList();
	}

	/** One team's months in order, for a page that groups them. */
	public record TeamRows(String name, List<TeamMonth> rows) {
	}

	/**
	 * One team's month: {@code responses} is null when suppressed (fewer than
	 * {@link #SMALLEST}, zero included), and so is every share; a share is how many
	 * answered "yes, fully" or "mostly".
	 */
	public record TeamMonth(TeamId team, String teamName, YearMonth month,
			@org.jspecify.annotations.Nullable Long responses, @org.jspecify.annotations.Nullable Long listened,
			@org.jspecify.annotations.Nullable Long explained, @org.jspecify.annotations.Nullable Long agreePlan,
			@org.jspecify.annotations.Nullable Long easy) {

		static TeamMonth of(TeamId team, String name, DoorWordsRepository.FeedbackCount c) {
			if (c.responses() < SMALLEST) {
				return new TeamMonth(team, name, c.month(), null, null, null, null, null);
			}
			return new TeamMonth(team, name, c.month(), c.responses(), c.listened(), c.explained(), c.agreePlan(),
					c.easy());
		}

		public boolean suppressed() {
			return this.responses == null;
		}

	}

}
