package care.seamless.outcomes.web;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import care.seamless.document.PrintedDocuments;
import care.seamless.outcomes.Outcomes;
import care.seamless.outcomes.PartnersReport;
import care.seamless.outcomes.Returns;
import care.seamless.shared.Actor;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PageController;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The pooled fund's quarterly report and annual return (tagged PDF and CSV) and the
 * Better Care Fund quarterly return (CSV). Years and quarters are read as text, so one
 * that is not is a "not found" page, never a 500.
 */
@PageController
class ReturnsController {

	static final String TEMPLATE = "outcomes/return";

	private final Returns returns;

	private final PrintedDocuments documents;

	private final MessageSource messages;

	ReturnsController(Returns returns, PrintedDocuments documents, MessageSource messages) {
		this.returns = returns;
		this.documents = documents;
		this.messages = messages;
	}

	@GetMapping("/partnerships/{id}/returns/{year}/q{quarter}.pdf")
	ResponseEntity<byte[]> quarterlyPdf(Actor actor, @PathVariable UUID id, @PathVariable String year,
			@PathVariable String quarter) {
		Outcomes.requireReader(actor);
		PartnersReport report = returns.quarterly(actor, id, year(year), quarter(quarter));
		return pdf(report, "quarterly-report-" + year + "-q" + quarter + ".pdf");
	}

	@GetMapping("/partnerships/{id}/returns/{year}/q{quarter}.csv")
	ResponseEntity<String> quarterlyCsv(Actor actor, @PathVariable UUID id, @PathVariable String year,
			@PathVariable String quarter) throws IOException {
		Outcomes.requireReader(actor);
		PartnersReport report = returns.quarterly(actor, id, year(year), quarter(quarter));
		return OutcomesController.csvResponse(Returns.csv(report, suppressed()),
				"quarterly-report-" + year + "-q" + quarter + ".csv");
	}

	@GetMapping("/partnerships/{id}/returns/{year}/annual.pdf")
	ResponseEntity<byte[]> annualPdf(Actor actor, @PathVariable UUID id, @PathVariable String year) {
		Outcomes.requireReader(actor);
		return pdf(returns.annual(actor, id, year(year)), "annual-return-" + year + ".pdf");
	}

	@GetMapping("/partnerships/{id}/returns/{year}/annual.csv")
	ResponseEntity<String> annualCsv(Actor actor, @PathVariable UUID id, @PathVariable String year) throws IOException {
		Outcomes.requireReader(actor);
		return OutcomesController.csvResponse(Returns.csv(returns.annual(actor, id, year(year)), suppressed()),
				"annual-return-" + year + ".csv");
	}

	@GetMapping("/partnerships/{id}/returns/{year}/q{quarter}/bcf.csv")
	ResponseEntity<String> bcf(Actor actor, @PathVariable UUID id, @PathVariable String year,
			@PathVariable String quarter) throws IOException {
		Outcomes.requireReader(actor);
		return OutcomesController.csvResponse(returns.bcf(actor, id, year(year), quarter(quarter), suppressed()),
				"better-care-fund-" + year + "-q" + quarter + ".csv");
	}

	private ResponseEntity<byte[]> pdf(PartnersReport report, String filename) {
		byte[] body = documents.pdf(TEMPLATE, Map.of("report", report));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	private String suppressed() {
		return messages.getMessage("outcomes.suppressed", null, LocaleContextHolder.getLocale());
	}

	private static int year(String text) {
		if (!text.matches("20[0-9]{2}")) {
			throw new NotFoundException("Financial year", "?");
		}
		return Integer.parseInt(text);
	}

	private static int quarter(String text) {
		if (!text.matches("[1-4]")) {
			throw new NotFoundException("Quarter", "?");
		}
		return Integer.parseInt(text);
	}

}
