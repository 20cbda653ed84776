package care.seamless.referral.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import care.seamless.referral.DeclineReason;
import care.seamless.referral.NewReferral;
import care.seamless.referral.ReferralId;
import care.seamless.referral.SentItem;
import care.seamless.consent.ItemKind;
import care.seamless.referral.ReferralRefused;
import care.seamless.referral.ReferralStatus;
import care.seamless.referral.ReferralView;
import care.seamless.referral.Referrals;
import care.seamless.referral.SharingBasis;
import care.seamless.referral.StepNotAllowed;
import care.seamless.referral.Urgency;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;
import care.seamless.team.Directory;
import care.seamless.team.Team;
import care.seamless.terminology.ConceptKind;
import care.seamless.terminology.Terminology;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@PageController
class ReferralController {

	private static final UUID UNREADABLE = new UUID(0, 0);

	private final Referrals referrals;

	private final Directory directory;

	private final Terminology terminology;

	ReferralController(Referrals referrals, Directory directory, Terminology terminology) {
		this.referrals = referrals;
		this.directory = directory;
		this.terminology = terminology;
	}

	@GetMapping("/referrals")
	String list(Actor actor, Model model) {
		model.addAttribute("incoming", referrals.incoming(actor, Referrals.open()));
		model.addAttribute("outgoing", referrals.outgoing(actor, EnumSet.allOf(ReferralStatus.class)));
		model.addAttribute("teamNames", teamNames());
		return "referral/list";
	}

	@GetMapping("/people/{id}/referrals/new")
	String newReferral(Actor actor, @PathVariable PersonId id, Model model) {
		return formPage(actor, id, ReferralForm.empty(), model);
	}

	@PostMapping("/people/{id}/referrals")
	String refer(Actor actor, @PathVariable PersonId id, @ModelAttribute("form") ReferralForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Set<DataCategory> categories = form.categories() == null ? Set.of()
				: form.categories()
					.stream()
					.map(c -> Parsing.enumValue(DataCategory.class, c))
					.filter(java.util.Objects::nonNull)
					.collect(Collectors.toSet());
		NewReferral request = new NewReferral(id, team(form.fromTeam()), team(form.toTeam()), form.reasonCode(),
				form.reasonText(), Parsing.enumValue(Urgency.class, form.urgency()),
				"yes".equals(form.personInformed()), form.personView(),
				Parsing.enumValue(SharingBasis.class, form.basis()), categories, items(form.items()));
		try {
			Referrals.Referred referred = referrals.refer(actor, request, true);
			referred.duplicateOf().ifPresent(first -> redirect.addFlashAttribute("duplicateOf", first.id().toString()));
			return "redirect:/referrals/" + referred.id();
		}
		catch (ReferralRefused ex) {
			ex.problems().forEach(p -> result.rejectValue(p.field(), "referral.refused", p.message()));
			return formPage(actor, id, form, model);
		}
	}

	@GetMapping("/referrals/{id}")
	String show(Actor actor, @PathVariable UUID id, Model model) {
		ReferralView view = referrals.view(actor, new ReferralId(id));
		return showPage(view, StepForm.at(view.version()), model);
	}

	@PostMapping("/referrals/{id}/{step}")
	String step(Actor actor, @PathVariable UUID id, @PathVariable String step, @ModelAttribute("form") StepForm form,
			BindingResult result, Model model) {
		ReferralId referral = new ReferralId(id);
		long version = Parsing.version(form.version());
		try {
			switch (step) {
				case "acknowledge" -> referrals.acknowledge(actor, referral, version);
				case "accept" -> referrals.accept(actor, referral, version, owner(form.owner()));
				case "decline" -> referrals.decline(actor, referral, version,
						Parsing.enumValue(DeclineReason.class, form.declineReason()), form.signposting());
				case "redirect" -> referrals.redirect(actor, referral, version, team(form.toTeam()), form.note());
				case "withdraw" -> referrals.withdraw(actor, referral, version, form.note());
				case "complete" -> referrals.complete(actor, referral, version, form.outcome());
				default -> throw new care.seamless.shared.NotFoundException("Referral step", step);
			}
			// After accepting, declining or passing it on, the team's grant has ended and
			// the record may be closed to the reader: back to the list, which shows the
			// new state without personal detail.
			return List.of("accept", "decline", "redirect").contains(step) ? "redirect:/referrals"
					: "redirect:/referrals/" + id;
		}
		catch (ReferralRefused ex) {
			ex.problems().forEach(p -> result.rejectValue(p.field(), "referral.refused", p.message()));
			model.addAttribute("failedStep", step);
			return showPage(referrals.view(actor, referral), form, model);
		}
	}

	/** A step the referral's state no longer allows: the page as it now is, and why. */
	@ExceptionHandler(StepNotAllowed.class)
	String notAllowed(StepNotAllowed ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		model.addAttribute("message", ex.getMessage());
		return "referral/not-allowed";
	}

	/**
	 * Each choice is "KIND:id"; one that cannot be read becomes an item nobody can send,
	 * so the referral is refused with the items message rather than sent without it.
	 */
	private static Set<SentItem> items(@Nullable List<String> values) {
		if (values == null) {
			return Set.of();
		}
		return values.stream().limit(1000).map(v -> {
			int colon = v.indexOf(':');
			ItemKind kind = colon < 0 ? null : Parsing.enumValue(ItemKind.class, v.substring(0, colon));
			UUID itemId = colon < 0 ? null : Parsing.uuid(v.substring(colon + 1));
			return (kind == null || itemId == null) ? new SentItem(ItemKind.ASSESSMENT_SECTION, UNREADABLE)
					: new SentItem(kind, itemId);
		}).collect(Collectors.toSet());
	}

	private String formPage(Actor actor, PersonId person, ReferralForm form, Model model) {
		List<Team> mine = referrals.teamsOf(actor);
		Set<TeamId> mineIds = mine.stream().map(Team::id).collect(Collectors.toSet());
		model.addAttribute("form", form);
		model.addAttribute("personId", person);
		model.addAttribute("fromTeams", mine);
		model.addAttribute("toTeams", directory.teams().stream().filter(t -> !mineIds.contains(t.id())).toList());
		model.addAttribute("reasons",
				terminology.vocabulary().concepts().stream().filter(c -> c.kind() == ConceptKind.NEED).toList());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("bases", SharingBasis.values());
		model.addAttribute("categories", DataCategory.values());
		model.addAttribute("sending", form.categories() == null ? Set.of() : Set.copyOf(form.categories()));
		model.addAttribute("sendable", referrals.sendable(actor, person));
		model.addAttribute("chosenItems", form.items() == null ? Set.of() : Set.copyOf(form.items()));
		return "referral/new";
	}

	private String showPage(ReferralView view, StepForm form, Model model) {
		model.addAttribute("referral", view);
		model.addAttribute("form", form);
		model.addAttribute("teamMembers", directory.teamMembers(view.holder()));
		model.addAttribute("declineReasons", DeclineReason.values());
		model.addAttribute("otherTeams",
				directory.teams()
					.stream()
					.filter(t -> !t.id().equals(view.holder()) && !t.id().equals(view.fromTeam()))
					.toList());
		return "referral/show";
	}

	private java.util.Map<TeamId, String> teamNames() {
		return directory.teams()
			.stream()
			.collect(Collectors.toMap(Team::id, t -> t.name() + ", " + t.organisationName()));
	}

	static @Nullable TeamId team(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		UUID id = Parsing.uuid(value);
		return new TeamId(id == null ? UNREADABLE : id);
	}

	private static @Nullable PractitionerId owner(@Nullable String value) {
		UUID id = Parsing.uuid(value);
		return id == null ? null : new PractitionerId(id);
	}

}
