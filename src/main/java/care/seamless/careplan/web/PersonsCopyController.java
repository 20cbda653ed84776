package care.seamless.careplan.web;

import care.seamless.careplan.CarePlanView;
import care.seamless.careplan.CarePlans;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The person's own copy of their plan: on screen and as a printable PDF. */
@Controller
class PersonsCopyController {

	private final CarePlans carePlans;

	private final PlanPage page;

	private final PersonsCopyPdf pdf;

	PersonsCopyController(CarePlans carePlans, PlanPage page, PersonsCopyPdf pdf) {
		this.carePlans = carePlans;
		this.page = page;
		this.pdf = pdf;
	}

	@GetMapping("/people/{id}/care-plan/persons-copy")
	String screen(Actor actor, @PathVariable PersonId id, Model model) {
		model.addAttribute("plan", carePlans.personsCopy(actor, id));
		model.addAttribute("personId", id);
		model.addAttribute("personName", page.name(actor, id));
		model.addAttribute("greeting", page.greeting(actor, id));
		return "careplan/persons-copy";
	}

	@GetMapping("/people/{id}/care-plan/persons-copy.pdf")
	ResponseEntity<byte[]> printable(Actor actor, @PathVariable PersonId id) {
		CarePlanView plan = carePlans.personsCopy(actor, id);
		byte[] body = pdf.render(plan, page.name(actor, id));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("care-and-support-plan.pdf").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

}
