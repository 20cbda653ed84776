package care.seamless.team.web;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import care.seamless.shared.Actor;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.team.CareTeamMember;
import care.seamless.team.CareTeamRequests;
import care.seamless.team.CareTeamRule;
import care.seamless.team.CareTeamView;
import care.seamless.team.Directory;
import care.seamless.team.Practitioner;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's care team: who is in it and since when, whose involvement ended and why,
 * adding and inviting members, handing over the lead, ending an involvement, and asking
 * to join for someone refused the record. Each change is decided and audited by
 * {@link CareTeamRequests}; a broken rule comes back as a message on its field.
 */
@PageController
class CareTeamController {

	private static final String PAGE = "/people/{id}/care-team";

	private final CareTeamRequests careTeams;

	private final Directory directory;

	CareTeamController(CareTeamRequests careTeams, Directory directory) {
		this.careTeams = careTeams;
		this.directory = directory;
	}

	record AddForm(@Nullable String practitioner, @Nullable String role) {
	}

	record HandoverForm(@Nullable String practitioner, @Nullable String message) {
	}

	record ReasonForm(@Nullable String version, @Nullable String reason) {
	}

	record JoinForm(@Nullable String role, @Nullable String reason) {
	}

	@GetMapping(PAGE)
	String show(Actor actor, @PathVariable PersonId id, Model model) {
		CareTeamView team = careTeams.careTeam(actor, id);
		model.addAttribute("team", team);
		model.addAttribute("offers", careTeams.offers(actor, team));
		return "team/care-team";
	}

	@GetMapping(PAGE + "/add")
	String addForm(Actor actor, @PathVariable PersonId id, Model model) {
		return addPage(actor, id, new AddForm(null, null), model);
	}

	@PostMapping(PAGE + "/add")
	String add(Actor actor, @PathVariable PersonId id, @ModelAttribute("form") AddForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		try {
			CareTeamRequests.Added added = careTeams.add(actor, id, practitioner(form.practitioner()), form.role());
			redirect.addFlashAttribute("saved", added.invited() ? "careTeam.saved.invited" : "careTeam.saved.added");
			return "redirect:/people/" + id + "/care-team";
		}
		catch (CareTeamRule rule) {
			reject(result, rule, "practitioner");
			return addPage(actor, id, form, model);
		}
	}

	@GetMapping(PAGE + "/handover")
	String handoverForm(Actor actor, @PathVariable PersonId id, Model model) {
		return handoverPage(actor, id, new HandoverForm(null, null), model);
	}

	@PostMapping(PAGE + "/handover")
	String handover(Actor actor, @PathVariable PersonId id, @ModelAttribute("form") HandoverForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		try {
			careTeams.proposeHandover(actor, id, practitioner(form.practitioner()), form.message());
			redirect.addFlashAttribute("saved", "careTeam.saved.handover");
			return "redirect:/people/" + id + "/care-team";
		}
		catch (CareTeamRule rule) {
			reject(result, rule, "practitioner");
			return handoverPage(actor, id, form, model);
		}
	}

	@GetMapping(PAGE + "/members/{memberId}/end")
	String endForm(Actor actor, @PathVariable PersonId id, @PathVariable UUID memberId, Model model) {
		CareTeamMember member = member(actor, id, memberId, model);
		return endPage(new ReasonForm(Long.toString(member.version()), null), model);
	}

	@PostMapping(PAGE + "/members/{memberId}/end")
	String end(Actor actor, @PathVariable PersonId id, @PathVariable UUID memberId,
			@ModelAttribute("form") ReasonForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		try {
			careTeams.endInvolvement(actor, memberId, version(form.version()), form.reason());
			redirect.addFlashAttribute("saved", "careTeam.saved.ended");
			return "redirect:/people/" + id + "/care-team";
		}
		catch (CareTeamRule rule) {
			reject(result, rule, "reason");
			member(actor, id, memberId, model);
			return endPage(form, model);
		}
	}

	/**
	 * Asking to join is for someone the record is closed to, so the page says nothing
	 * about the person; the request goes to the lead professional and their team manager.
	 */
	@GetMapping(PAGE + "/join")
	String joinForm(@PathVariable PersonId id, Model model) {
		model.addAttribute("form", new JoinForm(null, null));
		model.addAttribute("personId", id);
		return "team/join";
	}

	@PostMapping(PAGE + "/join")
	String join(Actor actor, @PathVariable PersonId id, @ModelAttribute("form") JoinForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		try {
			careTeams.askToJoin(actor, id, form.role(), form.reason());
			redirect.addFlashAttribute("saved", "careTeam.saved.asked");
			return "redirect:/care-teams/requests";
		}
		catch (CareTeamRule rule) {
			reject(result, rule, "reason");
			model.addAttribute("personId", id);
			return "team/join";
		}
	}

	private String addPage(Actor actor, PersonId id, AddForm form, Model model) {
		CareTeamView team = careTeams.careTeam(actor, id);
		model.addAttribute("team", team);
		model.addAttribute("form", form);
		model.addAttribute("practitioners", candidates(team));
		return "team/add";
	}

	private String handoverPage(Actor actor, PersonId id, HandoverForm form, Model model) {
		CareTeamView team = careTeams.careTeam(actor, id);
		model.addAttribute("team", team);
		model.addAttribute("form", form);
		model.addAttribute("practitioners",
				directory.practitioners()
					.stream()
					.filter(p -> team.current().stream().noneMatch(m -> m.lead() && m.practitionerId().equals(p.id())))
					.sorted(ORDER)
					.toList());
		return "team/handover";
	}

	private String endPage(ReasonForm form, Model model) {
		model.addAttribute("form", form);
		return "team/end";
	}

	private CareTeamMember member(Actor actor, PersonId id, UUID memberId, Model model) {
		CareTeamView team = careTeams.careTeam(actor, id);
		CareTeamMember member = team.current()
			.stream()
			.filter(m -> m.id().equals(memberId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("CareTeamMember", memberId));
		model.addAttribute("team", team);
		model.addAttribute("member", member);
		return member;
	}

	private static final Comparator<Practitioner> ORDER = Comparator.comparing(Practitioner::organisationName)
		.thenComparing(Practitioner::familyName)
		.thenComparing(Practitioner::givenName);

	/** Everyone in the partnership who is not in the care team already. */
	private List<Practitioner> candidates(CareTeamView team) {
		return directory.practitioners()
			.stream()
			.filter(p -> team.current().stream().noneMatch(m -> m.practitionerId().equals(p.id())))
			.sorted(ORDER)
			.toList();
	}

	static @Nullable PractitionerId practitioner(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return PractitionerId.of(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new CareTeamRule("practitioner", "Choose a practitioner from the list");
		}
	}

	static long version(@Nullable String value) {
		try {
			return Long.parseLong(value == null ? "" : value.strip());
		}
		catch (NumberFormatException ex) {
			throw new CareTeamRule("reason", "The page was out of date: open it again and try once more");
		}
	}

	/** Shows the rule on its field; the page comes back as a refused request (400). */
	static void reject(BindingResult result, CareTeamRule rule, String fallback) {
		if (org.springframework.web.context.request.RequestContextHolder
			.getRequestAttributes() instanceof org.springframework.web.context.request.ServletRequestAttributes servlet
				&& servlet.getResponse() != null) {
			servlet.getResponse().setStatus(400);
		}
		result.rejectValue(rule.field() == null ? fallback : rule.field(), "careTeam.rule", rule.getMessage());
	}

}
