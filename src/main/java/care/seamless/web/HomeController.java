package care.seamless.web;

import care.seamless.person.CaseloadQuery;
import care.seamless.person.People;
import care.seamless.person.PersonRuleViolation;
import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@PageController
class HomeController {

	private final People people;

	private final ApplicationAvailability availability;

	HomeController(People people, ApplicationAvailability availability) {
		this.people = people;
		this.availability = availability;
	}

	/**
	 * The caseload, sorted and filtered as the links and the filter form ask; a value
	 * outside its list shows the default caseload with a message on that field (400).
	 */
	@GetMapping("/")
	String caseload(Actor actor, @RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String order,
			@RequestParam(required = false) @Nullable String role,
			@RequestParam(required = false) @Nullable String overdue,
			@RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable String page, Model model, HttpServletResponse response) {
		CaseloadQuery query;
		try {
			query = CaseloadQuery.parse(sort, order, role, overdue, plan, page);
		}
		catch (PersonRuleViolation ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("caseloadError", ex.getMessage());
			model.addAttribute("caseloadErrorField", ex.field());
			query = CaseloadQuery.DEFAULT;
		}
		model.addAttribute("caseload", people.caseload(actor, query));
		model.addAttribute("roles", CaseloadQuery.Role.values());
		model.addAttribute("planStates", CaseloadQuery.PlanState.values());
		return "home";
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("starting", availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC);
		return "login";
	}

}
