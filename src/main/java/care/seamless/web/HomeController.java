package care.seamless.web;

import care.seamless.person.People;
import care.seamless.shared.Actor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class HomeController {

	private final People people;

	HomeController(People people) {
		this.people = people;
	}

	@GetMapping("/")
	String caseload(Actor actor, @RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("caseload", people.caseload(actor, page));
		return "home";
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
