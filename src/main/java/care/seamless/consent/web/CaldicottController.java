package care.seamless.consent.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditLog;
import care.seamless.audit.AuditQuery;
import care.seamless.consent.ConsentRule;
import care.seamless.consent.GuardianAudit;
import care.seamless.consent.Override;
import care.seamless.consent.Overrides;
import care.seamless.consent.SearchVolumes;
import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
import care.seamless.shared.Role;
import care.seamless.team.Directory;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Caldicott guardian's dashboard: emergency accesses to review (naming the person),
 * refusals, and past reviews; the search of the audit log and its export for a subject
 * access request.
 */
@PageController
class CaldicottController {

	private static final String[] CSV_HEADER = { "seq", "occurred_at_utc", "account", "role", "organisation_code",
			"action", "record_type", "record_id", "person_id", "purpose", "outcome", "reason", "override" };

	private final Overrides overrides;

	private final AuditLog auditLog;

	private final SearchVolumes searchVolumes;

	private final GuardianAudit guardianAudit;

	private final Directory directory;

	CaldicottController(Overrides overrides, AuditLog auditLog, SearchVolumes searchVolumes,
			GuardianAudit guardianAudit, Directory directory) {
		this.directory = directory;
		this.overrides = overrides;
		this.auditLog = auditLog;
		this.searchVolumes = searchVolumes;
		this.guardianAudit = guardianAudit;
	}

	@GetMapping("/caldicott")
	String dashboard(Actor actor, Model model) {
		List<Override> pending = overrides.awaitingReview(actor);
		model.addAttribute("pending", pending);
		model.addAttribute("reviewed", overrides.reviewed(actor, 50));
		model.addAttribute("events", auditLog.recent(100, true));
		addUnusualSearches(actor, model);
		addEmergencyAccessOversight(actor, pending, model);
		return "consent/caldicott";
	}

	/** The unusual-searching block (template consent/caldicott-searches). */
	private void addUnusualSearches(Actor actor, Model model) {
		model.addAttribute("unusualSearches", searchVolumes.unusual(actor));
		model.addAttribute("searchesPerHour", searchVolumes.perHour());
	}

	/**
	 * What issue 10 (hole 8) adds to the dashboard: the person each pending review
	 * concerns, and who the partnership's fallback guardian is.
	 */
	private void addEmergencyAccessOversight(Actor actor, List<Override> pending, Model model) {
		model.addAttribute("names", overrides.namesFor(actor, pending));
		model.addAttribute("fallbackGuardian", overrides.fallbackGuardian().orElse(null));
	}

	@PostMapping("/caldicott/overrides/{id}/review")
	String review(Actor actor, @PathVariable UUID id, @RequestParam long version, @RequestParam boolean appropriate,
			@RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
		try {
			overrides.review(actor, id, version, appropriate, note);
			redirect.addFlashAttribute("saved", appropriate ? "override.reviewed" : "override.ended");
		}
		catch (ConsentRule ex) {
			redirect.addFlashAttribute("reviewError", ex.getMessage());
			redirect.addFlashAttribute("reviewErrorId", id);
		}
		return "redirect:/caldicott";
	}

	/**
	 * The search as typed: kept as text so that a mistyped id or date is shown back with
	 * its message rather than lost.
	 */
	/**
	 * Administrators name the partnership's fallback guardian from the accounts that hold
	 * the guardian role.
	 */
	@GetMapping("/caldicott/fallback-guardian")
	String fallbackGuardianForm(Actor actor, Model model) {
		if (!actor.has(Role.ADMINISTRATOR)) {
			throw new AccessDeniedException("Only administrators name the partnership's fallback guardian");
		}
		model.addAttribute("guardians",
				directory.accounts()
					.stream()
					.filter(a -> a.enabled() && a.roles().contains(Role.CALDICOTT_GUARDIAN))
					.toList());
		model.addAttribute("fallbackGuardian", overrides.fallbackGuardian().orElse(null));
		return "consent/fallback-guardian";
	}

	@PostMapping("/caldicott/fallback-guardian")
	String nameFallbackGuardian(Actor actor, @RequestParam(defaultValue = "") String username, Model model,
			RedirectAttributes redirect) {
		try {
			overrides.nameFallbackGuardian(actor, username);
		}
		catch (ConsentRule ex) {
			model.addAttribute("fallbackError", ex.getMessage());
			return fallbackGuardianForm(actor, model);
		}
		redirect.addFlashAttribute("saved", "fallback.saved");
		return "redirect:/caldicott/fallback-guardian";
	}

	record AuditSearchForm(String person, String account, String organisation, String from, String to) {
	}

	@GetMapping("/caldicott/audit")
	String auditSearch(Actor actor, @ModelAttribute("search") AuditSearchForm form, BindingResult result,
			@RequestParam(defaultValue = "1") int page, Model model) {
		UUID person = parse(form.person(), UUID::fromString, "person", result);
		LocalDate from = parse(form.from(), LocalDate::parse, "from", result);
		LocalDate to = parse(form.to(), LocalDate::parse, "to", result);
		if (from != null && to != null && to.isBefore(from)) {
			result.rejectValue("to", "range", "The end date must be on or after the start date");
		}
		AuditQuery query = result.hasErrors() ? new AuditQuery(null, null, null, null, null)
				: new AuditQuery(person, form.account(), form.organisation(), from, to);
		model.addAttribute("results", guardianAudit.search(actor, query, page));
		model.addAttribute("valid", !result.hasErrors());
		return "consent/audit-search";
	}

	private static <T> @Nullable T parse(@Nullable String text, Function<String, T> parser, String field,
			BindingResult result) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return parser.apply(text.trim());
		}
		catch (RuntimeException ex) {
			result.rejectValue(field, "invalid", field.equals("person")
					? "Enter a record id as shown in the address of the person's record" : "Enter a real date");
			return null;
		}
	}

	/** All entries about one person as CSV, for a subject access request. */
	@GetMapping("/caldicott/audit/export")
	void exportForPerson(Actor actor, @RequestParam PersonId person, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + person + ".csv\"");
		Writer writer = response.getWriter();
		CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get().print(writer);
		guardianAudit.exportForPerson(actor, person, entry -> print(csv, entry));
		csv.flush();
	}

	private static void print(CSVPrinter csv, AuditEntry e) {
		try {
			csv.printRecord(e.seq(), e.occurredAt().atOffset(ZoneOffset.UTC), e.account(), e.role(),
					e.organisationCode(), e.action(), e.recordType(), e.recordId(), e.personId(), e.purpose(),
					e.outcome(), e.reason(), e.override());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
