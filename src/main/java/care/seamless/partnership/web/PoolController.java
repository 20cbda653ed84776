package care.seamless.partnership.web;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import care.seamless.partnership.Partnership;
import care.seamless.partnership.PartnershipRule;
import care.seamless.partnership.Partnerships;
import care.seamless.partnership.PoolCommitments;
import care.seamless.partnership.PoolStatement;
import care.seamless.partnership.PooledFunds;
import care.seamless.partnership.RiskShare;
import care.seamless.shared.Actor;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PageController;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pooled fund ledger pages and the year's CSV. Amounts are read as typed ("£1,250.00"
 * or "1250"), so a value that is not money is a message beside its field.
 */
@PageController
class PoolController {

	private final PooledFunds funds;

	private final Partnerships partnerships;

	private final PoolCommitments commitments;

	PoolController(PooledFunds funds, Partnerships partnerships, PoolCommitments commitments) {
		this.commitments = commitments;
		this.funds = funds;
		this.partnerships = partnerships;
	}

	@GetMapping("/partnerships/{id}/fund")
	String fund(Actor actor, @PathVariable UUID id, @RequestParam(required = false) @Nullable String year,
			Model model) {
		Partnership partnership = partnerships.find(id);
		var years = funds.years(id);
		Integer chosen = parseYear(year);
		if (chosen == null) {
			chosen = years.isEmpty() ? funds.currentFinancialYear() : years.get(0);
		}
		model.addAttribute("partnership", partnership);
		model.addAttribute("years", years);
		model.addAttribute("year", chosen);
		model.addAttribute("yearLabel", chosen + "/" + String.format("%02d", (chosen + 1) % 100));
		model.addAttribute("rules", RiskShare.Rule.values());
		model.addAttribute("mayKeep", Partnerships.mayKeep(actor));
		model.addAttribute("statement", years.contains(chosen) ? funds.statement(id, chosen) : null);
		model.addAttribute("commitments", commitments.forYear(id, chosen));
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", Map.of());
		}
		if (!model.containsAttribute("typed")) {
			model.addAttribute("typed", Map.of());
		}
		return "partnership/fund";
	}

	@PostMapping("/partnerships/{id}/fund/terms")
	String terms(Actor actor, @PathVariable UUID id, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		Partnership partnership = partnerships.find(id);
		Map<String, String> problems = new LinkedHashMap<>();
		Integer year = parseYear(params.get("year"));
		if (year == null) {
			problems.put("year", "Enter a financial year from 2000 to 2100, for example 2026 for 2026/27");
		}
		RiskShare.Rule rule = PartnershipController.choice(RiskShare.Rule.class, params.get("rule"), "rule",
				"Choose how an overspend or underspend is shared", problems);
		Map<OrganisationId, PooledFunds.Terms> terms = new LinkedHashMap<>();
		for (Partnership.Partner partner : partnership.partners()) {
			String key = partner.organisation().id().toString();
			BigDecimal percentage = amount(params.get("percentage-" + key), "percentage-" + key, problems);
			BigDecimal cap = amount(params.get("cap-" + key), "cap-" + key, problems);
			terms.put(partner.organisation(), new PooledFunds.Terms(percentage, cap));
		}
		if (problems.isEmpty()) {
			try {
				funds.setTerms(actor, id, year, rule, PartnershipController.number(params.get("version")), terms);
				redirect.addFlashAttribute("saved", "pool.terms.saved");
				return "redirect:/partnerships/" + id + "/fund?year=" + year;
			}
			catch (PartnershipRule ex) {
				PartnershipController.add(problems, ex.violations());
			}
		}
		return again(actor, id, params, problems, model);
	}

	@PostMapping("/partnerships/{id}/fund/{year}/contributions")
	String contribute(Actor actor, @PathVariable UUID id, @PathVariable int year,
			@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		Map<String, String> problems = new LinkedHashMap<>();
		BigDecimal amount = required(params.get("amount"), "amount", problems);
		OrganisationId partner = null;
		try {
			partner = OrganisationId.of(params.getOrDefault("partner", "").strip());
		}
		catch (IllegalArgumentException ex) {
			problems.put("partner", "Choose one of the partners");
		}
		if (problems.isEmpty()) {
			try {
				funds.contribute(actor, id, year, partner, amount, "VARIATION".equals(params.get("kind")),
						params.getOrDefault("reason", ""));
				redirect.addFlashAttribute("saved", "pool.contribution.saved");
				return "redirect:/partnerships/" + id + "/fund?year=" + year;
			}
			catch (PartnershipRule ex) {
				PartnershipController.add(problems, ex.violations());
			}
		}
		params.put("year", Integer.toString(year));
		return again(actor, id, params, problems, model);
	}

	@PostMapping("/partnerships/{id}/fund/{year}/lines")
	String line(Actor actor, @PathVariable UUID id, @PathVariable int year, @RequestParam Map<String, String> params,
			Model model, RedirectAttributes redirect) {
		Map<String, String> problems = new LinkedHashMap<>();
		BigDecimal budget = required(params.get("budget"), "budget", problems);
		if (problems.isEmpty()) {
			try {
				funds.addLine(actor, id, year, params.getOrDefault("name", ""), budget);
				redirect.addFlashAttribute("saved", "pool.line.saved");
				return "redirect:/partnerships/" + id + "/fund?year=" + year;
			}
			catch (PartnershipRule ex) {
				PartnershipController.add(problems, ex.violations());
			}
		}
		params.put("year", Integer.toString(year));
		return again(actor, id, params, problems, model);
	}

	@PostMapping("/partnerships/{id}/fund/{year}/spend")
	String spend(Actor actor, @PathVariable UUID id, @PathVariable int year, @RequestParam Map<String, String> params,
			Model model, RedirectAttributes redirect) {
		Map<String, String> problems = new LinkedHashMap<>();
		BigDecimal amount = required(params.get("spend-amount"), "spend-amount", problems);
		UUID line = null;
		try {
			line = UUID.fromString(params.getOrDefault("line", "").strip());
		}
		catch (IllegalArgumentException ex) {
			problems.put("line", "Choose a budget line");
		}
		LocalDate on = null;
		try {
			on = LocalDate.parse(params.getOrDefault("spentOn", "").strip());
		}
		catch (DateTimeParseException ex) {
			problems.put("spentOn", "Enter a real date, for example 2026-06-30");
		}
		if (problems.isEmpty()) {
			try {
				funds.spend(actor, line, amount, on, params.getOrDefault("description", ""),
						params.getOrDefault("reference", ""));
				redirect.addFlashAttribute("saved", "pool.spend.saved");
				return "redirect:/partnerships/" + id + "/fund?year=" + year;
			}
			catch (PartnershipRule ex) {
				ex.violations()
					.forEach((v) -> problems.merge(v.field().equals("amount") ? "spend-amount" : v.field(), v.message(),
							(a, b) -> a + ". " + b));
			}
		}
		params.put("year", Integer.toString(year));
		return again(actor, id, params, problems, model);
	}

	@PostMapping("/partnerships/{id}/fund/{year}/lines/{line}/forecast")
	String forecast(Actor actor, @PathVariable UUID id, @PathVariable int year, @PathVariable UUID line,
			@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		Map<String, String> problems = new LinkedHashMap<>();
		BigDecimal forecast = required(params.get("forecast"), "forecast-" + line, problems);
		if (problems.isEmpty()) {
			try {
				funds.forecast(actor, line, PartnershipController.number(params.get("version")), forecast);
				redirect.addFlashAttribute("saved", "pool.forecast.saved");
				return "redirect:/partnerships/" + id + "/fund?year=" + year;
			}
			catch (PartnershipRule ex) {
				ex.violations().forEach((v) -> problems.put("forecast-" + line, v.message()));
			}
		}
		params.put("year", Integer.toString(year));
		return again(actor, id, params, problems, model);
	}

	/**
	 * The year's statement as CSV, for the partners' quarterly report and the annual
	 * return.
	 */
	@GetMapping("/partnerships/{id}/fund/{year}.csv")
	ResponseEntity<String> csv(@PathVariable UUID id, @PathVariable int year) throws IOException {
		if (!funds.years(id).contains(year)) {
			throw new NotFoundException("Pooled fund year " + year, id);
		}
		PoolStatement s = funds.statement(id, year);
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder()
					.setHeader("financial_year", "section", "item", "measure", "amount")
					.get())) {
			for (PoolStatement.PartnerLine p : s.partners()) {
				csv.printRecord(s.yearLabel(), "contribution", p.name(), "total", p.contributed().toPlainString());
			}
			for (PoolStatement.BudgetLine l : s.lines()) {
				csv.printRecord(s.yearLabel(), "line", l.name(), "budget", l.budget().toPlainString());
				csv.printRecord(s.yearLabel(), "line", l.name(), "spent", l.spent().toPlainString());
				csv.printRecord(s.yearLabel(), "line", l.name(), "forecast", l.forecast().toPlainString());
			}
			csv.printRecord(s.yearLabel(), "total", "pooled", "total", s.pooled().toPlainString());
			csv.printRecord(s.yearLabel(), "total", "forecast outturn", "total", s.forecast().toPlainString());
			csv.printRecord(s.yearLabel(), "total", "variance", "total", s.variance().toPlainString());
			if (s.riskShare() != null) {
				for (Map.Entry<String, BigDecimal> share : s.riskShare().shares().entrySet()) {
					csv.printRecord(s.yearLabel(), "risk share " + s.rule(), share.getKey(), "share",
							share.getValue().toPlainString());
				}
			}
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pooled-fund-" + year + ".csv\"")
			.body(out.toString());
	}

	private String again(Actor actor, UUID id, Map<String, String> params, Map<String, String> problems, Model model) {
		model.addAttribute("problems", problems);
		model.addAttribute("typed", params);
		return fund(actor, id, params.get("year"), model);
	}

	private static @Nullable Integer parseYear(@Nullable String year) {
		if (year == null || year.isBlank()) {
			return null;
		}
		try {
			int value = Integer.parseInt(year.strip());
			return value < 2000 || value > 2100 ? null : value;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static BigDecimal required(@Nullable String text, String field, Map<String, String> problems) {
		if (text == null || text.isBlank()) {
			problems.put(field, "Enter an amount in pounds, for example 1250.00");
			return BigDecimal.ZERO;
		}
		BigDecimal value = amount(text, field, problems);
		return value == null ? BigDecimal.ZERO : value;
	}

	/** Money as typed: "£1,250.50", "1250.5" or "-300"; null for a blank. */
	static @Nullable BigDecimal amount(@Nullable String text, String field, Map<String, String> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String cleaned = text.strip().replace(",", "").replace("£", "");
		if (!cleaned.matches("-?\\d{1,12}(\\.\\d{1,2})?")) {
			problems.put(field, "Enter an amount in pounds and pence, for example 1250.00");
			return null;
		}
		return new BigDecimal(cleaned).setScale(2);
	}

}
