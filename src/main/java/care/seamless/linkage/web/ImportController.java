package care.seamless.linkage.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import care.seamless.linkage.ImportProblem;
import care.seamless.linkage.ImportRejected;
import care.seamless.linkage.NotAuthorisedToImport;
import care.seamless.linkage.PeopleImport;
import care.seamless.linkage.RecordReader;
import care.seamless.linkage.Role;
import care.seamless.shared.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;

/**
 * Importing people from a CSV file: administrators only. The report says who was created,
 * who was linked to an existing person at once, and who waits for review.
 */
@Controller
class ImportController {

	private final PeopleImport peopleImport;

	ImportController(PeopleImport peopleImport) {
		this.peopleImport = peopleImport;
	}

	record ImportForm(@Nullable MultipartFile file, @Nullable String columns) {
	}

	@GetMapping("/people/import")
	String form(Actor actor, Model model) {
		if (!PeopleImport.mayImport(actor)) {
			throw new NotAuthorisedToImport();
		}
		model.addAttribute("form", new ImportForm(null, null));
		return "matching/import";
	}

	@PostMapping("/people/import")
	String upload(Actor actor, @ModelAttribute("form") @Nullable ImportForm form, BindingResult result, Model model,
			HttpServletRequest request) throws IOException {
		if (form == null || result.getTarget() == null) {
			// A value Spring could not convert (a file sent as plain text) leaves the
			// binding result without its form, so the page could not show the message;
			// it is shown with the columns as typed, the original errors, and no file.
			ImportForm typed = new ImportForm(null, request.getParameter("columns"));
			BindingResult recovered = new BeanPropertyBindingResult(typed, "form");
			recovered.addAllErrors(result);
			model.addAttribute("form", typed);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", recovered);
			if (!recovered.hasFieldErrors("file")) {
				recovered.rejectValue("file", "matching.import.error.noFile");
			}
			return "matching/import";
		}
		MultipartFile file = form.file();
		if (file == null || file.isEmpty()) {
			result.rejectValue("file", "matching.import.error.noFile");
			return "matching/import";
		}
		Map<Role, String> columns;
		try {
			columns = RecordReader.parseColumns(form.columns());
		}
		catch (IllegalArgumentException ex) {
			result.rejectValue("columns", "matching.import.error.columnsSpec", new Object[] { form.columns() }, null);
			return "matching/import";
		}
		try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			model.addAttribute("report", peopleImport.importCsv(actor, reader, columns));
			return "matching/import-report";
		}
		catch (ImportRejected ex) {
			for (ImportProblem problem : ex.problems()) {
				result.reject(problem.messageKey(), new Object[] { problem.line() }, null);
			}
			return "matching/import";
		}
	}

	@ExceptionHandler(NotAuthorisedToImport.class)
	String refused(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		return "matching/import-refused";
	}

}
