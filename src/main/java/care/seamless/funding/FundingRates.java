package care.seamless.funding;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.Role;
import care.seamless.shared.TeamId;
import care.seamless.shared.Violations;
import care.seamless.team.Directory;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rates and thresholds that are data, not code: the resource allocation system's
 * points and price per point by financial year, each team's approval thresholds by year,
 * and which teams sit as the funding panel. Only administrators change them; each change
 * is audited.
 */
@Service
public class FundingRates {

	private final RateRepository repository;

	private final Directory directory;

	private final AuditLog auditLog;

	private final Clock clock;

	FundingRates(RateRepository repository, Directory directory, AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.directory = directory;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<RasRate> rasRates() {
		return repository.allRas();
	}

	/** A year's rates; a year with none recorded is a clear refusal, never a zero. */
	@Transactional(readOnly = true)
	public RasRate rasRate(int year) {
		return repository.ras(year)
			.orElseThrow(() -> new BudgetRule("financialYear",
					"No resource allocation rates are recorded for " + FinancialYear.label(year)));
	}

	@Transactional
	public void saveRasRate(Actor actor, RasRate rate) {
		requireAdministrator(actor);
		Violations problems = new Violations();
		if (rate.financialYear() < 2000 || rate.financialYear() > 2100) {
			problems.add("financialYear", "Enter the year the financial year starts in, like 2026");
		}
		for (int points : new int[] { rate.pointsNeedsAssistance(), rate.pointsPainDistress(), rate.pointsEndangers(),
				rate.pointsTakesLonger() }) {
			if (points < 0 || points > 1000) {
				problems.add("points", "Points must be between 0 and 1000");
				break;
			}
		}
		if (rate.weeklyRatePerPoint() == null) {
			problems.add("weeklyRatePerPoint", "Enter the weekly rate per point");
		}
		else {
			Amounts.check(rate.weeklyRatePerPoint(), "weeklyRatePerPoint", problems);
		}
		if (rate.source() == null || rate.source().isBlank() || rate.source().length() > 500) {
			problems.add("source", "Say where the rate comes from (500 characters or fewer)");
		}
		problems.refuseIfAny(BudgetRule::new);
		repository.saveRas(new RasRate(rate.financialYear(), rate.pointsNeedsAssistance(), rate.pointsPainDistress(),
				rate.pointsEndangers(), rate.pointsTakesLonger(), Amounts.pounds(rate.weeklyRatePerPoint()),
				rate.source().strip()), actor.username(), clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "set-ras-rate", "RasRate", rate.financialYear(), null));
	}

	/**
	 * A team's thresholds for one year: approval above the first, the panel above the
	 * second.
	 */
	@Transactional
	public void saveThreshold(Actor actor, @Nullable TeamId team, int year, @Nullable BigDecimal weekly,
			@Nullable BigDecimal panel) {
		requireAdministrator(actor);
		Violations problems = new Violations();
		if (team == null || directory.teams().stream().noneMatch(t -> t.id().equals(team))) {
			problems.add("teamId", "Choose a team");
		}
		if (year < 2000 || year > 2100) {
			problems.add("financialYear", "Enter the year the financial year starts in, like 2026");
		}
		if (weekly == null) {
			problems.add("weeklyThreshold", "Enter the weekly threshold");
		}
		BigDecimal checkedWeekly = Amounts.check(weekly, "weeklyThreshold", problems);
		BigDecimal checkedPanel = Amounts.check(panel, "panelThreshold", problems);
		if (checkedWeekly != null && checkedPanel != null && checkedPanel.compareTo(checkedWeekly) < 0) {
			problems.add("panelThreshold", "The panel threshold cannot be below the team's threshold");
		}
		problems.refuseIfAny(BudgetRule::new);
		repository.saveThreshold(team, year, checkedWeekly, checkedPanel, actor.username(), clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "set-approval-threshold", "ApprovalThreshold",
				team.id() + "/" + year, null));
	}

	@Transactional(readOnly = true)
	public Optional<BigDecimal> threshold(TeamId team, int year) {
		return repository.threshold(team, year).map(RateRepository.Threshold::weekly);
	}

	@Transactional
	public void addPanelTeam(Actor actor, TeamId team) {
		requireAdministrator(actor);
		if (directory.teams().stream().noneMatch(t -> t.id().equals(team))) {
			throw new BudgetRule("teamId", "Choose a team");
		}
		repository.addPanelTeam(team, actor.username(), clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "add-funding-panel-team", "FundingPanel", team.id(), null));
	}

	private static void requireAdministrator(Actor actor) {
		if (!actor.has(Role.ADMINISTRATOR)) {
			throw new FundingRefused("Only an administrator changes funding rates and thresholds");
		}
	}

}
