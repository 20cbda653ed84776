package care.seamless.discharge;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.math.BigDecimal;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.Role;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dated discharge rule sets. Which rules apply to an admission is data: the set in
 * force on its admission date, a partnership's local agreement first.
 */
@Service
public class RuleSets {

	private final RuleSetRepository repository;

	private final AuditLog auditLog;

	private final Clock clock;

	RuleSets(RuleSetRepository repository, AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<RuleSet> inForce(LocalDate day) {
		return repository.inForce(day);
	}

	@Transactional(readOnly = true)
	public List<RuleSet> all() {
		return repository.all();
	}

	@Transactional(readOnly = true)
	public RuleSet ruleSet(UUID id) {
		return repository.find(id).orElseThrow(() -> new NotFoundException("Discharge rule set", id));
	}

	/**
	 * Adds a partnership's local agreement (for example, to keep assessment and discharge
	 * notices after 1 July 2022); administrators only. Every problem at once; never
	 * overlapping another local agreement.
	 */
	@Transactional
	public UUID addLocalAgreement(Actor actor, NewRuleSet rules) {
		administrator(actor);
		DischargeRule.Collector problems = check(rules, null);
		problems.refuseIfAny();
		UUID id = UUID.randomUUID();
		saving(rules, () -> repository.insert(id, rules, actor.username(), clock.instant()));
		auditLog.record(AuditEvent.permitted(actor, "add-discharge-rules", "DischargeRuleSet", id, null)
			.withReason(dates(rules.validFrom(), rules.validTo())));
		return id;
	}

	/**
	 * Changes a local agreement's rules, if nobody changed them since {@code version} was
	 * read (otherwise {@link ConcurrentEditException}, nothing saved). Admissions already
	 * recorded under the rules keep them: their periods and notices cannot change, and
	 * the dates must still cover every such admission and every daily rate. The national
	 * rule sets follow the law and are never changed here.
	 */
	@Transactional
	public void change(Actor actor, UUID id, long version, NewRuleSet rules) {
		administrator(actor);
		if (!repository.lock(id)) {
			throw new NotFoundException("Discharge rule set", id);
		}
		RuleSet current = repository.byId(id);
		if (!current.localAgreement()) {
			throw new DischargeRefused(
					"The national discharge rules follow the law and are not changed here: add a local agreement instead");
		}
		if (current.version() != version) {
			throw new ConcurrentEditException("Discharge rule set", id);
		}
		DischargeRule.Collector problems = check(rules, id);
		RuleSetRepository.Use use = repository.use(id);
		if (use.admissions() > 0) {
			String inUse = "These rules apply to " + use.admissions()
					+ (use.admissions() == 1 ? " admission" : " admissions") + " already";
			if (rules.statutoryNotices() != current.statutoryNotices()
					|| (rules.statutoryNotices() && !samePeriods(rules, current))) {
				problems.add("statutoryNotices",
						inUse + ", so their notices and periods cannot change: end them and add a new local agreement");
			}
			if (rules.validFrom() != null && use.firstDay() != null && rules.validFrom().isAfter(use.firstDay())
					&& !problems.has("validFrom")) {
				problems.add("validFrom",
						inUse + ": start on or before " + day(use.firstDay()) + ", the first admission day");
			}
			if (rules.validTo() != null && use.lastDay() != null && rules.validTo().isBefore(use.lastDay())
					&& !problems.has("validTo")) {
				problems.add("validTo", inUse + ": end on or after " + day(use.lastDay()) + ", the last admission day");
			}
		}
		List<DailyRate> rates = repository.rates(id);
		if (!rates.isEmpty() && !rules.statutoryNotices() && !problems.has("statutoryNotices")) {
			problems.add("statutoryNotices", "These rules have daily rates, which need statutory notices");
		}
		if (rules.validFrom() != null) {
			rates.stream()
				.filter(r -> r.validFrom().isBefore(rules.validFrom())
						|| (rules.validTo() != null && (r.validTo() == null || r.validTo().isAfter(rules.validTo()))))
				.findFirst()
				.filter(r -> !problems.has("validFrom") && !problems.has("validTo"))
				.ifPresent(r -> problems.add(r.validFrom().isBefore(rules.validFrom()) ? "validFrom" : "validTo",
						"A daily rate runs " + dates(r.validFrom(), r.validTo()) + ": the rules must cover it"));
		}
		problems.refuseIfAny();
		saving(rules, () -> {
			if (repository.update(id, version, rules) == 0) {
				throw new ConcurrentEditException("Discharge rule set", id);
			}
		});
		auditLog.record(AuditEvent.permitted(actor, "change-discharge-rules", "DischargeRuleSet", id, null)
			.withReason(dates(rules.validFrom(), rules.validTo())));
	}

	/**
	 * Ends a local agreement on {@code lastDay} (inclusive): the same checks as any
	 * change.
	 */
	@Transactional
	public void end(Actor actor, UUID id, long version, @Nullable LocalDate lastDay) {
		administrator(actor);
		RuleSet current = repository.find(id).orElseThrow(() -> new NotFoundException("Discharge rule set", id));
		if (lastDay == null) {
			throw new DischargeRule("validTo", "Enter the last day these rules apply");
		}
		change(actor, id, version,
				new NewRuleSet(current.name(), current.legalBasis(), current.validFrom(), lastDay,
						current.statutoryNotices(), current.assessmentNoticeMaxDaysBeforeAdmission(),
						current.dischargeNoticeMinDaysBeforeDischarge(), current.assessmentPeriodDays(),
						current.dailyReimbursement()));
	}

	/**
	 * What would be wrong with these rules as a new local agreement (or as a change to
	 * {@code id}), without saving: for a form that could not read all its values.
	 */
	@Transactional(readOnly = true)
	public List<DischargeRule.Violation> problems(NewRuleSet rules, @Nullable UUID id) {
		return check(rules, id).found();
	}

	private static void administrator(Actor actor) {
		if (!actor.has(Role.ADMINISTRATOR)) {
			throw new DischargeRefused("Only administrators add or change a local agreement's discharge rules");
		}
	}

	private DischargeRule.Collector check(NewRuleSet rules, @Nullable UUID id) {
		DischargeRule.Collector problems = new DischargeRule.Collector();
		if (Admissions.blank(rules.name()) || rules.name().length() > 200) {
			problems.add("name", "Enter a name of 200 characters or fewer");
		}
		else if (repository.nameTaken(rules.name(), id)) {
			problems.add("name", "A rule set with this name already exists");
		}
		if (Admissions.blank(rules.legalBasis()) || rules.legalBasis().length() > 2000) {
			problems.add("legalBasis", "Enter the agreement the rules come from, in 2,000 characters or fewer");
		}
		if (rules.validFrom() == null) {
			problems.add("validFrom", "Enter the date the rules start");
		}
		else if (outOfRange(rules.validFrom())) {
			problems.add("validFrom", "Enter a start date between 1948 and 2200");
		}
		if (rules.validTo() != null && outOfRange(rules.validTo())) {
			problems.add("validTo", "Enter an end date between 1948 and 2200, or leave it blank");
		}
		else if (rules.validFrom() != null && rules.validTo() != null && rules.validTo().isBefore(rules.validFrom())) {
			problems.add("validTo", "The end date cannot be before the start date");
		}
		if (rules.statutoryNotices()) {
			period(problems, "assessmentNoticeMaxDaysBeforeAdmission", rules.assessmentNoticeMaxDaysBeforeAdmission());
			period(problems, "dischargeNoticeMinDaysBeforeDischarge", rules.dischargeNoticeMinDaysBeforeDischarge());
			period(problems, "assessmentPeriodDays", rules.assessmentPeriodDays());
			if (rules.dailyReimbursement() != null && (rules.dailyReimbursement().signum() < 0
					|| rules.dailyReimbursement().compareTo(BigDecimal.valueOf(100_000)) > 0
					|| rules.dailyReimbursement().scale() > 2)) {
				problems.add("dailyReimbursement", "Enter an amount between £0 and £100,000, in pounds and pence");
			}
		}
		if (!problems.has("validFrom") && !problems.has("validTo")) {
			repository.overlapping(true, rules.validFrom(), rules.validTo(), id)
				.ifPresent(other -> problems.add("validFrom", overlap(other)));
		}
		return problems;
	}

	private static String overlap(RuleSet other) {
		return "These dates overlap the local agreement “" + other.name() + "” ("
				+ dates(other.validFrom(), other.validTo())
				+ "): end that one first, or choose dates that do not overlap";
	}

	/**
	 * Saves, turning the database's own no-overlap and unique-name constraints (another
	 * administrator saved the same dates or name a moment ago) into messages on the form.
	 */
	private void saving(NewRuleSet rules, Runnable save) {
		try {
			save.run();
		}
		catch (DataIntegrityViolationException ex) {
			String state = ex.getMostSpecificCause() instanceof SQLException sql ? sql.getSQLState() : "";
			if ("23P01".equals(state)) {
				throw new DischargeRule("validFrom",
						"Another local agreement covering these dates was saved a moment ago: end that one first, or choose dates that do not overlap");
			}
			if ("23505".equals(state)) {
				throw new DischargeRule("name", "A rule set with this name already exists");
			}
			throw ex;
		}
	}

	private static boolean samePeriods(NewRuleSet rules, RuleSet current) {
		return Objects.equals(rules.assessmentNoticeMaxDaysBeforeAdmission(),
				current.assessmentNoticeMaxDaysBeforeAdmission())
				&& Objects.equals(rules.dischargeNoticeMinDaysBeforeDischarge(),
						current.dischargeNoticeMinDaysBeforeDischarge())
				&& Objects.equals(rules.assessmentPeriodDays(), current.assessmentPeriodDays())
				&& (rules.dailyReimbursement() == null ? current.dailyReimbursement() == null
						: current.dailyReimbursement() != null
								&& rules.dailyReimbursement().compareTo(current.dailyReimbursement()) == 0);
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private static String day(LocalDate day) {
		return DAY.format(day);
	}

	private static boolean outOfRange(LocalDate day) {
		return day.getYear() < 1948 || day.getYear() > 2200;
	}

	private static String dates(@Nullable LocalDate from, @Nullable LocalDate to) {
		return (from == null ? "?" : day(from)) + " to " + (to == null ? "no end date" : day(to));
	}

	@Transactional(readOnly = true)
	public List<DailyRate> rates(UUID ruleSet) {
		return repository.rates(ruleSet);
	}

	/**
	 * Adds a dated daily rate to a rule set (administrators only): every problem at once,
	 * and never overlapping another rate of the same rule set, checked under a lock on
	 * the rule set so two administrators cannot both add overlapping rates.
	 */
	@Transactional
	public UUID addRate(Actor actor, UUID ruleSet, @Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable BigDecimal amount, @Nullable String note) {
		if (!actor.has(Role.ADMINISTRATOR)) {
			throw new DischargeRefused("Only administrators enter reimbursement rates");
		}
		if (!repository.lock(ruleSet)) {
			throw new NotFoundException("Discharge rule set", ruleSet);
		}
		RuleSet rules = repository.byId(ruleSet);
		DischargeRule.Collector problems = new DischargeRule.Collector();
		if (!rules.statutoryNotices()) {
			problems.add("ruleSet", "These rules have no reimbursement: choose a rule set with statutory notices");
		}
		if (from == null) {
			problems.add("validFrom", "Enter the date the rate starts");
		}
		else if (to != null && to.isBefore(from)) {
			problems.add("validTo", "The end date cannot be before the start date");
		}
		else if (from.isBefore(rules.validFrom())
				|| (rules.validTo() != null && (to == null || to.isAfter(rules.validTo())))) {
			problems.add("validFrom", "The rate's dates must lie within the rule set's, " + rules.validFrom() + " to "
					+ (rules.validTo() == null ? "open" : rules.validTo()));
		}
		else {
			repository.rates(ruleSet)
				.stream()
				.filter(r -> r.overlaps(from, to))
				.findFirst()
				.ifPresent(r -> problems.add("validFrom", "These dates overlap the rate from " + r.validFrom() + " to "
						+ (r.validTo() == null ? "open" : r.validTo()) + ": end that one first or choose other dates"));
		}
		if (amount == null) {
			problems.add("amount", "Enter the daily amount in pounds, like 100.00");
		}
		else if (amount.signum() < 0 || amount.compareTo(BigDecimal.valueOf(100_000)) > 0 || amount.scale() > 2) {
			problems.add("amount", "Enter an amount between £0 and £100,000, in pounds and pence");
		}
		if (Admissions.blank(note) || note.length() > 2000) {
			problems.add("note", "Say where the rate comes from, in 2,000 characters or fewer");
		}
		problems.refuseIfAny();
		UUID id = UUID.randomUUID();
		repository.insertRate(id, ruleSet, from, to, amount.setScale(2), note.strip(), actor.username(),
				clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "add-daily-rate", "DischargeRuleSet", ruleSet, null)
			.withReason(amount.setScale(2).toPlainString() + " GBP from " + from));
		return id;
	}

	private static void period(DischargeRule.Collector problems, String field, Integer days) {
		if (days == null || days < 0 || days > 365) {
			problems.add(field, "Enter a number of days from 0 to 365");
		}
	}

}
