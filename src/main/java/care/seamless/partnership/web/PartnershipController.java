package care.seamless.partnership.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.seamless.partnership.Agreements;
import care.seamless.partnership.NewPartnership;
import care.seamless.partnership.Partnership;
import care.seamless.partnership.PartnershipDirection;
import care.seamless.partnership.PartnershipKind;
import care.seamless.partnership.PartnershipRule;
import care.seamless.partnership.PartnershipStatus;
import care.seamless.partnership.Partnerships;
import care.seamless.partnership.ReadinessItem;
import care.seamless.shared.Actor;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PageController;
import care.seamless.shared.Violation;
import care.seamless.team.Directory;
import care.seamless.team.Organisation;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partnership register for commissioners, boards and managers. Forms keep what was
 * typed as text and name each problem on its field (all at once), so an unknown kind or a
 * date that is not one never turns into a bare 400.
 */
@PageController
class PartnershipController {

	private final Partnerships partnerships;

	private final Agreements agreements;

	private final Directory directory;

	private final PartnershipPage page;

	PartnershipController(Partnerships partnerships, Agreements agreements, Directory directory, PartnershipPage page) {
		this.partnerships = partnerships;
		this.agreements = agreements;
		this.directory = directory;
		this.page = page;
	}

	@GetMapping("/partnerships")
	String list(Actor actor, Model model) {
		model.addAttribute("partnerships", partnerships.all());
		model.addAttribute("reviewsDue", partnerships.reviewsDue(actor));
		model.addAttribute("mayKeep", Partnerships.mayKeep(actor));
		model.addAttribute("today", LocalDate.now());
		return "partnership/list";
	}

	@GetMapping("/partnerships/new")
	String newForm(Actor actor, Model model) {
		return form(actor, model, null, Map.of(), new LinkedHashMap<>());
	}

	@PostMapping("/partnerships")
	String create(Actor actor, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		Map<String, String> problems = new LinkedHashMap<>();
		NewPartnership partnership = read(params, problems);
		if (partnership != null) {
			try {
				UUID id = partnerships.create(actor, partnership);
				redirect.addFlashAttribute("saved", "partnership.created");
				return "redirect:/partnerships/" + id;
			}
			catch (PartnershipRule ex) {
				add(problems, ex.violations());
			}
		}
		return form(actor, model, null, params.toSingleValueMap(), problems, params);
	}

	@GetMapping("/partnerships/{id}/edit")
	String editForm(Actor actor, @PathVariable UUID id, Model model) {
		Partnership p = partnerships.find(id);
		return form(actor, model, p, values(p), new LinkedHashMap<>());
	}

	@PostMapping("/partnerships/{id}")
	String update(Actor actor, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		Partnership existing = partnerships.find(id);
		Map<String, String> problems = new LinkedHashMap<>();
		NewPartnership partnership = read(params, problems);
		long version = number(params.getFirst("version"));
		if (partnership != null) {
			try {
				partnerships.update(actor, id, version, partnership);
				redirect.addFlashAttribute("saved", "partnership.updated");
				return "redirect:/partnerships/" + id;
			}
			catch (PartnershipRule ex) {
				add(problems, ex.violations());
			}
		}
		return form(actor, model, existing, params.toSingleValueMap(), problems, params);
	}

	@GetMapping("/partnerships/{id}")
	String show(Actor actor, @PathVariable UUID id, Model model) {
		return page.show(actor, id, model);
	}

	@PostMapping("/partnerships/{id}/readiness")
	String readiness(Actor actor, @PathVariable UUID id, @RequestParam(required = false) @Nullable String item,
			@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false, defaultValue = "") String note,
			@RequestParam(required = false) @Nullable String version, Model model, RedirectAttributes redirect) {
		Map<String, String> problems = new LinkedHashMap<>();
		ReadinessItem readinessItem = choice(ReadinessItem.class, item, "item", "Choose an item of the checklist",
				problems);
		ReadinessItem.State readinessState = choice(ReadinessItem.State.class, state, "state",
				"Choose where this item stands", problems);
		if (problems.isEmpty()) {
			try {
				partnerships.recordReadiness(actor, id, readinessItem, readinessState, note, number(version));
				redirect.addFlashAttribute("saved", "partnership.readiness.saved");
				return "redirect:/partnerships/" + id + "#readiness";
			}
			catch (PartnershipRule ex) {
				add(problems, ex.violations());
			}
		}
		model.addAttribute("problems", problems);
		return page.show(actor, id, model);
	}

	private String form(Actor actor, Model model, @Nullable Partnership existing, Map<String, String> values,
			Map<String, String> problems) {
		return form(actor, model, existing, values, problems, null);
	}

	private String form(Actor actor, Model model, @Nullable Partnership existing, Map<String, String> values,
			Map<String, String> problems, @Nullable MultiValueMap<String, String> params) {
		if (!Partnerships.mayKeep(actor)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Only administrators and commissioners keep the partnership register");
		}
		Set<String> chosenPartners = new HashSet<>();
		Set<String> chosenAgreements = new HashSet<>();
		if (params != null) {
			chosenPartners.addAll(orEmpty(params.get("partners")));
			chosenAgreements.addAll(orEmpty(params.get("agreements")));
		}
		else if (existing != null) {
			existing.partners().forEach((p) -> chosenPartners.add(p.organisation().id().toString()));
			existing.sharingAgreements().forEach((a) -> chosenAgreements.add(a.id().toString()));
		}
		model.addAttribute("existing", existing);
		model.addAttribute("values", values);
		model.addAttribute("problems", problems);
		model.addAttribute("chosenPartners", chosenPartners);
		model.addAttribute("chosenAgreements", chosenAgreements);
		model.addAttribute("organisations", directory.organisations());
		model.addAttribute("agreements", agreements.all());
		model.addAttribute("kinds", PartnershipKind.values());
		model.addAttribute("directions", PartnershipDirection.values());
		model.addAttribute("statuses", PartnershipStatus.values());
		return "partnership/form";
	}

	/**
	 * Reads the form; null when a value could not be read at all (each named in
	 * problems).
	 */
	private @Nullable NewPartnership read(MultiValueMap<String, String> params, Map<String, String> problems) {
		PartnershipKind kind = choice(PartnershipKind.class, params.getFirst("kind"), "kind",
				"Choose the kind of partnership", problems);
		PartnershipDirection direction = choice(PartnershipDirection.class, params.getFirst("direction"), "direction",
				"Choose horizontal or vertical", problems);
		PartnershipStatus status = choice(PartnershipStatus.class, params.getFirst("status"), "status",
				"Choose the status", problems);
		LocalDate start = date(params.getFirst("startDate"), "startDate", true, problems);
		LocalDate end = date(params.getFirst("endDate"), "endDate", false, problems);
		LocalDate review = date(params.getFirst("reviewDate"), "reviewDate", true, problems);
		OrganisationId host = null;
		String hostText = text(params.getFirst("host"));
		if (!hostText.isEmpty()) {
			host = organisation(hostText);
			if (host == null) {
				problems.merge("host", "Choose the host from the list", PartnershipController::join);
			}
		}
		List<NewPartnership.Partner> partners = new ArrayList<>();
		for (String chosen : orEmpty(params.get("partners"))) {
			OrganisationId organisation = organisation(chosen);
			if (organisation == null) {
				problems.merge("partners", "Choose partners from the list", PartnershipController::join);
				continue;
			}
			partners.add(new NewPartnership.Partner(organisation, text(params.getFirst("contribution-" + chosen)),
					text(params.getFirst("variation-" + chosen))));
		}
		Set<UUID> linked = new HashSet<>();
		for (String chosen : orEmpty(params.get("agreements"))) {
			try {
				linked.add(UUID.fromString(chosen.strip()));
			}
			catch (IllegalArgumentException ex) {
				problems.merge("agreements", "Choose sharing agreements from the list", PartnershipController::join);
			}
		}
		if (kind == null || direction == null || status == null || start == null || review == null
				|| problems.containsKey("endDate")) {
			return null;
		}
		return new NewPartnership(text(params.getFirst("name")), kind, direction, text(params.getFirst("aims")),
				text(params.getFirst("functions")), text(params.getFirst("staffAndResources")),
				text(params.getFirst("governance")), host, text(params.getFirst("poolManager")), start, end, review,
				text(params.getFirst("termination")), status, partners, linked);
	}

	private @Nullable OrganisationId organisation(String id) {
		for (Organisation organisation : directory.organisations()) {
			if (organisation.id().id().toString().equals(id.strip())) {
				return organisation.id();
			}
		}
		return null;
	}

	static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value, String field, String message,
			Map<String, String> problems) {
		if (value != null) {
			for (E constant : type.getEnumConstants()) {
				if (constant.name().equals(value.strip())) {
					return constant;
				}
			}
		}
		problems.merge(field, message, PartnershipController::join);
		return null;
	}

	private static @Nullable LocalDate date(@Nullable String value, String field, boolean required,
			Map<String, String> problems) {
		String text = text(value);
		if (text.isEmpty()) {
			if (required) {
				problems.merge(field, "Enter a date, for example 2027-04-01", PartnershipController::join);
			}
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text);
			if (date.getYear() < 1990 || date.getYear() > 2100) {
				problems.merge(field, "Enter a date between 1990 and 2100", PartnershipController::join);
				return null;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			problems.merge(field, "Enter a real date, for example 2027-04-01", PartnershipController::join);
			return null;
		}
	}

	static long number(@Nullable String value) {
		try {
			return value == null ? -1 : Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	static void add(Map<String, String> problems, List<Violation> violations) {
		for (Violation violation : violations) {
			problems.merge(violation.field(), violation.message(), PartnershipController::join);
		}
	}

	private static String join(String first, String second) {
		return first.contains(second) ? first : first + ". " + second;
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	private static List<String> orEmpty(@Nullable List<String> values) {
		return values == null ? List.of() : values;
	}

	private static Map<String, String> values(Partnership p) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("name", p.name());
		values.put("kind", p.kind().name());
		values.put("direction", p.direction().name());
		values.put("aims", p.aims());
		values.put("functions", p.functions());
		values.put("staffAndResources", p.staffAndResources());
		values.put("governance", p.governance());
		values.put("host", p.host() == null ? "" : p.host().id().toString());
		values.put("poolManager", p.poolManager());
		values.put("startDate", p.startDate().toString());
		values.put("endDate", p.endDate() == null ? "" : p.endDate().toString());
		values.put("reviewDate", p.reviewDate().toString());
		values.put("termination", p.termination());
		values.put("status", p.status().name());
		values.put("version", Long.toString(p.version()));
		for (Partnership.Partner partner : p.partners()) {
			values.put("contribution-" + partner.organisation().id(), partner.contribution());
			values.put("variation-" + partner.organisation().id(), partner.variation());
		}
		return values;
	}

}
