package care.seamless.assessment.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;

import care.seamless.assessment.instrument.ImportedInstrument;
import care.seamless.assessment.instrument.Instrument;
import care.seamless.assessment.instrument.InstrumentVersionNotNewerException;
import care.seamless.assessment.instrument.Instruments;
import care.seamless.assessment.instrument.InvalidInstrumentException;
import care.seamless.assessment.instrument.Section;
import care.seamless.shared.Actor;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PageController;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.Directory;
import care.seamless.terminology.Terms;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The instrument catalogue for people: every form and version, one form laid out with its
 * options in the reader's words, and, for administrators, importing a definition.
 */
@PageController
class InstrumentController {

	private final Instruments instruments;

	private final Directory directory;

	private final Terms terms;

	InstrumentController(Instruments instruments, Directory directory, Terms terms) {
		this.instruments = instruments;
		this.directory = directory;
		this.terms = terms;
	}

	record Listed(Instrument instrument, @Nullable ImportedInstrument provenance) {
	}

	@GetMapping("/instruments")
	String list(Model model) {
		model.addAttribute("instruments",
				this.instruments.all()
					.stream()
					.map((i) -> new Listed(i, this.instruments.provenance(i.id(), i.version()).orElse(null)))
					.toList());
		return "instruments/list";
	}

	@GetMapping("/instruments/{id}/{version}")
	String show(Actor actor, @PathVariable String id, @PathVariable int version, Model model) {
		Instrument instrument = this.instruments.find(id, version)
			.orElseThrow(() -> new NotFoundException("Instrument", id + " version " + version));
		Profession profession = this.directory.professionOf(actor);
		model.addAttribute("instrument", instrument);
		model.addAttribute("provenance", this.instruments.provenance(id, version).orElse(null));
		model.addAttribute("profession", profession);
		model.addAttribute("audience", this.terms.audience(profession));
		model.addAttribute("professions", instrument.sections()
			.stream()
			.collect(Collectors.toMap(Section::id, (section) -> section.professions().stream().sorted().toList())));
		return "instruments/show";
	}

	@GetMapping("/instruments/import")
	String importForm(Actor actor) {
		requireAdministrator(actor);
		return "instruments/import";
	}

	@PostMapping("/instruments/import")
	String importFile(Actor actor, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		requireAdministrator(actor);
		boolean chosen = file != null && file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
		if (file == null || file.isEmpty()) {
			// A browser sends an empty part with no name when nothing was chosen; a named
			// empty part is a file that has nothing in it.
			model.addAttribute("problem", chosen ? "instruments.import.emptyFile" : "instruments.import.noFile");
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "instruments/import";
		}
		String fileName = chosen ? file.getOriginalFilename() : "definition.json";
		try (InputStream json = file.getInputStream()) {
			Instrument imported = this.instruments.importDefinition(actor, fileName, json);
			// Flash attributes live in the shared session table (ADR 47), so only the
			// banner's two serialisable values go there, not the whole instrument.
			redirect.addFlashAttribute("imported", new ImportedBanner(imported.title(), imported.version()));
			return "redirect:/instruments/" + imported.id() + "/" + imported.version();
		}
		catch (InvalidInstrumentException ex) {
			return refused(model, response, fileName, ex.errors());
		}
		catch (InstrumentVersionNotNewerException ex) {
			return refused(model, response, fileName, List.of(ex.getMessage()));
		}
	}

	private static String refused(Model model, HttpServletResponse response, String fileName, List<String> errors) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("errors", errors);
		model.addAttribute("fileName", fileName);
		return "instruments/import";
	}

	// The service refuses too; asking here as well means a practitioner gets the refusal
	// page instead of a form they cannot use.
	private static void requireAdministrator(Actor actor) {
		if (!actor.has(Role.ADMINISTRATOR)) {
			throw new AccessDeniedException("Only administrators import instruments");
		}
	}

	/** What the banner after an import says: kept in the session until the next page. */
	record ImportedBanner(String title, int version) implements java.io.Serializable {
	}

}
