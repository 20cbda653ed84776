package care.seamless.partnership;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A pooled fund's ledger by financial year (section 75 and the Better Care Fund):
 * contributions by partner with every variation, budget lines, spend and forecast
 * outturn, and the year-end risk share of the forecast variance under the agreed rule
 * ({@link RiskShare}). Amounts are exact to the penny; an amount with more places is
 * refused, never rounded.
 */
@Service
public class PooledFunds {

	static final BigDecimal LIMIT = new BigDecimal("1000000000.00");

	private final PoolRepository repository;

	private final Partnerships partnerships;

	private final AuditLog auditLog;

	private final Clock clock;

	PooledFunds(PoolRepository repository, Partnerships partnerships, AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.partnerships = partnerships;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** The financial year a date falls in, named by the year it starts (1 April). */
	public static int financialYearOf(LocalDate date) {
		return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
	}

	public int currentFinancialYear() {
		return financialYearOf(LocalDate.now(clock));
	}

	@Transactional(readOnly = true)
	public List<Integer> years(UUID partnershipId) {
		return repository.years(partnershipId);
	}

	/**
	 * Opens (or changes the terms of) a year: the risk-share rule and each partner's
	 * fixed percentage and cap, keyed by organisation; version -1 opens a new year.
	 */
	@Transactional
	public void setTerms(Actor actor, UUID partnershipId, int year, RiskShare.Rule rule, long version,
			Map<OrganisationId, Terms> terms) {
		requireKeeper(actor);
		Partnership partnership = partnerships.find(partnershipId);
		Violations problems = new Violations();
		checkYear(problems, year);
		BigDecimal total = BigDecimal.ZERO;
		for (Map.Entry<OrganisationId, Terms> entry : terms.entrySet()) {
			if (!partnership.hasPartner(entry.getKey())) {
				problems.add("terms", "Terms can be set only for the partners");
			}
			Terms t = entry.getValue();
			if (t.percentage() != null) {
				if (t.percentage().signum() < 0 || t.percentage().compareTo(BigDecimal.valueOf(100)) > 0
						|| t.percentage().scale() > 2) {
					problems.add("percentage-" + entry.getKey().id(), "Enter a percentage from 0 to 100");
				}
				total = total.add(t.percentage());
			}
			if (t.cap() != null) {
				money(problems, "cap-" + entry.getKey().id(), t.cap(), false);
			}
		}
		if (rule == RiskShare.Rule.FIXED) {
			if (terms.values().stream().anyMatch((t) -> t.percentage() == null)
					|| terms.size() != partnership.partners().size()) {
				problems.add("rule", "Fixed shares need a percentage for every partner");
			}
			else if (total.compareTo(BigDecimal.valueOf(100)) != 0) {
				problems.add("rule",
						"Fixed shares must add up to 100%, not " + total.stripTrailingZeros().toPlainString() + "%");
			}
		}
		problems.refuseIfAny(PartnershipRule::new);
		if (version < 0) {
			if (!repository.createYear(partnershipId, year, rule)) {
				throw new ConcurrentEditException("Pooled fund year", partnershipId);
			}
		}
		else if (repository.setRule(partnershipId, year, rule, version) == 0) {
			throw new ConcurrentEditException("Pooled fund year", partnershipId);
		}
		for (Map.Entry<OrganisationId, Terms> entry : terms.entrySet()) {
			repository.setTerms(partnershipId, year, entry.getKey(), entry.getValue().percentage(),
					entry.getValue().cap());
		}
		auditLog.record(AuditEvent.permitted(actor, "pool-terms-" + year, "Partnership", partnershipId, null));
	}

	/**
	 * A partner's contribution: the initial one, or a variation (which may be negative)
	 * with its reason.
	 */
	@Transactional
	public void contribute(Actor actor, UUID partnershipId, int year, OrganisationId partner, BigDecimal amount,
			boolean variation, String reason) {
		requireKeeper(actor);
		Partnership partnership = partnerships.find(partnershipId);
		requireYear(partnershipId, year);
		Violations problems = new Violations();
		if (!partnership.hasPartner(partner)) {
			problems.add("partner", "Choose one of the partners");
		}
		money(problems, "amount", amount, variation);
		String why = reason.strip();
		if (variation && why.isEmpty()) {
			problems.add("reason", "Say why the contribution varies");
		}
		if (why.length() > 1000) {
			problems.add("reason", "The reason must be 1000 characters or fewer");
		}
		problems.refuseIfAny(PartnershipRule::new);
		repository.addContribution(partnershipId, year, partner, amount, variation ? "VARIATION" : "INITIAL", why,
				actor.accountId());
		auditLog.record(AuditEvent.permitted(actor, "pool-contribution-" + year, "Partnership", partnershipId, null));
	}

	@Transactional
	public UUID addLine(Actor actor, UUID partnershipId, int year, String name, BigDecimal budget) {
		requireKeeper(actor);
		partnerships.find(partnershipId);
		requireYear(partnershipId, year);
		Violations problems = new Violations();
		if (name.isBlank()) {
			problems.add("name", "Name the budget line, for example Reablement");
		}
		else if (name.strip().length() > 200) {
			problems.add("name", "The name must be 200 characters or fewer");
		}
		money(problems, "budget", budget, false);
		problems.refuseIfAny(PartnershipRule::new);
		UUID id = repository.addLine(partnershipId, year, name.strip(), budget);
		auditLog.record(AuditEvent.permitted(actor, "pool-line-" + year, "Partnership", partnershipId, null));
		return id;
	}

	/** Spend against a line; a refund is a negative amount with its description. */
	@Transactional
	public void spend(Actor actor, UUID lineId, BigDecimal amount, LocalDate on, String description, String reference) {
		requireKeeper(actor);
		PoolRepository.LineRow line = repository.line(lineId)
			.orElseThrow(() -> new NotFoundException("Budget line", lineId));
		Violations problems = new Violations();
		money(problems, "amount", amount, true);
		if (amount.signum() == 0) {
			problems.add("amount", "Enter an amount other than zero");
		}
		if (financialYearOf(on) != line.year()) {
			problems.add("spentOn", "The date must fall in the financial year " + line.year() + "/"
					+ String.format("%02d", (line.year() + 1) % 100));
		}
		if (description.isBlank()) {
			problems.add("description", "Say what the money was spent on");
		}
		else if (description.length() > 1000 || reference.length() > 200) {
			problems.add("description", "The description must be 1000 characters or fewer");
		}
		problems.refuseIfAny(PartnershipRule::new);
		repository.addSpend(lineId, amount, on, description.strip(), reference.strip(), actor.accountId());
		auditLog
			.record(AuditEvent.permitted(actor, "pool-spend-" + line.year(), "Partnership", line.partnership(), null));
	}

	@Transactional
	public void forecast(Actor actor, UUID lineId, long version, BigDecimal forecast) {
		requireKeeper(actor);
		PoolRepository.LineRow line = repository.line(lineId)
			.orElseThrow(() -> new NotFoundException("Budget line", lineId));
		Violations problems = new Violations();
		money(problems, "forecast", forecast, false);
		problems.refuseIfAny(PartnershipRule::new);
		if (repository.setForecast(lineId, forecast, version) == 0) {
			throw new ConcurrentEditException("Budget line", lineId);
		}
		auditLog.record(
				AuditEvent.permitted(actor, "pool-forecast-" + line.year(), "Partnership", line.partnership(), null));
	}

	/**
	 * The year's statement. The variance is the forecast outturn less the pooled
	 * contributions (positive: an overspend); a line with no forecast is taken to spend
	 * its budget, or what it has spent if that is more. Readable by every staff account,
	 * like the register: it holds no personal data.
	 */
	@Transactional(readOnly = true)
	public PoolStatement statement(UUID partnershipId, int year) {
		Partnership partnership = partnerships.find(partnershipId);
		PoolRepository.YearRow row = requireYear(partnershipId, year);
		List<PoolStatement.PartnerLine> partners = repository.partners(partnershipId, year);
		List<PoolStatement.BudgetLine> lines = repository.lines(partnershipId, year);
		BigDecimal pooled = sum(partners.stream().map(PoolStatement.PartnerLine::contributed).toList());
		BigDecimal budgeted = sum(lines.stream().map(PoolStatement.BudgetLine::budget).toList());
		BigDecimal spent = sum(lines.stream().map(PoolStatement.BudgetLine::spent).toList());
		BigDecimal forecast = sum(lines.stream().map(PoolStatement.BudgetLine::forecast).toList());
		BigDecimal variance = forecast.subtract(pooled);
		RiskShare.Result share = null;
		String problem = null;
		try {
			List<RiskShare.Partner> terms = new ArrayList<>();
			for (PoolStatement.PartnerLine p : partners) {
				terms.add(new RiskShare.Partner(p.name(), p.contributed(), p.percentage(), p.cap()));
			}
			share = RiskShare.share(row.rule(), variance, terms, partnership.hostName());
		}
		catch (IllegalArgumentException ex) {
			problem = ex.getMessage();
		}
		return new PoolStatement(partnershipId, partnership.name(), year, row.rule(), row.version(), partners,
				repository.contributions(partnershipId, year), lines, pooled, budgeted, spent, forecast, variance,
				share, problem);
	}

	/** A partner's terms for the year. */
	public record Terms(@Nullable BigDecimal percentage, @Nullable BigDecimal cap) {
	}

	private PoolRepository.YearRow requireYear(UUID partnershipId, int year) {
		return repository.year(partnershipId, year)
			.orElseThrow(() -> new NotFoundException("Pooled fund year " + year, partnershipId));
	}

	private static void checkYear(Violations problems, int year) {
		if (year < 2000 || year > 2100) {
			problems.add("year", "Enter a financial year from 2000 to 2100");
		}
	}

	private static void money(Violations problems, String field, BigDecimal amount, boolean mayBeNegative) {
		if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
			problems.add(field, "Enter pounds and pence, with no more than two decimal places");
		}
		else if (!mayBeNegative && amount.signum() < 0) {
			problems.add(field, "The amount cannot be negative");
		}
		else if (amount.abs().compareTo(LIMIT) >= 0) {
			problems.add(field, "The amount must be less than £1,000,000,000");
		}
	}

	private static BigDecimal sum(List<BigDecimal> values) {
		return values.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	private static void requireKeeper(Actor actor) {
		if (!Partnerships.mayKeep(actor)) {
			throw new AccessDeniedException("Only administrators and commissioners keep the pooled fund ledger");
		}
	}

}
