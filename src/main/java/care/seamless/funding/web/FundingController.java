package care.seamless.funding.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.careplan.CarePlans;
import care.seamless.document.PrintedDocuments;
import care.seamless.funding.AssessmentKind;
import care.seamless.funding.AssessmentView;
import care.seamless.funding.CareSetting;
import care.seamless.funding.ChcOutcome;
import care.seamless.funding.FinancialAssessments;
import care.seamless.funding.FundingRouteKind;
import care.seamless.funding.FundingRoutes;
import care.seamless.funding.FundingRule;
import care.seamless.funding.IncomeKind;
import care.seamless.funding.NeedFunding;
import care.seamless.funding.NewAssessment;
import care.seamless.funding.NewRoute;
import care.seamless.funding.web.FundingForms.AssessmentForm;
import care.seamless.funding.web.FundingForms.RouteForm;
import care.seamless.person.PersonDetails;
import care.seamless.person.People;
import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The funding pages: who pays for each need of the plan (with disagreements and the CHC
 * checklist), recording a route, doing a financial assessment, and the result with every
 * line of the working and a plain-English letter (HTML and PDF from the same template).
 * Every form shows all its problems at once, and nothing is saved when any is found.
 */
@PageController
class FundingController {

	static final String LETTER = "funding/letter";

	private final FundingRoutes routes;

	private final FinancialAssessments assessments;

	private final CarePlans carePlans;

	private final People people;

	private final PrintedDocuments documents;

	FundingController(FundingRoutes routes, FinancialAssessments assessments, CarePlans carePlans, People people,
			PrintedDocuments documents) {
		this.routes = routes;
		this.assessments = assessments;
		this.carePlans = carePlans;
		this.people = people;
		this.documents = documents;
	}

	@GetMapping("/people/{id}/funding")
	String show(Actor actor, @PathVariable PersonId id, Model model) {
		return show(actor, id, Map.of(), model);
	}

	@GetMapping("/people/{id}/funding/routes/new")
	String newRoute(Actor actor, @PathVariable PersonId id, @RequestParam(required = false) String need,
			@RequestParam(required = false) Long version, Model model) {
		return routeForm(actor, id, RouteForm.forNeed(need, version), Map.of(), model);
	}

	@PostMapping("/people/{id}/funding/routes")
	String recordRoute(Actor actor, @PathVariable PersonId id, @ModelAttribute("form") RouteForm form, Model model,
			RedirectAttributes redirect) {
		Map<String, String> problems = new LinkedHashMap<>();
		NewRoute route = form.route(problems);
		// Typed values that are not values are named already; the rules name the rest.
		routes.problems(actor, id, route).forEach(v -> problems.putIfAbsent(v.field(), v.message()));
		if (problems.isEmpty()) {
			try {
				routes.record(actor, id, route);
				return saved(redirect, id, "funding.saved.route");
			}
			catch (FundingRule ex) {
				ex.violations().forEach(v -> problems.putIfAbsent(v.field(), v.message()));
			}
		}
		return routeForm(actor, id, form, problems, model);
	}

	@PostMapping("/people/{id}/funding/routes/{routeId}/disagreements")
	String disagree(Actor actor, @PathVariable PersonId id, @PathVariable UUID routeId, @RequestParam long version,
			@RequestParam(required = false) String proposedKind, @RequestParam(required = false) String reason,
			Model model, RedirectAttributes redirect) {
		Map<String, String> problems = new LinkedHashMap<>();
		FundingRouteKind proposed = FundingForms.choice(FundingRouteKind.class, proposedKind, "proposedKind", problems);
		try {
			routes.disagree(actor, routeId, version, proposed, reason);
			if (problems.isEmpty()) {
				return saved(redirect, id, "funding.saved.disagreement");
			}
		}
		catch (FundingRule ex) {
			ex.violations().forEach(v -> problems.putIfAbsent("disagree-" + routeId, v.message()));
		}
		return show(actor, id, problems, model);
	}

	@PostMapping("/people/{id}/funding/disagreements/{disagreementId}/resolve")
	String resolve(Actor actor, @PathVariable PersonId id, @PathVariable UUID disagreementId,
			@RequestParam long version, @RequestParam(required = false) String resolution, Model model,
			RedirectAttributes redirect) {
		try {
			routes.resolve(actor, disagreementId, version, resolution);
			return saved(redirect, id, "funding.saved.resolved");
		}
		catch (FundingRule ex) {
			Map<String, String> problems = new LinkedHashMap<>();
			ex.violations().forEach(v -> problems.putIfAbsent("resolve-" + disagreementId, v.message()));
			return show(actor, id, problems, model);
		}
	}

	@PostMapping("/people/{id}/funding/chc")
	String chc(Actor actor, @PathVariable PersonId id, @RequestParam(required = false) String screenedOn,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String note, Model model,
			RedirectAttributes redirect) {
		Map<String, String> problems = new LinkedHashMap<>();
		var on = FundingForms.date(screenedOn, "screenedOn", problems);
		ChcOutcome chosen = FundingForms.choice(ChcOutcome.class, outcome, "outcome", problems);
		try {
			if (problems.isEmpty()) {
				routes.recordChcScreening(actor, id, on, chosen, note);
				return saved(redirect, id, "funding.saved.chc");
			}
		}
		catch (FundingRule ex) {
			ex.violations().forEach(v -> problems.putIfAbsent(v.field(), v.message()));
		}
		model.addAttribute("chcScreenedOn", screenedOn);
		model.addAttribute("chcNote", note);
		return show(actor, id, problems, model);
	}

	@GetMapping("/people/{id}/funding/assessments/new")
	String newAssessment(Actor actor, @PathVariable PersonId id, Model model) {
		List<String> years = assessments.years();
		Long version = assessments.current(actor, id).map(AssessmentView::version).orElse(null);
		return assessmentForm(actor, id,
				AssessmentForm.empty(years.isEmpty() ? "" : years.get(years.size() - 1), version), Map.of(), model);
	}

	@PostMapping("/people/{id}/funding/assessments")
	String assess(Actor actor, @PathVariable PersonId id, @ModelAttribute("form") AssessmentForm form, Model model,
			RedirectAttributes redirect) {
		Map<String, String> problems = new LinkedHashMap<>();
		NewAssessment answers = form.assessment(problems);
		try {
			if (problems.isEmpty()) {
				UUID assessment = assessments.assess(actor, id, answers);
				redirect.addFlashAttribute("saved", "funding.saved.assessment");
				return "redirect:/people/" + id.id() + "/funding/assessments/" + assessment;
			}
			assessments.preview(answers);
		}
		catch (FundingRule ex) {
			ex.violations().forEach(v -> problems.putIfAbsent(v.field(), v.message()));
		}
		return assessmentForm(actor, id, form, problems, model);
	}

	@GetMapping("/people/{id}/funding/assessments/{assessmentId}")
	String assessment(Actor actor, @PathVariable PersonId id, @PathVariable UUID assessmentId, Model model) {
		model.addAttribute("personId", id);
		model.addAttribute("assessment", mine(actor, id, assessmentId));
		return "funding/assessment";
	}

	@GetMapping("/people/{id}/funding/assessments/{assessmentId}/letter")
	String letter(Actor actor, @PathVariable PersonId id, @PathVariable UUID assessmentId, Model model) {
		model.addAllAttributes(letterModel(actor, id, assessmentId));
		return LETTER;
	}

	@GetMapping("/people/{id}/funding/assessments/{assessmentId}/letter.pdf")
	ResponseEntity<byte[]> letterPdf(Actor actor, @PathVariable PersonId id, @PathVariable UUID assessmentId) {
		byte[] body = documents.pdf(LETTER, letterModel(actor, id, assessmentId));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("what-you-pay-for-care.pdf").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	private AssessmentView mine(Actor actor, PersonId id, UUID assessmentId) {
		AssessmentView view = assessments.assessment(actor, assessmentId);
		if (!view.personId().equals(id)) {
			throw new care.seamless.shared.NotFoundException("FinancialAssessment", assessmentId);
		}
		return view;
	}

	private Map<String, Object> letterModel(Actor actor, PersonId id, UUID assessmentId) {
		AssessmentView view = mine(actor, id, assessmentId);
		PersonDetails details = people.summary(actor, id).details();
		String greeting = details.preferredName() != null && !details.preferredName().isBlank()
				? details.preferredName().strip() : details.givenName();
		return Map.of("assessment", view, "personId", id, "personName",
				details.givenName() + " " + details.familyName(), "greeting", greeting, "routes",
				routes.routes(actor, id));
	}

	private String show(Actor actor, PersonId id, Map<String, String> problems, Model model) {
		List<NeedFunding> needs = routes.forPerson(actor, id);
		model.addAttribute("personId", id);
		model.addAttribute("needs", needs);
		model.addAttribute("screenings", routes.chcScreenings(actor, id));
		model.addAttribute("mayChange", routes.mayChange(actor, id));
		model.addAttribute("mayAssess", assessments.mayAssess(actor, id));
		model.addAttribute("assessments", assessments.history(actor, id));
		model.addAttribute("problems", problems);
		model.addAttribute("kinds", FundingRouteKind.values());
		model.addAttribute("outcomes", ChcOutcome.values());
		if (!model.containsAttribute("chcScreenedOn")) {
			model.addAttribute("chcScreenedOn", "");
			model.addAttribute("chcNote", "");
		}
		return "funding/show";
	}

	private String routeForm(Actor actor, PersonId id, RouteForm form, Map<String, String> problems, Model model) {
		model.addAttribute("personId", id);
		model.addAttribute("form", form);
		model.addAttribute("needs", routes.forPerson(actor, id));
		model.addAttribute("partners", carePlans.partnerOptions(id));
		model.addAttribute("kinds", FundingRouteKind.values());
		model.addAttribute("problems", problems);
		return "funding/route-form";
	}

	private String assessmentForm(Actor actor, PersonId id, AssessmentForm form, Map<String, String> problems,
			Model model) {
		List<String> years = assessments.years();
		String year = years.contains(form.yearLabel()) ? form.yearLabel() : years.get(years.size() - 1);
		model.addAttribute("personId", id);
		model.addAttribute("form", form);
		model.addAttribute("years", years);
		model.addAttribute("rates", assessments.rates(year).orElseThrow());
		model.addAttribute("kinds", AssessmentKind.values());
		model.addAttribute("settings", CareSetting.values());
		model.addAttribute("incomeKinds", IncomeKind.values());
		model.addAttribute("incomeRows",
				java.util.stream.IntStream.range(0, FundingForms.INCOME_ROWS).boxed().toList());
		model.addAttribute("problems", problems);
		return "funding/assessment-form";
	}

	private static String saved(RedirectAttributes redirect, PersonId id, String message) {
		redirect.addFlashAttribute("saved", message);
		return "redirect:/people/" + id.id() + "/funding";
	}

}
