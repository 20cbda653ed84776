package care.seamless.careplan.web;

import java.util.Map;

import care.seamless.careplan.CarePlans;
import care.seamless.careplan.PersonsCopy;
import care.seamless.document.PrintedDocuments;
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

/**
 * The person's own copy of their plan: on screen and as a printable PDF, both from the
 * same template so they cannot say different things.
 */
@Controller
class PersonsCopyController {

	static final String TEMPLATE = "careplan/persons-copy";

	private final CarePlans carePlans;

	private final PlanPage page;

	private final PrintedDocuments documents;

	PersonsCopyController(CarePlans carePlans, PlanPage page, PrintedDocuments documents) {
		this.carePlans = carePlans;
		this.page = page;
		this.documents = documents;
	}

	@GetMapping("/people/{id}/care-plan/persons-copy")
	String screen(Actor actor, @PathVariable PersonId id, Model model) {
		model.addAllAttributes(document(actor, id));
		return TEMPLATE;
	}

	@GetMapping("/people/{id}/care-plan/persons-copy.pdf")
	ResponseEntity<byte[]> printable(Actor actor, @PathVariable PersonId id) {
		byte[] body = documents.pdf(TEMPLATE, document(actor, id));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("care-and-support-plan.pdf").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	private Map<String, Object> document(Actor actor, PersonId id) {
		PersonsCopy copy = carePlans.personsCopy(actor, id);
		return Map.of("copy", copy, "plan", copy.plan(), "personId", id, "personName", page.name(actor, id), "greeting",
				page.greeting(actor, id));
	}

}
