package care.seamless.training.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import care.seamless.shared.Violation;
import care.seamless.training.Attendee;
import care.seamless.training.Mark;
import care.seamless.training.Topic;
import care.seamless.training.Training;
import care.seamless.training.TrainingRule;
import care.seamless.training.TrainingSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Joint training: coverage for every staff account; courses, sessions and attendance for
 * team managers and administrators. Forms keep what was typed and name every problem on
 * its field at once.
 */
@PageController
class TrainingController {

	private final Training training;

	TrainingController(Training training) {
		this.training = training;
	}

	@GetMapping("/training")
	String coverage(Actor actor, Model model) {
		model.addAttribute("coverage", training.coverage());
		model.addAttribute("topics", Topic.values());
		model.addAttribute("sessions", training.sessions());
		model.addAttribute("courses", training.courses());
		model.addAttribute("mayRecord", Training.mayRecord(actor));
		return "training/coverage";
	}

	@GetMapping("/training/courses/new")
	String newCourse(Actor actor, Model model) {
		return courseForm(actor, model, Map.of("validityMonths", "24"), Map.of());
	}

	@PostMapping("/training/courses")
	String addCourse(Actor actor, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		try {
			training.addCourse(actor, value(params, "topic"), value(params, "name"), value(params, "validityMonths"));
			redirect.addFlashAttribute("saved", "training.course.added");
			return "redirect:/training";
		}
		catch (TrainingRule ex) {
			return courseForm(actor, model, params, problems(ex.violations()));
		}
	}

	@GetMapping("/training/sessions/new")
	String newSession(Actor actor, Model model) {
		return sessionForm(actor, model, Map.of(), Map.of());
	}

	@PostMapping("/training/sessions")
	String recordSession(Actor actor, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		try {
			UUID id = training.recordSession(actor, value(params, "course"), value(params, "heldOn"),
					value(params, "place"), value(params, "trainer"));
			redirect.addFlashAttribute("saved", "training.session.recorded");
			return "redirect:/training/sessions/" + id;
		}
		catch (TrainingRule ex) {
			return sessionForm(actor, model, params, problems(ex.violations()));
		}
	}

	@GetMapping("/training/sessions/{id}")
	String session(Actor actor, @PathVariable UUID id, Model model) {
		TrainingSession session = training.session(id);
		model.addAttribute("trainingSession", session);
		model.addAttribute("mayRecord", Training.mayRecord(actor));
		if (Training.mayRecord(actor)) {
			List<Attendee> attendees = training.attendees(actor, id);
			model.addAttribute("attendees", attendees);
			model.addAttribute("staff", training.staff(actor));
			model.addAttribute("marks", Mark.values());
			if (!model.containsAttribute("chosen")) {
				Map<String, String> chosen = new HashMap<>();
				attendees.forEach((a) -> chosen.put(a.practitionerId().id().toString(),
						a.completed() ? Mark.COMPLETED.name() : Mark.ATTENDED.name()));
				model.addAttribute("chosen", chosen);
			}
		}
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", Map.of());
		}
		return "training/session";
	}

	@PostMapping("/training/sessions/{id}/attendance")
	String attendance(Actor actor, @PathVariable UUID id, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		Map<String, String> marks = new LinkedHashMap<>();
		params.forEach((key, value) -> {
			if (key.startsWith("a-")) {
				marks.put(key.substring(2), value);
			}
		});
		try {
			training.recordAttendance(actor, id, version(params.get("version")), marks);
			redirect.addFlashAttribute("saved", "training.attendance.saved");
			return "redirect:/training/sessions/" + id;
		}
		catch (TrainingRule ex) {
			model.addAttribute("problems", problems(ex.violations()));
			model.addAttribute("chosen", marks);
			return session(actor, id, model);
		}
	}

	private String courseForm(Actor actor, Model model, Map<String, String> values, Map<String, String> problems) {
		requireRecorder(actor);
		model.addAttribute("values", values);
		model.addAttribute("problems", problems);
		model.addAttribute("topics", Topic.values());
		return "training/course-form";
	}

	private String sessionForm(Actor actor, Model model, Map<String, String> values, Map<String, String> problems) {
		requireRecorder(actor);
		model.addAttribute("values", values);
		model.addAttribute("problems", problems);
		model.addAttribute("courses", training.courses());
		return "training/session-form";
	}

	private static void requireRecorder(Actor actor) {
		if (!Training.mayRecord(actor)) {
			throw new AccessDeniedException("Only team managers and administrators record training");
		}
	}

	private static Map<String, String> problems(List<Violation> violations) {
		Map<String, String> problems = new LinkedHashMap<>();
		for (Violation v : violations) {
			problems.merge(v.field(), v.message(), (a, b) -> a.contains(b) ? a : a + ". " + b);
		}
		return problems;
	}

	private static String value(Map<String, String> params, String key) {
		String value = params.get(key);
		return value == null ? "" : value;
	}

	private static long version(@Nullable String value) {
		try {
			return value == null ? -1 : Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
