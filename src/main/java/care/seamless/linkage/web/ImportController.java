package care.seamless.linkage.web;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import care.seamless.linkage.ImportProblem;
import care.seamless.linkage.ImportRejected;
import care.seamless.linkage.ImportedFiles;
import care.seamless.linkage.NotAuthorisedToImport;
import care.seamless.linkage.PeopleImport;
import care.seamless.linkage.RecordReader;
import care.seamless.linkage.Role;
import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import care.seamless.shared.Violation;
import care.seamless.shared.Violations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

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
@PageController
class ImportController {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm z", Locale.UK)
		.withZone(ZoneId.of("Europe/London"));

	private final PeopleImport peopleImport;

	private final ImportedFiles importedFiles;

	ImportController(PeopleImport peopleImport, ImportedFiles importedFiles) {
		this.peopleImport = peopleImport;
		this.importedFiles = importedFiles;
	}

	/**
	 * @param again the digest of a file the organisation imported before, sent back when
	 * the importer has been told so and asked to import it again
	 */
	record ImportForm(@Nullable MultipartFile file, @Nullable String columns, @Nullable String again) {
	}

	@GetMapping("/people/import")
	String form(Actor actor, Model model) {
		if (!PeopleImport.mayImport(actor)) {
			throw new NotAuthorisedToImport();
		}
		model.addAttribute("form", new ImportForm(null, null, null));
		return "matching/import";
	}

	@PostMapping("/people/import")
	String upload(Actor actor, @ModelAttribute("form") @Nullable ImportForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		ImportForm typed = form;
		BindingResult errors = result;
		if (form == null || result.getTarget() == null) {
			// A value Spring could not convert (a file sent as plain text) leaves the
			// binding result without its form, so the page could not show the message;
			// it is shown with the columns as typed, the original errors, and no file.
			typed = new ImportForm(null, request.getParameter("columns"), null);
			errors = new BeanPropertyBindingResult(typed, "form");
			errors.addAllErrors(result);
			model.addAttribute("form", typed);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
		}
		// Every field is checked before refusing, so that a missing file and a wrong
		// column heading are named on the same submit.
		Violations problems = new Violations();
		UploadedCsv csv = UploadedCsv.of(typed.file());
		if (csv.problem() != null) {
			problems.add("file", csv.problem());
		}
		Map<Role, String> columns = Map.of();
		try {
			columns = RecordReader.parseColumns(typed.columns());
		}
		catch (IllegalArgumentException ex) {
			problems.add("columns", "matching.import.error.columnsSpec");
		}
		if (!problems.isEmpty() || errors.hasErrors()) {
			if (!PeopleImport.mayImport(actor)) {
				throw new NotAuthorisedToImport();
			}
			for (Violation problem : problems.list()) {
				// A value the form could not convert is already named on its field.
				if (!errors.hasFieldErrors(problem.field())) {
					errors.rejectValue(problem.field(), problem.message());
				}
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "matching/import";
		}
		String digest = ImportedFiles.digest(csv.bytes());
		Map<Role, String> roles = columns;
		try {
			model.addAttribute("report", importedFiles.importing(actor, digest, typed.again(),
					() -> peopleImport.importCsv(actor, new StringReader(csv.text()), roles)));
			return "matching/import-report";
		}
		catch (ImportedFiles.ImportedBefore ex) {
			// Asked, not refused: a file may rightly be imported again (after its people
			// were removed, say), and a corrected file is a different file.
			ImportedFiles.Earlier before = ex.earlier();
			errors.rejectValue("file", "matching.import.error.importedBefore",
					new Object[] { WHEN.format(before.importedAt()), before.importedBy(), before.people() }, null);
			model.addAttribute("againDigest", digest);
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return "matching/import";
		}
		catch (ImportRejected ex) {
			for (ImportProblem problem : ex.problems()) {
				errors.reject(problem.messageKey(), new Object[] { problem.line() }, null);
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "matching/import";
		}
	}

	/**
	 * The chosen file's text read strictly as UTF-8, or the message key saying why it
	 * cannot be imported: a spreadsheet saved as a workbook or in another encoding would
	 * otherwise be read as garbled rows.
	 */
	record UploadedCsv(String text, byte[] bytes, @Nullable String problem) {

		static UploadedCsv of(@Nullable MultipartFile file) throws IOException {
			boolean named = file != null && file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
			if (file == null || (file.isEmpty() && !named)) {
				return new UploadedCsv("", new byte[0], "matching.import.error.noFile");
			}
			if (file.isEmpty()) {
				return new UploadedCsv("", new byte[0], "matching.import.error.emptyFile");
			}
			byte[] bytes = file.getBytes();
			try {
				return new UploadedCsv(StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes))
					.toString(), bytes, null);
			}
			catch (CharacterCodingException ex) {
				return new UploadedCsv("", new byte[0], "matching.import.error.notCsv");
			}
		}

	}

	@ExceptionHandler(NotAuthorisedToImport.class)
	String refused(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		return "matching/import-refused";
	}

}
