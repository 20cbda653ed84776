package care.seamless.door.web;

import java.util.List;
import java.util.UUID;

import care.seamless.careplan.CarePlans;
import care.seamless.careplan.PersonsView;
import care.seamless.careplan.PlanSignatures;
import care.seamless.consent.ActingKind;
import care.seamless.consent.ChoiceKind;
import care.seamless.consent.Choices;
import care.seamless.consent.ConsentRule;
import care.seamless.door.ActingForView;
import care.seamless.door.DoorRule;
import care.seamless.door.Invitations;
import care.seamless.door.MyRecord;
import care.seamless.door.PersonsFeedback;
import care.seamless.funding.FundingRoutes;
import care.seamless.door.SharingChanges;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The person's door: phone-sized pages in plain English for the person and anyone acting
 * for them. Each handler takes the person-side principal, never a staff {@link Actor}
 * parameter, and every read goes through the access policy with that actor.
 */
@PageController
@RequestMapping("/me")
class MeController {

	private final Invitations invitations;

	private final MyRecord myRecord;

	private final CarePlans carePlans;

	private final PlanSignatures signatures;

	private final Choices choices;

	private final SharingChanges sharingChanges;

	private final PersonsFeedback feedback;

	private final FundingRoutes fundingRoutes;

	private final ApplicationAvailability availability;

	MeController(Invitations invitations, MyRecord myRecord, CarePlans carePlans, PlanSignatures signatures,
			Choices choices, SharingChanges sharingChanges, PersonsFeedback feedback, FundingRoutes fundingRoutes,
			ApplicationAvailability availability) {
		this.availability = availability;
		this.fundingRoutes = fundingRoutes;
		this.feedback = feedback;
		this.sharingChanges = sharingChanges;
		this.invitations = invitations;
		this.myRecord = myRecord;
		this.carePlans = carePlans;
		this.signatures = signatures;
		this.choices = choices;
	}

	@GetMapping("/sign-in")
	String signIn(Model model) {
		model.addAttribute("starting", availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC);
		return "door/sign-in";
	}

	@GetMapping("/start")
	String start() {
		return "door/start";
	}

	@PostMapping("/start")
	String redeem(@RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String username,
			@RequestParam(required = false) @Nullable String password,
			@RequestParam(required = false) @Nullable String confirm, HttpServletRequest request, Model model) {
		try {
			invitations.redeem(code, username, password, confirm, request.getRemoteAddr());
			return "redirect:/me/sign-in?started";
		}
		catch (DoorRule ex) {
			model.addAttribute("errorField", ex.field());
			model.addAttribute("errorKey", ex.messageKey());
			model.addAttribute("username", username);
			return "door/start";
		}
	}

	@GetMapping
	String home(@AuthenticationPrincipal @Nullable PersonSignedIn me, Model model) {
		Actor actor = actor(me);
		java.util.List<ActingForView> people = myRecord.people(actor);
		model.addAttribute("people", people);
		// "You said, we did" where the people who gave feedback look first.
		model.addAttribute("weDid",
				people.stream()
					.flatMap(p -> feedback.feedback(actor, p.person()).stream().filter(f -> f.weDid() != null))
					.toList());
		return "door/home";
	}

	@GetMapping("/people/{personId}")
	String plan(@AuthenticationPrincipal @Nullable PersonSignedIn me, @PathVariable PersonId personId, Model model) {
		Actor actor = actor(me);
		ActingForView person = myRecord.open(actor, personId);
		model.addAttribute("person", person);
		model.addAttribute("self", person.kind() == ActingKind.SELF);
		model.addAttribute("plan",
				carePlans.plan(actor, personId).isPresent() ? carePlans.personsCopy(actor, personId).plan() : null);
		// Who pays for each need, as far as the reader may see the money (the route is
		// decided in SQL under finances: a carer not shown finances sees none).
		model.addAttribute("whoPays",
				fundingRoutes.forPerson(actor, personId).stream().filter(n -> n.route() != null).toList());
		return "door/plan";
	}

	@PostMapping("/people/{personId}/objectives/{objectiveId}")
	String view(@AuthenticationPrincipal @Nullable PersonSignedIn me, @PathVariable PersonId personId,
			@PathVariable UUID objectiveId, @RequestParam(required = false) PersonsView.@Nullable View view,
			@RequestParam(required = false) @Nullable String words, Model model) {
		try {
			signatures.recordOwnView(actor(me), personId, objectiveId, view, words);
		}
		catch (care.seamless.careplan.CarePlanRule ex) {
			model.addAttribute("viewError", objectiveId);
			return plan(me, personId, model);
		}
		return "redirect:/me/people/" + personId + "?saved#objective-" + objectiveId;
	}

	@GetMapping("/people/{personId}/looked")
	String looked(@AuthenticationPrincipal @Nullable PersonSignedIn me, @PathVariable PersonId personId, Model model) {
		Actor actor = actor(me);
		model.addAttribute("person", myRecord.open(actor, personId));
		model.addAttribute("looks", myRecord.whoLooked(actor, personId));
		return "door/looked";
	}

	@PostMapping("/people/{personId}/looked/{seq}")
	String ask(@AuthenticationPrincipal @Nullable PersonSignedIn me, @PathVariable PersonId personId,
			@PathVariable long seq, @RequestParam(required = false) @Nullable String words, Model model) {
		try {
			myRecord.askAbout(actor(me), personId, seq, words);
		}
		catch (DoorRule ex) {
			model.addAttribute("askError", seq);
			model.addAttribute("errorKey", ex.messageKey());
			return looked(me, personId, model);
		}
		return "redirect:/me/people/" + personId + "/looked?asked";
	}

	@GetMapping("/people/{personId}/sharing")
	String sharing(@AuthenticationPrincipal @Nullable PersonSignedIn me, @PathVariable PersonId personId, Model model) {
		Actor actor = actor(me);
		ActingForView person = myRecord.open(actor, personId);
		model.addAttribute("person", person);
		model.addAttribute("choices",
				choices.choices(actor, personId).stream().filter(c -> c.inForce(java.time.LocalDate.now())).toList());
		model.addAttribute("organisations", carePlans.partnerOptions(personId));
		model.addAttribute("kinds", ChoiceKind.values());
		model.addAttribute("categories",
				java.util.Arrays.stream(DataCategory.values()).filter(c -> c != DataCategory.THIRD_PARTY).toList());
		model.addAttribute("carers", person.kind() == ActingKind.SELF ? myRecord.carers(actor, personId) : List.of());
		model.addAttribute("carerCategories",
				java.util.Arrays.stream(DataCategory.values())
					.filter(c -> c != DataCategory.THIRD_PARTY && c != DataCategory.GENERAL)
					.toList());
		return "door/sharing";
	}

	/**
	 * The person chooses what a carer sees. Every value is read as text: a tampered
	 * category, carer or version is a message on the page, and nothing changes.
	 */
	@PostMapping("/people/{personId}/carers/{carer}")
	String shareWithCarer(@AuthenticationPrincipal @Nullable PersonSignedIn me, @PathVariable PersonId personId,
			@PathVariable String carer, @RequestParam(required = false) @Nullable String version,
			@RequestParam(name = "category", required = false) @Nullable List<String> categories, Model model) {
		Actor actor = actor(me);
		java.util.Set<DataCategory> chosen = java.util.EnumSet.noneOf(DataCategory.class);
		UUID carerId;
		long expected;
		try {
			carerId = UUID.fromString(carer);
			expected = Long.parseLong(version == null ? "" : version);
			for (String category : categories == null ? List.<String>of() : categories) {
				DataCategory value = DataCategory.valueOf(category);
				if (value == DataCategory.THIRD_PARTY) {
					throw new IllegalArgumentException("never shared");
				}
				chosen.add(value);
			}
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("carerError", "door.carers.unreadable");
			return sharing(me, personId, model);
		}
		try {
			myRecord.shareWithCarer(actor, personId, carerId, expected, chosen);
		}
		catch (DoorRule ex) {
			model.addAttribute("carerError", ex.messageKey());
			return sharing(me, personId, model);
		}
		return "redirect:/me/people/" + personId + "/sharing?carerSaved#carers";
	}

	@PostMapping("/people/{personId}/sharing")
	String choose(@AuthenticationPrincipal @Nullable PersonSignedIn me, @PathVariable PersonId personId,
			@RequestParam(required = false) @Nullable ChoiceKind kind,
			@RequestParam(required = false) @Nullable OrganisationId organisation,
			@RequestParam(required = false) @Nullable DataCategory category, Model model) {
		try {
			sharingChanges.choose(actor(me), personId, kind, organisation, category);
		}
		catch (ConsentRule ex) {
			model.addAttribute("choiceError", ex.getMessage());
			return sharing(me, personId, model);
		}
		return "redirect:/me/people/" + personId + "/sharing?saved";
	}

	@PostMapping("/people/{personId}/sharing/{choiceId}/withdraw")
	String withdraw(@AuthenticationPrincipal @Nullable PersonSignedIn me, @PathVariable PersonId personId,
			@PathVariable UUID choiceId, @RequestParam long version) {
		sharingChanges.withdraw(actor(me), personId, choiceId, version);
		return "redirect:/me/people/" + personId + "/sharing?saved";
	}

	static Actor actor(@Nullable PersonSignedIn me) {
		if (me == null) {
			throw new AccessDeniedException("Sign in on the person's door first");
		}
		return me.actor();
	}

}
