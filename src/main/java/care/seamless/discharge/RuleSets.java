package care.seamless.discharge;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.Role;

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

	private static void period(DischargeRule.Collector problems, String field, Integer days) {
		if (days == null || days < 0 || days > 365) {
			problems.add(field, "Enter a number of days from 0 to 365");
		}
	}

}
