package care.seamless.funding;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.AccessRequest;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.Role;
import care.seamless.shared.TeamId;
import care.seamless.shared.Violations;
import care.seamless.team.Directory;
import care.seamless.team.Team;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approvals queue and its decisions. A manager of the budget's team approves, returns
 * with comments or declines; above the panel threshold only a member of a funding panel
 * team does. Each decision names the version read, so a stale one is a conflict, and each
 * is audited.
 */
@Service
public class BudgetApprovals {

	static final String RECORD = "BudgetApproval";

	private static final int MAX_COMMENTS = 2000;

	private final PersonalBudgetRepository repository;

	private final RateRepository rates;

	private final AccessPolicy accessPolicy;

	private final Directory directory;

	private final Clock clock;

	BudgetApprovals(PersonalBudgetRepository repository, RateRepository rates, AccessPolicy accessPolicy,
			Directory directory, Clock clock) {
		this.repository = repository;
		this.rates = rates;
		this.accessPolicy = accessPolicy;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * What waits for the actor's decision, oldest first: their managed teams' requests,
	 * and every request for a funding panel member; only people whose record the actor
	 * may open.
	 */
	@Transactional(readOnly = true)
	public List<QueuedApproval> queue(Actor actor) {
		Set<UUID> managed = managedTeams(actor);
		boolean panel = onPanel(actor);
		List<Team> teams = directory.teams();
		return repository.queue(managed, panel, accessPolicy.visibleRecords(actor, "a.person_id"))
			.stream()
			.map(q -> new QueuedApproval(q.id(), q.personId(), q.personName() == null ? "" : q.personName(),
					teams.stream().filter(t -> t.id().equals(q.teamId())).map(Team::name).findFirst().orElse(""),
					q.weeklyTotal(), q.needsPanel(), q.requestedBy(), q.requestedAt(),
					Duration.between(q.requestedAt(), clock.instant()).toDays(),
					panel || (!q.needsPanel() && managed.contains(q.teamId().id())), q.version()))
			.toList();
	}

	/**
	 * Approves, returns with comments, or declines one request, naming the version read.
	 */
	@Transactional(noRollbackFor = { AccessDenied.class, FundingRefused.class })
	public void decide(Actor actor, UUID approvalId, long version, @Nullable ApprovalDecision decision,
			@Nullable String comments) {
		PersonalBudgetRepository.Approval approval = repository.approval(approvalId)
			.orElseThrow(() -> new NotFoundException(RECORD, approvalId));
		String action = decision == null ? "decide-budget" : switch (decision) {
			case APPROVED -> "approve-budget";
			case RETURNED -> "return-budget";
			case DECLINED -> "decline-budget";
		};
		String refusal = refusal(actor, approval);
		if (refusal != null) {
			// Refused on the approver's role before anything of the person is read; only
			// consent writes refusals to the audit log (ArchitectureTests).
			throw new FundingRefused(refusal);
		}
		Violations problems = new Violations();
		if (decision == null) {
			problems.add("decision", "Choose whether to approve, return or decline");
		}
		else if (decision != ApprovalDecision.APPROVED && (comments == null || comments.isBlank())) {
			problems.add("comments", decision == ApprovalDecision.RETURNED
					? "Say what needs to change before it comes back" : "Say why the budget is declined");
		}
		if (comments != null && comments.length() > MAX_COMMENTS) {
			problems.add("comments", "Comments must be " + MAX_COMMENTS + " characters or fewer");
		}
		problems.refuseIfAny(BudgetRule::new);
		PersonalBudgetRepository.Keys keys = repository.keys(approval.budgetId()).orElseThrow();
		accessPolicy.require(actor, new AccessRequest(approval.personId(), action, RECORD, approvalId,
				DataCategory.GENERAL, keys.organisationId(), AccessRequest.Who.PRACTITIONER, null));
		if (approval.decision() != null || approval.version() != version || !repository.decide(approvalId, version,
				decision, blankToNull(comments), actor.username(), clock.instant())) {
			throw new ConcurrentEditException(RECORD, approvalId);
		}
	}

	private @Nullable String refusal(Actor actor, PersonalBudgetRepository.Approval approval) {
		if (onPanel(actor)) {
			return null;
		}
		if (approval.needsPanel()) {
			return "This budget is above the team's panel threshold: only the funding panel decides it";
		}
		if (!managedTeams(actor).contains(approval.teamId().id())) {
			return "Only a manager of the budget's team, or the funding panel, decides its approval";
		}
		return null;
	}

	private Set<UUID> managedTeams(Actor actor) {
		Set<UUID> teams = new HashSet<>();
		if (actor.practitionerId() != null && actor.has(Role.TEAM_MANAGER)) {
			directory.managedTeams(actor.practitionerId()).forEach(t -> teams.add(t.id().id()));
		}
		return teams;
	}

	/** Whether the actor belongs to a team recorded as a funding panel. */
	boolean onPanel(Actor actor) {
		if (actor.practitionerId() == null) {
			return false;
		}
		List<UUID> panels = rates.panelTeams();
		return directory.teamsOf(actor.practitionerId())
			.stream()
			.map(Team::id)
			.map(TeamId::id)
			.anyMatch(panels::contains);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
