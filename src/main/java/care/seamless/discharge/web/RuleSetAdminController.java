package care.seamless.discharge.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import care.seamless.discharge.DischargeRefused;
import care.seamless.discharge.DischargeRule;
import care.seamless.discharge.NewRuleSet;
import care.seamless.discharge.RuleSet;
import care.seamless.discharge.RuleSets;
import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The administrators' page for the dated discharge rule sets: every rule set with its
 * dates, a form to add a local agreement, and for each local agreement a form to change
 * it (naming the version it read) and one to end it. Values are read as typed text, so a
 * date or number that is not one is a message on its field.
 */
@PageController
class RuleSetAdminController {

	private final RuleSets ruleSets;

	RuleSetAdminController(RuleSets ruleSets) {
		this.ruleSets = ruleSets;
	}

	/** The form as typed. */
	record RuleSetForm(@Nullable String version, @Nullable String name, @Nullable String legalBasis,
			@Nullable String validFrom, @Nullable String validTo, @Nullable String statutoryNotices,
			@Nullable String assessmentNoticeMaxDaysBeforeAdmission,
			@Nullable String dischargeNoticeMinDaysBeforeDischarge, @Nullable String assessmentPeriodDays,
			@Nullable String dailyReimbursement) {

		static RuleSetForm empty() {
			return new RuleSetForm(null, null, null, null, null, null, null, null, null, null);
		}

		static RuleSetForm of(RuleSet r) {
			return new RuleSetForm(Long.toString(r.version()), r.name(), r.legalBasis(),
					DischargeForms.text(r.validFrom()), DischargeForms.text(r.validTo()),
					r.statutoryNotices() ? "true" : null, number(r.assessmentNoticeMaxDaysBeforeAdmission()),
					number(r.dischargeNoticeMinDaysBeforeDischarge()), number(r.assessmentPeriodDays()),
					r.dailyReimbursement() == null ? "" : r.dailyReimbursement().toPlainString());
		}

		private static String number(@Nullable Integer value) {
			return value == null ? "" : value.toString();
		}

		/** Whether the box is ticked; the template asks this. */
		boolean notices() {
			return "true".equals(statutoryNotices);
		}

		/** The rules as typed; a value that could not be read is named in problems. */
		NewRuleSet read(Map<String, String> problems) {
			if (statutoryNotices != null && !statutoryNotices.isEmpty() && !notices()) {
				problems.putIfAbsent("statutoryNotices", "Tick the box to keep notices, or leave it clear");
			}
			LocalDate from = DischargeForms.date(validFrom, "validFrom", problems);
			LocalDate to = DischargeForms.date(validTo, "validTo", problems);
			Integer assessmentMax = days(assessmentNoticeMaxDaysBeforeAdmission,
					"assessmentNoticeMaxDaysBeforeAdmission", problems);
			Integer dischargeMin = days(dischargeNoticeMinDaysBeforeDischarge, "dischargeNoticeMinDaysBeforeDischarge",
					problems);
			Integer period = days(assessmentPeriodDays, "assessmentPeriodDays", problems);
			BigDecimal daily = null;
			if (notices() && dailyReimbursement != null && !dailyReimbursement.isBlank()) {
				try {
					daily = new BigDecimal(dailyReimbursement.strip().replace(",", ""));
				}
				catch (NumberFormatException ex) {
					problems.putIfAbsent("dailyReimbursement", "Enter an amount in pounds, like 100.00");
				}
			}
			return new NewRuleSet(name == null ? null : name.strip(), legalBasis == null ? null : legalBasis.strip(),
					from, to, notices(), assessmentMax, dischargeMin, period, daily);
		}

		private @Nullable Integer days(@Nullable String text, String field, Map<String, String> problems) {
			if (!notices() || text == null || text.isBlank()) {
				return null;
			}
			String digits = text.strip();
			if (!digits.matches("\\d{1,3}")) {
				problems.putIfAbsent(field, "Enter a number of days from 0 to 365");
				return null;
			}
			return Integer.valueOf(digits);
		}

		long versionRead() {
			try {
				return version == null ? -1 : Long.parseLong(version.strip());
			}
			catch (NumberFormatException ex) {
				// A tampered version is stale: the conflict page, never an overwrite.
				return -1;
			}
		}

	}

	/** The last day a local agreement applies, as typed. */
	record EndForm(@Nullable String version, @Nullable String lastDay) {
	}

	@GetMapping("/admin/discharge-rules")
	String list(Model model) {
		return list(RuleSetForm.empty(), new LinkedHashMap<>(), model);
	}

	@PostMapping("/admin/discharge-rules")
	String add(Actor actor, RuleSetForm form, Model model) {
		Map<String, String> problems = new LinkedHashMap<>();
		NewRuleSet rules = form.read(problems);
		if (problems.isEmpty()) {
			try {
				ruleSets.addLocalAgreement(actor, rules);
				return "redirect:/admin/discharge-rules?added";
			}
			catch (DischargeRule ex) {
				ex.violations().forEach(v -> problems.putIfAbsent(v.field(), v.message()));
			}
		}
		else {
			alsoTheRest(rules, null, problems);
		}
		return list(form, problems, model);
	}

	@GetMapping("/admin/discharge-rules/{id}")
	String show(@PathVariable UUID id, Model model) {
		RuleSet rules = ruleSets.ruleSet(id);
		return show(rules, RuleSetForm.of(rules), new LinkedHashMap<>(), model);
	}

	@PostMapping("/admin/discharge-rules/{id}")
	String change(Actor actor, @PathVariable UUID id, RuleSetForm form, Model model) {
		Map<String, String> problems = new LinkedHashMap<>();
		NewRuleSet rules = form.read(problems);
		if (problems.isEmpty()) {
			try {
				ruleSets.change(actor, id, form.versionRead(), rules);
				return "redirect:/admin/discharge-rules/" + id + "?saved";
			}
			catch (DischargeRule ex) {
				ex.violations().forEach(v -> problems.putIfAbsent(v.field(), v.message()));
			}
		}
		else {
			alsoTheRest(rules, id, problems);
		}
		return show(ruleSets.ruleSet(id), form, problems, model);
	}

	@PostMapping("/admin/discharge-rules/{id}/end")
	String end(Actor actor, @PathVariable UUID id, EndForm form, Model model) {
		Map<String, String> problems = new LinkedHashMap<>();
		LocalDate lastDay = DischargeForms.date(form.lastDay(), "lastDay", problems);
		if (problems.isEmpty()) {
			try {
				ruleSets.end(actor, id,
						new RuleSetForm(form.version(), null, null, null, null, null, null, null, null, null)
							.versionRead(),
						lastDay);
				return "redirect:/admin/discharge-rules/" + id + "?ended";
			}
			catch (DischargeRule ex) {
				// The end form has one field: every rule broken by the new end is about
				// it.
				ex.violations().forEach(v -> problems.merge("lastDay", v.message(), (a, b) -> a + ". " + b));
			}
		}
		RuleSet rules = ruleSets.ruleSet(id);
		model.addAttribute("lastDay", form.lastDay());
		return show(rules, RuleSetForm.of(rules), problems, model);
	}

	@ExceptionHandler(DischargeRefused.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String refused(DischargeRefused ex, Model model) {
		model.addAttribute("reason", ex.getMessage());
		return "discharge/refused";
	}

	private String list(RuleSetForm form, Map<String, String> problems, Model model) {
		model.addAttribute("ruleSets", ruleSets.all());
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		return "discharge/rule-sets";
	}

	private String show(RuleSet rules, RuleSetForm form, Map<String, String> problems, Model model) {
		model.addAttribute("rules", rules);
		model.addAttribute("rates", ruleSets.rates(rules.id()));
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		return "discharge/rule-set";
	}

	/**
	 * Adds the other problems of a form with a value that could not be read, so every
	 * problem shows at once (nothing is saved). A date that could not be read makes the
	 * date checks meaningless, so theirs are left out.
	 */
	private void alsoTheRest(NewRuleSet rules, @Nullable UUID id, Map<String, String> problems) {
		boolean datesUnread = problems.containsKey("validFrom") || problems.containsKey("validTo");
		ruleSets.problems(rules, id)
			.stream()
			.filter(v -> !datesUnread || !(v.field().equals("validFrom") || v.field().equals("validTo")))
			.forEach(v -> problems.putIfAbsent(v.field(), v.message()));
	}

}
