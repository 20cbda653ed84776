package care.seamless.door.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import care.seamless.door.FeedbackMeasures;
import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Feedback by team and month for team managers: two charts, each drawn from the table
 * beside it, with every figure from fewer than five responses shown as "fewer than 5".
 * The months are read as text, so a mistyped one is a message on its field.
 */
@PageController
class FeedbackReportController {

	private final FeedbackMeasures measures;

	private final MessageSource messages;

	private final Clock clock;

	FeedbackReportController(FeedbackMeasures measures, MessageSource messages, Clock clock) {
		this.measures = measures;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/feedback/by-team")
	String report(Actor actor, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, Model model) {
		YearMonth now = YearMonth.now(clock.withZone(java.time.ZoneId.of("Europe/London")));
		Map<String, String> problems = new LinkedHashMap<>();
		YearMonth start = month(from, now.minusMonths(11), "from", problems);
		YearMonth end = month(to, now, "to", problems);
		if (problems.isEmpty()
				&& (end.isBefore(start) || start.plusMonths(FeedbackMeasures.MONTHS - 1).isBefore(end))) {
			problems.put("to", text("door.measures.range"));
		}
		model.addAttribute("problems", problems);
		model.addAttribute("from", from == null ? start.toString() : from);
		model.addAttribute("to", to == null ? end.toString() : to);
		List<FeedbackMeasures.TeamMonth> rows = problems.isEmpty() ? measures.byTeamAndMonth(actor, start, end)
				: List.of();
		Map<care.seamless.shared.TeamId, FeedbackMeasures.TeamRows> teams = new LinkedHashMap<>();
		rows.forEach(r -> teams
			.computeIfAbsent(r.team(), id -> new FeedbackMeasures.TeamRows(r.teamName(), new ArrayList<>()))
			.rows()
			.add(r));
		model.addAttribute("teams", List.copyOf(teams.values()));
		model.addAttribute("months", new TreeSet<>(rows.stream().map(FeedbackMeasures.TeamMonth::month).toList()));
		return "door/feedback-report";
	}

	private YearMonth month(@Nullable String typed, YearMonth fallback, String field, Map<String, String> problems) {
		if (typed == null || typed.isBlank()) {
			return fallback;
		}
		try {
			return YearMonth.parse(typed.strip());
		}
		catch (DateTimeParseException ex) {
			problems.put(field, text("door.measures.month.invalid"));
			return fallback;
		}
	}

	private String text(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

}
