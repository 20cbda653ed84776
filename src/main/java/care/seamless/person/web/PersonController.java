package care.seamless.person.web;

import java.util.List;

import care.seamless.consent.LinkedIdentities;
import care.seamless.person.KnownElsewhere;
import care.seamless.person.People;
import care.seamless.person.PersonRecord;
import care.seamless.person.PersonRuleViolation;
import care.seamless.person.RegistrationMatching;
import care.seamless.person.Sex;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
import care.seamless.shared.DataCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@PageController
class PersonController {

	private final People people;

	private final ObjectProvider<RegistrationMatching> matching;

	private final LinkedIdentities linkedIdentities;

	private final care.seamless.person.Alerts alerts;

	private final care.seamless.person.Documents documents;

	private final care.seamless.person.RecordSummaries summaries;

	private final TransactionTemplate reads;

	private final care.seamless.consent.AccessPolicy accessPolicy;

	private final care.seamless.team.CareTeams careTeams;

	private final care.seamless.person.RecordOffers recordOffers;

	PersonController(People people, ObjectProvider<RegistrationMatching> matching, LinkedIdentities linkedIdentities,
			care.seamless.person.Alerts alerts, care.seamless.person.Documents documents,
			care.seamless.person.RecordSummaries summaries, PlatformTransactionManager transactionManager,
			care.seamless.consent.AccessPolicy accessPolicy, care.seamless.team.CareTeams careTeams,
			care.seamless.person.RecordOffers recordOffers) {
		this.recordOffers = recordOffers;
		this.accessPolicy = accessPolicy;
		this.careTeams = careTeams;
		// The page's reads after the audited opening of the record, in one read-only
		// transaction: one snapshot and one commit instead of one per section.
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
		this.alerts = alerts;
		this.documents = documents;
		this.summaries = summaries;
		this.people = people;
		this.matching = matching;
		this.linkedIdentities = linkedIdentities;
	}

	@ModelAttribute("sexes")
	Sex[] sexes() {
		return Sex.values();
	}

	@GetMapping("/people")
	String search(Actor actor, @RequestParam(name = "q", defaultValue = "") String query, Model model) {
		model.addAttribute("query", query);
		if (!query.isBlank()) {
			try {
				model.addAttribute("results", people.search(actor, query));
			}
			catch (PersonRuleViolation ex) {
				model.addAttribute("queryError", ex.getMessage());
			}
		}
		return "person/search";
	}

	@GetMapping("/people/{id}")
	String show(Actor actor, @PathVariable PersonId id, Model model) {
		PersonRecord record = people.record(actor, id);
		reads.executeWithoutResult(status -> sections(actor, id, model));
		model.addAttribute("record", record);
		model.addAttribute("person", record.details());
		model.addAttribute("age",
				java.time.Period
					.between(record.details().dateOfBirth(),
							java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")))
					.getYears());
		model.addAttribute("alertKinds", care.seamless.person.AlertKind.values());
		model.addAttribute("documentKinds", care.seamless.person.DocumentKind.values());
		model.addAttribute("documentCategories", care.seamless.shared.DataCategory.values());
		model.addAttribute("documentLimitMb", documents.maxBytes() / (1024 * 1024));
		return "person/record";
	}

	private void sections(Actor actor, PersonId id, Model model) {
		// Who has looked at the record is offered only to those who oversee it: a
		// manager of an unrelated team would follow the link to a refusal.
		boolean oversees = (actor.has(care.seamless.shared.Role.CALDICOTT_GUARDIAN)
				|| actor.has(care.seamless.shared.Role.TEAM_MANAGER)) && accessPolicy.oversees(actor, id);
		model.addAttribute("oversees", oversees);
		// What the person sent is read by their care team and those who oversee it;
		// others who may open the record (a ward's staff through an admission, say) are
		// not offered it.
		boolean inCareTeam = actor.practitionerId() != null && actor.organisationId() != null
				&& careTeams.isCurrentMember(id, actor.practitionerId());
		model.addAttribute("readsFromThePerson", oversees || inCareTeam);
		// Raising and ending alerts and uploading documents are the care team's (the
		// access policy's CARE_TEAM_MEMBER rule, which asks the same question): others
		// who may open the record are not offered forms that would be refused.
		model.addAttribute("inCareTeam", inCareTeam);
		model.addAttribute("mayUpdate", people.mayUpdate(actor, id));
		// Asked of the access policy as the offers page itself asks it: a team with only
		// a referral's part of the record opens the record but not its offers.
		model.addAttribute("mayReadOffers", recordOffers.mayRead(actor, id));
		linkedIdentities.survivorOf(id).ifPresent(survivor -> model.addAttribute("linkedInto", survivor));
		model.addAttribute("alerts", alerts.current(actor, id));
		model.addAttribute("documents", documents.current(actor, id));
		model.addAttribute("summary", summaries.of(actor, id));
	}

	@GetMapping("/people/new")
	String newPerson(Model model) {
		model.addAttribute("form", PersonForm.empty());
		return "person/form";
	}

	@PostMapping("/people")
	String register(Actor actor, @Valid @ModelAttribute("form") PersonForm form, BindingResult result,
			@RequestParam(defaultValue = "false") boolean confirmedNew, Model model, RedirectAttributes redirect) {
		if (result.getTarget() == null) {
			recover(form, result, model);
			return "person/form";
		}
		checkDate(form, result);
		if (result.hasErrors()) {
			return "person/form";
		}
		RegistrationMatching registrationMatching = matching.getIfAvailable();
		if (!confirmedNew && registrationMatching != null) {
			List<KnownElsewhere> known = registrationMatching.possibleMatches(actor, form.toDetails());
			if (!known.isEmpty()) {
				// Ask before creating what may be a duplicate; the form comes back with
				// confirmedNew=true.
				model.addAttribute("knownElsewhere", known);
				return "person/form";
			}
		}
		try {
			PersonId id = people.register(actor, form.toDetails());
			if (registrationMatching != null) {
				registrationMatching.registered(actor, id);
			}
			redirect.addFlashAttribute("saved", "person.registered");
			return "redirect:/people/" + id;
		}
		catch (PersonRuleViolation ex) {
			result.rejectValue(ex.field(), ex.code().slug(), ex.getMessage());
			return "person/form";
		}
	}

	@GetMapping("/people/{id}/edit")
	String edit(Actor actor, @PathVariable PersonId id, Model model) {
		people.requireUpdate(actor, id);
		PersonRecord record = people.record(actor, id);
		model.addAttribute("form", PersonForm.of(record.details(), record.version()));
		model.addAttribute("personId", id);
		return "person/form";
	}

	@PostMapping("/people/{id}")
	String update(Actor actor, @PathVariable PersonId id, @Valid @ModelAttribute("form") PersonForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		model.addAttribute("personId", id);
		if (result.getTarget() == null) {
			recover(form, result, model);
			return "person/form";
		}
		checkDate(form, result);
		if (result.hasErrors()) {
			return "person/form";
		}
		try {
			people.update(actor, id, form.version() == null ? -1 : form.version(), form.toDetails());
			redirect.addFlashAttribute("saved", "person.updated");
			return "redirect:/people/" + id;
		}
		catch (PersonRuleViolation ex) {
			result.rejectValue(ex.field(), ex.code().slug(), ex.getMessage());
			return "person/form";
		}
		catch (ConcurrentEditException ex) {
			// Show what the other person saved; the user's own typing stays in the form
			// for them to re-apply.
			PersonRecord current = people.record(actor, id);
			model.addAttribute("conflict", true);
			model.addAttribute("current", current.details());
			model.addAttribute("currentVersion", current.version());
			result.reject("concurrent-edit", "person.conflict");
			return "person/form";
		}
	}

	@ModelAttribute("categories")
	DataCategory[] categories() {
		return DataCategory.values();
	}

	@GetMapping("/people/{id}/entries/new")
	String newEntry(Actor actor, @PathVariable PersonId id, Model model) {
		model.addAttribute("personId", id);
		model.addAttribute("entryForm", new EntryForm(null, null, null));
		return "person/entry-form";
	}

	@PostMapping("/people/{id}/entries")
	String addEntry(Actor actor, @PathVariable PersonId id, @Valid @ModelAttribute("entryForm") EntryForm form,
			BindingResult result, Model model, RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletResponse response) {
		model.addAttribute("personId", id);
		DataCategory category = null;
		try {
			category = form.category() == null ? null : DataCategory.valueOf(form.category().strip());
		}
		catch (IllegalArgumentException ex) {
			if (!result.hasFieldErrors("category")) {
				result.rejectValue("category", "entry.category.required");
			}
		}
		if (result.hasErrors() || category == null) {
			response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
			return "person/entry-form";
		}
		people.addEntry(actor, id, category, form.title(), form.body());
		redirect.addFlashAttribute("saved", "entry.saved");
		return "redirect:/people/" + id + "#information";
	}

	/**
	 * The case notes, filtered by kind, author and dates; a value that cannot be read is
	 * a message on its field (400) over the unfiltered list.
	 */
	@GetMapping("/people/{id}/entries")
	String entries(Actor actor, @PathVariable PersonId id, @RequestParam(defaultValue = "1") int page,
			@RequestParam(required = false) String category, @RequestParam(required = false) String author,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
			jakarta.servlet.http.HttpServletResponse response) {
		care.seamless.person.EntryFilter filter;
		try {
			filter = care.seamless.person.EntryFilter.parse(category, author, from, to);
		}
		catch (PersonRuleViolation ex) {
			response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("filterError", ex.getMessage());
			model.addAttribute("filterErrorField", ex.field());
			filter = care.seamless.person.EntryFilter.NONE;
		}
		model.addAttribute("personId", id);
		model.addAttribute("filter", filter);
		model.addAttribute("categories", DataCategory.values());
		model.addAttribute("filterQuery", filterQuery(filter));
		model.addAttribute("entries", people.entries(actor, id, page, filter));
		// Marking an entry not shown to the person is the care team's (the same rule as
		// the record page's forms).
		model.addAttribute("inCareTeam", actor.practitionerId() != null && actor.organisationId() != null
				&& careTeams.isCurrentMember(id, actor.practitionerId()));
		return "person/entries";
	}

	private static String filterQuery(care.seamless.person.EntryFilter filter) {
		StringBuilder query = new StringBuilder();
		if (filter.category() != null) {
			query.append("&category=").append(filter.category().code());
		}
		if (filter.author() != null) {
			query.append("&author=")
				.append(java.net.URLEncoder.encode(filter.author(), java.nio.charset.StandardCharsets.UTF_8));
		}
		if (filter.from() != null) {
			query.append("&from=").append(filter.from());
		}
		if (filter.to() != null) {
			query.append("&to=").append(filter.to());
		}
		return query.toString();
	}

	/** The kind as sent: text, so that one not offered is named on its field. */
	record EntryForm(@NotBlank(message = "{entry.category.required}") String category,
			@NotBlank(message = "{entry.title.required}") @Size(max = 200) String title,
			@NotBlank(message = "{entry.body.required}") @Size(max = 10000) String body) {
	}

	@GetMapping("/people/{id}/access-history")
	String accessHistory(Actor actor, @PathVariable PersonId id, Model model) {
		model.addAttribute("entries", people.accessHistory(actor, id, 500));
		model.addAttribute("personId", id);
		return "person/access-history";
	}

	/**
	 * A value that could not be converted (an unknown sex, a version that is not a
	 * number) leaves the binding result without its form, so the page could not show the
	 * message beside the field. Spring still hands us the form with each unconvertible
	 * value left empty; it is put back with the original errors, so the person sees their
	 * typing and what to correct.
	 */
	private static void recover(@Nullable PersonForm typed, BindingResult failed, Model model) {
		PersonForm form = typed == null ? PersonForm.empty() : typed;
		BindingResult result = new BeanPropertyBindingResult(form, "form");
		result.addAllErrors(failed);
		model.addAttribute("form", form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
	}

	private static void checkDate(PersonForm form, BindingResult result) {
		if (!result.hasFieldErrors("dobDay") && !result.hasFieldErrors("dobMonth") && !result.hasFieldErrors("dobYear")
				&& form.dateOfBirth() == null) {
			result.rejectValue("dobDay", "invalid-date", "Date of birth must be a real date, for example 27 3 1947");
		}
	}

}
