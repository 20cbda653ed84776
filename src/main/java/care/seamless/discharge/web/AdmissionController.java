package care.seamless.discharge.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.discharge.AdmissionView;
import care.seamless.discharge.Admissions;
import care.seamless.discharge.Attribution;
import care.seamless.discharge.DelayReason;
import care.seamless.discharge.DelayedDays;
import care.seamless.discharge.DischargeRefused;
import care.seamless.discharge.DischargeRule;
import care.seamless.discharge.NewAdmission;
import care.seamless.discharge.NoticeKind;
import care.seamless.discharge.Pathway;
import care.seamless.discharge.web.DischargeForms.AdmissionForm;
import care.seamless.discharge.web.DischargeForms.DelayForm;
import care.seamless.discharge.web.DischargeForms.NoticeForm;
import care.seamless.discharge.web.DischargeForms.OwnViewForm;
import care.seamless.discharge.web.DischargeForms.PlanForm;
import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import care.seamless.shared.TeamId;
import care.seamless.team.Team;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ward's pages: its list of people in hospital, recording an admission, and one
 * admission with its plan, notices, the person's own view and delayed days. Every form
 * shows all its problems at once, in the error summary and beside each field.
 */
@PageController
class AdmissionController {

	private final Admissions admissions;

	private final DelayedDays delayedDays;

	AdmissionController(Admissions admissions, DelayedDays delayedDays) {
		this.admissions = admissions;
		this.delayedDays = delayedDays;
	}

	record WardList(Team team, List<care.seamless.discharge.OpenAdmission> open) {
	}

	@GetMapping("/admissions")
	String list(Actor actor, Model model) {
		model.addAttribute("wards",
				admissions.wardsOf(actor)
					.stream()
					.map(t -> new WardList(t, admissions.openFor(actor, t.id())))
					.toList());
		model.addAttribute("mayReadReport", care.seamless.discharge.DischargeReports.mayRead(actor));
		return "discharge/list";
	}

	@GetMapping("/admissions/new")
	String newAdmission(Actor actor, Model model) {
		return form(actor, AdmissionForm.empty(), Map.of(), model);
	}

	@PostMapping("/admissions")
	String record(Actor actor, @ModelAttribute("form") AdmissionForm form, Model model, RedirectAttributes redirect) {
		Map<String, String> problems = new LinkedHashMap<>();
		Instant admittedAt = DischargeForms.instant(form.admittedOn(), form.admittedTime(), "admittedAt", problems);
		LocalDate planned = DischargeForms.date(form.plannedDischarge(), "plannedDischarge", problems);
		NewAdmission admission = new NewAdmission(form.nhsNumber(),
				form.wardTeamId() == null ? null : new TeamId(form.wardTeamId()), form.hospital(), form.ward(),
				admittedAt, planned);
		// A typed date that is not one is named by its own message, not "enter the date".
		admissions.check(actor, admission).forEach(v -> problems.putIfAbsent(v.field(), v.message()));
		if (problems.isEmpty()) {
			try {
				UUID id = admissions.record(actor, admission);
				redirect.addFlashAttribute("saved", "discharge.saved.admission");
				return "redirect:/admissions/" + id;
			}
			catch (DischargeRule ex) {
				ex.violations().forEach(v -> problems.putIfAbsent(v.field(), v.message()));
			}
		}
		return form(actor, form, problems, model);
	}

	@GetMapping("/admissions/{id}")
	String show(Actor actor, @PathVariable UUID id, Model model) {
		return show(actor, id, Map.of(), model);
	}

	@PostMapping("/admissions/{id}/plan")
	String plan(Actor actor, @PathVariable UUID id, @ModelAttribute("planForm") PlanForm form, Model model,
			RedirectAttributes redirect) {
		Map<String, String> problems = new LinkedHashMap<>();
		LocalDate planned = DischargeForms.date(form.plannedDischarge(), "plannedDischarge", problems);
		Instant discharged = DischargeForms.instant(form.dischargedOn(), form.dischargedTime(), "dischargedAt",
				problems);
		if (problems.isEmpty()) {
			try {
				admissions.updatePlan(actor, id, form.version(),
						new Admissions.PlanChange(planned, discharged, form.pathway(), form.checklist()));
				return saved(redirect, id, "discharge.saved.plan");
			}
			catch (DischargeRule ex) {
				ex.violations().forEach(v -> problems.putIfAbsent(v.field(), v.message()));
			}
		}
		model.addAttribute("planForm", form);
		return show(actor, id, problems, model);
	}

	@PostMapping("/admissions/{id}/notices")
	String notice(Actor actor, @PathVariable UUID id, @ModelAttribute("noticeForm") NoticeForm form, Model model,
			RedirectAttributes redirect) {
		Map<String, String> problems = new LinkedHashMap<>();
		NoticeKind kind = DischargeForms.choice(NoticeKind.class, form.kind(), "kind", problems);
		LocalDate givenOn = DischargeForms.date(form.givenOn(), "givenOn", problems);
		LocalDate proposed = DischargeForms.date(form.proposedDischarge(), "proposedDischarge", problems);
		if (problems.isEmpty()) {
			try {
				admissions.giveNotice(actor, id, kind, givenOn, proposed);
				return saved(redirect, id, "discharge.saved.notice");
			}
			catch (DischargeRule ex) {
				ex.violations().forEach(v -> problems.putIfAbsent(v.field(), v.message()));
			}
		}
		model.addAttribute("noticeForm", form);
		return show(actor, id, problems, model);
	}

	@PostMapping("/admissions/{id}/own-view")
	String ownView(Actor actor, @PathVariable UUID id, @ModelAttribute("ownViewForm") OwnViewForm form,
			@RequestParam(required = false) UUID corrects, Model model, RedirectAttributes redirect) {
		try {
			admissions.recordOwnView(actor, id, form.words(), corrects);
			return saved(redirect, id, "discharge.saved.ownView");
		}
		catch (DischargeRule ex) {
			Map<String, String> problems = new LinkedHashMap<>();
			ex.violations().forEach(v -> problems.putIfAbsent(v.field(), v.message()));
			model.addAttribute("ownViewForm", form);
			return show(actor, id, problems, model);
		}
	}

	@PostMapping("/admissions/{id}/delayed-days")
	String delay(Actor actor, @PathVariable UUID id, @ModelAttribute("delayForm") DelayForm form, Model model,
			RedirectAttributes redirect) {
		Map<String, String> problems = new LinkedHashMap<>();
		LocalDate day = DischargeForms.date(form.day(), "day", problems);
		DelayReason reason = DischargeForms.choice(DelayReason.class, form.reason(), "reason", problems);
		Attribution attribution = DischargeForms.choice(Attribution.class, form.attribution(), "attribution", problems);
		if (problems.isEmpty()) {
			try {
				delayedDays.record(actor, id, day, reason, attribution, form.note());
				return saved(redirect, id, "discharge.saved.delay");
			}
			catch (DischargeRule ex) {
				ex.violations().forEach(v -> problems.putIfAbsent(v.field(), v.message()));
			}
		}
		else {
			// The service names every missing answer; a typed value that is not one is
			// already named, so nothing is saved and every problem shows at once.
			if (Admissions.blankText(form.reason())) {
				problems.putIfAbsent("reason", "Choose the reason for the delay");
			}
			if (Admissions.blankText(form.attribution())) {
				problems.putIfAbsent("attribution", "Choose who the delay is attributed to");
			}
		}
		model.addAttribute("delayForm", form);
		return show(actor, id, problems, model);
	}

	@PostMapping("/admissions/{id}/delayed-days/{dayId}")
	String answer(Actor actor, @PathVariable UUID id, @PathVariable UUID dayId, @RequestParam long version,
			@RequestParam String decision, @RequestParam(required = false) String attribution,
			@RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
		Map<String, String> problems = new LinkedHashMap<>();
		String field = "answer-" + dayId;
		Attribution view = DischargeForms.choice(Attribution.class, attribution, field, problems);
		if (problems.isEmpty()) {
			try {
				delayedDays.answer(actor, dayId, version, "agree".equals(decision), view, note);
				return saved(redirect, id,
						"agree".equals(decision) ? "discharge.saved.agreed" : "discharge.saved.disputed");
			}
			catch (DischargeRule ex) {
				ex.violations().forEach(v -> problems.putIfAbsent(field, v.message()));
			}
		}
		return show(actor, id, problems, model);
	}

	@ExceptionHandler(DischargeRefused.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String refused(DischargeRefused ex, Model model) {
		model.addAttribute("reason", ex.getMessage());
		return "discharge/refused";
	}

	private static String saved(RedirectAttributes redirect, UUID id, String message) {
		redirect.addFlashAttribute("saved", message);
		return "redirect:/admissions/" + id;
	}

	private String form(Actor actor, AdmissionForm form, Map<String, String> problems, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("wards", admissions.wardsOf(actor));
		model.addAttribute("problems", problems);
		return "discharge/new";
	}

	private String show(Actor actor, UUID id, Map<String, String> problems, Model model) {
		AdmissionView view = admissions.admission(actor, id);
		model.addAttribute("admission", view);
		model.addAttribute("problems", problems);
		if (!model.containsAttribute("planForm")) {
			model.addAttribute("planForm", PlanForm.of(view));
		}
		if (!model.containsAttribute("noticeForm")) {
			model.addAttribute("noticeForm", NoticeForm.empty());
		}
		if (!model.containsAttribute("delayForm")) {
			model.addAttribute("delayForm", DelayForm.empty());
		}
		if (!model.containsAttribute("ownViewForm")) {
			model.addAttribute("ownViewForm", new OwnViewForm(null));
		}
		model.addAttribute("pathways", Pathway.values());
		model.addAttribute("reasons", DelayReason.values());
		model.addAttribute("attributions", Attribution.values());
		model.addAttribute("noticeKinds", NoticeKind.values());
		return "discharge/show";
	}

}
