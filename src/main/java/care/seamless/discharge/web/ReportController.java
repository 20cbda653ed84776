package care.seamless.discharge.web;

import java.io.IOException;
import java.io.StringWriter;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

import care.seamless.discharge.DischargeRefused;
import care.seamless.discharge.DischargeReports;
import care.seamless.discharge.MonthlyReport;
import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The monthly delayed-days report for managers: a chart with its table and a sentence
 * saying the same (so the chart is never the only way to read it), and a CSV download.
 */
@PageController
class ReportController {

	private final DischargeReports reports;

	private final java.time.Clock clock;

	ReportController(DischargeReports reports, java.time.Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	@GetMapping("/discharges/report")
	String report(Actor actor, @RequestParam(required = false) @Nullable String month, Model model) {
		YearMonth chosen = month(month);
		if (chosen == null) {
			model.addAttribute("monthProblem", month != null && !month.isBlank());
			chosen = YearMonth.now(clock);
		}
		MonthlyReport report = reports.monthly(actor, chosen);
		model.addAttribute("report", report);
		model.addAttribute("month", chosen.toString());
		return "discharge/report";
	}

	@GetMapping("/discharges/report.csv")
	ResponseEntity<String> csv(Actor actor, @RequestParam String month) throws IOException {
		YearMonth chosen = month(month);
		if (chosen == null) {
			return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("Enter a month like 2022-06\n");
		}
		MonthlyReport report = reports.monthly(actor, chosen);
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder().setHeader("month", "measure", "value", "delayed_days").get())) {
			for (Map.Entry<?, Integer> row : report.byReason().entrySet()) {
				csv.printRecord(chosen, "reason", row.getKey(), row.getValue());
			}
			for (Map.Entry<String, Integer> row : report.byAttribution().entrySet()) {
				csv.printRecord(chosen, "attribution", row.getKey(), row.getValue());
			}
			for (Map.Entry<String, Integer> row : report.byPathway().entrySet()) {
				csv.printRecord(chosen, "pathway", row.getKey(), row.getValue());
			}
			csv.printRecord(chosen, "total", "ALL", report.total());
			MonthlyReport.Reimbursement money = report.reimbursement();
			csv.printRecord(chosen, "reimbursement_payable_by_social_care_gbp",
					money.payableBySocialCare().toPlainString(), money.daysCharged());
			csv.printRecord(chosen, "reimbursement_agreed_without_rate", "SOCIAL_CARE", money.daysWithoutRate());
			csv.printRecord(chosen, "reimbursement_disputed_at_stake_gbp", money.disputedAtStake().toPlainString(),
					money.disputedDays());
			csv.printRecord(chosen, "reimbursement_awaiting_agreement_gbp", money.awaitingAgreement().toPlainString(),
					money.awaitingDays());
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"delayed-days-" + chosen + ".csv\"")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(out.toString());
	}

	@ExceptionHandler(DischargeRefused.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String refused(DischargeRefused ex, Model model) {
		model.addAttribute("reason", ex.getMessage());
		return "discharge/refused";
	}

	private static @Nullable YearMonth month(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			YearMonth month = YearMonth.parse(text.strip());
			return month.getYear() < 2000 || month.getYear() > 2100 ? null : month;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
