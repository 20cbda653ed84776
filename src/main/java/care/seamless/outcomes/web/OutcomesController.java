package care.seamless.outcomes.web;

import java.io.IOException;
import java.io.StringWriter;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import care.seamless.outcomes.OutcomeReport;
import care.seamless.outcomes.OutcomeRow;
import care.seamless.outcomes.Outcomes;
import care.seamless.outcomes.Period;
import care.seamless.partnership.Partnerships;
import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The outcomes dashboard of a partnership and its CSV. Every value is read as typed text,
 * so a month that is not one, or an unknown grouping, is a message on the page.
 */
@PageController
class OutcomesController {

	private final Outcomes outcomes;

	private final Partnerships partnerships;

	private final MessageSource messages;

	OutcomesController(Outcomes outcomes, Partnerships partnerships, MessageSource messages) {
		this.outcomes = outcomes;
		this.partnerships = partnerships;
		this.messages = messages;
	}

	/** The choices as read, with a message for each one that is not usable. */
	record Choice(YearMonth from, YearMonth to, Period.Length by, Outcomes.Breakdown breakdown,
			Map<String, String> problems) {
	}

	@GetMapping("/partnerships/{id}/outcomes")
	String dashboard(Actor actor, @PathVariable UUID id, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String by,
			@RequestParam(required = false) @Nullable String breakdown, Model model) {
		Outcomes.requireReader(actor);
		Choice choice = choose(from, to, by, breakdown);
		OutcomeReport report = outcomes.report(actor, id, choice.from(), choice.to(), choice.by(), choice.breakdown());
		model.addAttribute("partnership", partnerships.find(id));
		model.addAttribute("report", report);
		model.addAttribute("choice", choice);
		model.addAttribute("problems", choice.problems());
		model.addAttribute("typed", Map.of("from", from == null ? choice.from().toString() : from, "to",
				to == null ? choice.to().toString() : to));
		model.addAttribute("lengths", Period.Length.values());
		model.addAttribute("breakdowns", Outcomes.Breakdown.values());
		int year = choice.to().getMonthValue() >= 4 ? choice.to().getYear() : choice.to().getYear() - 1;
		model.addAttribute("financialYear", year);
		model.addAttribute("financialYearLabel", Period.financialYear(year).label());
		return "outcomes/dashboard";
	}

	@GetMapping("/partnerships/{id}/outcomes.csv")
	ResponseEntity<String> csv(Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String by,
			@RequestParam(required = false) @Nullable String breakdown) throws IOException {
		Outcomes.requireReader(actor);
		Choice choice = choose(from, to, by, breakdown);
		if (!choice.problems().isEmpty()) {
			return ResponseEntity.status(303)
				.header(HttpHeaders.LOCATION, "/partnerships/" + id + "/outcomes")
				.body("");
		}
		OutcomeReport report = outcomes.report(actor, id, choice.from(), choice.to(), choice.by(), choice.breakdown());
		return csvResponse(csv(report, suppressed()), "outcomes-" + choice.from() + "-to-" + choice.to() + ".csv");
	}

	private String suppressed() {
		return messages.getMessage("outcomes.suppressed", null, LocaleContextHolder.getLocale());
	}

	static String csv(OutcomeReport report, String suppressed) throws IOException {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder()
					.setHeader("measure", "period", "organisation", "team", "numerator", "denominator", "value")
					.setRecordSeparator("\n")
					.get())) {
			for (OutcomeRow row : report.rows()) {
				csv.printRecord(row.measure().name(), row.period().label(),
						row.organisationName() == null ? "" : row.organisationName(),
						row.teamName() == null ? "" : row.teamName(),
						care.seamless.outcomes.Figure.text(row.figure().numerator(), suppressed),
						row.figure().kind() == care.seamless.outcomes.Measure.Kind.COUNT ? ""
								: care.seamless.outcomes.Figure.text(row.figure().denominator(), suppressed),
						row.figure().text(suppressed));
			}
		}
		return out.toString();
	}

	static ResponseEntity<String> csvResponse(String body, String filename) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	private Choice choose(@Nullable String from, @Nullable String to, @Nullable String by, @Nullable String breakdown) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> problems = new LinkedHashMap<>();
		YearMonth now = outcomes.thisMonth();
		YearMonth last = month(to, now);
		if (last == null) {
			problems.put("to", messages.getMessage("outcomes.month.problem", null, locale));
			last = now;
		}
		YearMonth first = month(from, last.minusMonths(11));
		if (first == null) {
			problems.put("from", messages.getMessage("outcomes.month.problem", null, locale));
			first = last.minusMonths(11);
		}
		if (problems.isEmpty() && (first.isAfter(last) || first.plusMonths(Outcomes.MAX_MONTHS - 1L).isBefore(last))) {
			problems.put("from",
					messages.getMessage("outcomes.range.problem", new Object[] { Outcomes.MAX_MONTHS }, locale));
			first = last.minusMonths(11);
		}
		Period.Length length = choose(Period.Length.class, by, Period.Length.MONTH);
		if (length == null) {
			problems.put("by", messages.getMessage("outcomes.by.problem", null, locale));
			length = Period.Length.MONTH;
		}
		Outcomes.Breakdown group = choose(Outcomes.Breakdown.class, breakdown, Outcomes.Breakdown.PARTNERSHIP);
		if (group == null) {
			problems.put("breakdown", messages.getMessage("outcomes.breakdown.problem", null, locale));
			group = Outcomes.Breakdown.PARTNERSHIP;
		}
		return new Choice(first, last, length, group, problems);
	}

	private static @Nullable YearMonth month(@Nullable String text, YearMonth otherwise) {
		if (text == null || text.isBlank()) {
			return otherwise;
		}
		if (!text.strip().matches("[0-9]{4}-[0-9]{2}")) {
			return null;
		}
		try {
			YearMonth month = YearMonth.parse(text.strip());
			return (month.getYear() < 2000 || month.getYear() > 2100) ? null : month;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static <E extends Enum<E>> @Nullable E choose(Class<E> type, @Nullable String text, E otherwise) {
		if (text == null || text.isBlank()) {
			return otherwise;
		}
		for (E value : type.getEnumConstants()) {
			if (value.name().equals(text)) {
				return value;
			}
		}
		return null;
	}

}
