package care.seamless.terminology.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import care.seamless.shared.Actor;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PageController;
import care.seamless.shared.Role;
import care.seamless.terminology.Concept;
import care.seamless.terminology.ImportResult;
import care.seamless.terminology.Terminology;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ContentDisposition;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The common language for people: search it, read one concept in all three audiences'
 * words, and, for administrators, import a partner's vocabulary; anyone signed in may
 * download it.
 */
@PageController
class TerminologyController {

	static final int PAGE_SIZE = 20;

	static final int SHOWN_ERRORS = 50;

	private final Terminology terminology;

	TerminologyController(Terminology terminology) {
		this.terminology = terminology;
	}

	@GetMapping("/terminology")
	String search(@RequestParam(name = "q", defaultValue = "") String query, @RequestParam(defaultValue = "1") int page,
			Model model) {
		List<Concept> found = query.isBlank() ? this.terminology.vocabulary().concepts()
				: this.terminology.search(query);
		model.addAttribute("query", query);
		model.addAttribute("results", ConceptPage.of(found, page, PAGE_SIZE));
		return "terminology/search";
	}

	@GetMapping("/terminology/{code}")
	String concept(@PathVariable String code, Model model) {
		Concept concept = this.terminology.find(code).orElseThrow(() -> new NotFoundException("Concept", code));
		model.addAttribute("concept", concept);
		model.addAttribute("provenance", this.terminology.provenance(code).orElse(null));
		return "terminology/concept";
	}

	@GetMapping("/terminology/import")
	String importForm(Actor actor) {
		requireAdministrator(actor);
		return "terminology/import";
	}

	@PostMapping("/terminology/import")
	String importFile(Actor actor, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		requireAdministrator(actor);
		UploadedText upload = UploadedText.of(file);
		if (upload.problem() != null) {
			model.addAttribute("problem", upload.problem());
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "terminology/import";
		}
		ImportResult result = this.terminology.importCsv(actor, upload.fileName(), upload.reader());
		if (!result.succeeded()) {
			// A file with a wrong column has an error on every line; the first ones are
			// enough to see the pattern.
			model.addAttribute("errors", result.errors().stream().limit(SHOWN_ERRORS).toList());
			model.addAttribute("moreErrors", Math.max(0, result.errors().size() - SHOWN_ERRORS));
			model.addAttribute("fileName", upload.fileName());
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "terminology/import";
		}
		redirect.addFlashAttribute("imported", result);
		return "redirect:/terminology";
	}

	@GetMapping("/terminology/export")
	void export(HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("seamless-vocabulary-" + LocalDate.now() + ".csv")
					.build()
					.toString());
		// The CSV printer flushes and closes the writer when it is done.
		this.terminology.exportCsv(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
	}

	// The service refuses too; asking here as well means a practitioner gets the refusal
	// page instead of a form they cannot use.
	private static void requireAdministrator(Actor actor) {
		if (!actor.has(Role.ADMINISTRATOR)) {
			throw new AccessDeniedException("Only administrators import vocabularies");
		}
	}

}
