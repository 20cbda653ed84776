package care.seamless.discharge;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.math.BigDecimal;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.Role;

import org.jspecify.annotations.Nullable;

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

	/**
	 * Adds a partnership's local agreement (for example, to keep assessment and discharge
	 * notices after 1 July 2022); administrators only.
	 */
	@Transactional
	public UUID addLocalAgreement(Actor actor, NewRuleSet rules) {
		if (!actor.has(Role.ADMINISTRATOR)) {
			throw new DischargeRefused("Only administrators add a local agreement's discharge rules");
		}
		DischargeRule.Collector problems = new DischargeRule.Collector();
		if (Admissions.blank(rules.name()) || rules.name().length() > 200) {
			problems.add("name", "Enter a name of 200 characters or fewer");
		}
		else if (repository.nameTaken(rules.name())) {
			problems.add("name", "A rule set with this name already exists");
		}
		if (Admissions.blank(rules.legalBasis()) || rules.legalBasis().length() > 2000) {
			problems.add("legalBasis", "Enter the agreement the rules come from, in 2,000 characters or fewer");
		}
		if (rules.validFrom() == null) {
			problems.add("validFrom", "Enter the date the rules start");
		}
		else if (rules.validTo() != null && rules.validTo().isBefore(rules.validFrom())) {
			problems.add("validTo", "The end date cannot be before the start date");
		}
		if (rules.statutoryNotices()) {
			period(problems, "assessmentNoticeMaxDaysBeforeAdmission", rules.assessmentNoticeMaxDaysBeforeAdmission());
			period(problems, "dischargeNoticeMinDaysBeforeDischarge", rules.dischargeNoticeMinDaysBeforeDischarge());
			period(problems, "assessmentPeriodDays", rules.assessmentPeriodDays());
			if (rules.dailyReimbursement() != null && (rules.dailyReimbursement().signum() < 0
					|| rules.dailyReimbursement().compareTo(java.math.BigDecimal.valueOf(100_000)) > 0)) {
				problems.add("dailyReimbursement", "Enter an amount between £0 and £100,000");
			}
		}
		problems.refuseIfAny();
		UUID id = UUID.randomUUID();
		repository.insert(id, rules, actor.username(), clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "add-discharge-rules", "DischargeRuleSet", id, null));
		return id;
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
			throw new care.seamless.shared.NotFoundException("Discharge rule set", ruleSet);
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
