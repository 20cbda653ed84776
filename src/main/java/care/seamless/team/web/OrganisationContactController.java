package care.seamless.team.web;

import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PageController;
import care.seamless.team.Directory;
import care.seamless.team.DirectoryRule;
import care.seamless.team.OrganisationContact;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How people reach an organisation, as its letters and the person's copy of their plan
 * print it: telephone, e-mail and postal address.
 */
@PageController
class OrganisationContactController {

	private static final String PAGE = "admin/organisation-contact";

	private final Directory directory;

	OrganisationContactController(Directory directory) {
		this.directory = directory;
	}

	record ContactForm(@Nullable String telephone, @Nullable String email, @Nullable String postalAddress,
			@Nullable Long version) {
	}

	@GetMapping("/admin/organisations/{id}/contact")
	String form(@PathVariable OrganisationId id, Model model) {
		OrganisationContact contact = directory.contact(id);
		long version = directory.organisation(id).version();
		model.addAttribute("contactForm",
				new ContactForm(contact.telephone(), contact.email(), String.join("\n", contact.address()), version));
		return page(id, model, version, false);
	}

	@PostMapping("/admin/organisations/{id}/contact")
	String save(Actor actor, @PathVariable OrganisationId id, @ModelAttribute("contactForm") ContactForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (form.version() == null) {
			result.reject("conflict", "Open the form again: it was sent without the version it was read at");
			return page(id, model, directory.organisation(id).version(), false);
		}
		try {
			directory.recordContact(actor, id, form.telephone(), form.email(), form.postalAddress(), form.version());
			redirect.addFlashAttribute("saved", "admin.contact.saved");
			return "redirect:/admin";
		}
		catch (DirectoryRule ex) {
			result.rejectValue(ex.field(), "rule", ex.getMessage());
			return page(id, model, form.version(), false);
		}
		catch (ConcurrentEditException ex) {
			// What they typed stays in the form; the details saved meanwhile are shown
			// beside it, and saving again replaces those knowingly.
			result.reject("conflict", "Someone changed this organisation's details while you were editing. "
					+ "The form keeps what you typed; the details saved now are shown above it. Save again to replace them.");
			return page(id, model, directory.organisation(id).version(), true);
		}
	}

	private String page(OrganisationId id, Model model, long version, boolean conflict) {
		model.addAttribute("organisation", directory.organisation(id));
		model.addAttribute("version", version);
		if (conflict) {
			model.addAttribute("savedNow", directory.contact(id));
		}
		return PAGE;
	}

}
