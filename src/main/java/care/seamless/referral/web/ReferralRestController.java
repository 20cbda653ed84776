package care.seamless.referral.web;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.seamless.referral.DeclineReason;
import care.seamless.referral.NewReferral;
import care.seamless.referral.ReferralId;
import care.seamless.referral.SentItem;
import care.seamless.referral.ReferralRefused;
import care.seamless.referral.ReferralStatus;
import care.seamless.referral.ReferralSummary;
import care.seamless.referral.ReferralView;
import care.seamless.referral.Referrals;
import care.seamless.referral.SharingBasis;
import care.seamless.referral.StepNotAllowed;
import care.seamless.referral.Urgency;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.ErrorCode;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/referrals")
@Tag(name = "Referrals",
		description = "Referrals between teams: one holder at every moment, response clocks, every step audited")
class ReferralRestController {

	private final Referrals referrals;

	ReferralRestController(Referrals referrals) {
		this.referrals = referrals;
	}

	/** A referral as the API takes it; {@code send} false keeps it as a draft. */
	record ReferralRequest(PersonId person, @Nullable TeamId fromTeam, @Nullable TeamId toTeam,
			@Nullable String reasonCode, @Nullable String reasonText, @Nullable Urgency urgency, boolean personInformed,
			@Nullable String personView, @Nullable SharingBasis basis, @Nullable Set<DataCategory> categories,
			@Nullable Set<SentItem> items, boolean send) {
	}

	/** Any step: the version read, and what the step needs. */
	record StepRequest(long version, @Nullable PractitionerId owner, @Nullable DeclineReason declineReason,
			@Nullable String signposting, @Nullable TeamId toTeam, @Nullable String note, @Nullable String outcome) {
	}

	record Created(UUID id, @Nullable UUID duplicateOf) {
	}

	@PostMapping
	@Operation(summary = "Write a referral, and send it unless 'send' is false",
			description = "400 naming every field at fault: unknown or own team, missing reason (a common-language code and text), urgency, what the person knows, basis, or a category the access policy will not let go to the receiving organisation (no agreement, the person objects, no consent), or an item (assessment section or plan item, by kind and id) the caller cannot see. Only the items named are sent: a category does not send its assessment sections or plan items. 'duplicateOf' names an open referral of the same person to the same team.")
	ResponseEntity<Created> create(Actor actor, @RequestBody ReferralRequest request) {
		Referrals.Referred referred = referrals.refer(actor,
				new NewReferral(request.person(), request.fromTeam(), request.toTeam(), request.reasonCode(),
						request.reasonText(), request.urgency(), request.personInformed(), request.personView(),
						request.basis(), request.categories() == null ? Set.of() : request.categories(),
						request.items() == null ? Set.of() : request.items()),
				request.send());
		return ResponseEntity.created(URI.create("/api/v1/referrals/" + referred.id()))
			.body(new Created(referred.id().id(), referred.duplicateOf().map(ReferralId::id).orElse(null)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One referral, for the sending team, the holding team or the owner",
			description = "State, holder, owner, every step with its time, targets and breaches. 404 for anyone else; 403 when the record is closed to the caller.")
	ReferralView view(Actor actor, @PathVariable UUID id) {
		return referrals.view(actor, new ReferralId(id));
	}

	@GetMapping
	@Operation(
			summary = "Referrals held by the caller's teams (box=incoming, open ones) or sent by them (box=outgoing)")
	List<ReferralSummary> list(Actor actor, @RequestParam(defaultValue = "incoming") String box) {
		return "outgoing".equals(box) ? referrals.outgoing(actor, EnumSet.allOf(ReferralStatus.class))
				: referrals.incoming(actor, Referrals.open());
	}

	@PostMapping("/{id}/send")
	@Operation(summary = "Send a draft", description = "409 when the referral is not a draft or the version is stale.")
	ResponseEntity<Void> send(Actor actor, @PathVariable UUID id, @RequestBody StepRequest step) {
		referrals.send(actor, new ReferralId(id), step.version());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/{step:acknowledge|accept|decline|redirect|withdraw|complete}")
	@Operation(
			summary = "Take a step: acknowledge, accept (owner), decline (declineReason, signposting), redirect (toTeam, note), withdraw (note), complete (outcome)",
			description = "409 when the state does not allow the step or the version is stale (someone else acted first); 400 naming a missing field.")
	ResponseEntity<Void> step(Actor actor, @PathVariable UUID id, @PathVariable String step,
			@RequestBody StepRequest body) {
		ReferralId referral = new ReferralId(id);
		switch (step) {
			case "acknowledge" -> referrals.acknowledge(actor, referral, body.version());
			case "accept" -> referrals.accept(actor, referral, body.version(), body.owner());
			case "decline" ->
				referrals.decline(actor, referral, body.version(), body.declineReason(), body.signposting());
			case "redirect" -> referrals.redirect(actor, referral, body.version(), body.toTeam(), body.note());
			case "withdraw" -> referrals.withdraw(actor, referral, body.version(), body.note());
			default -> referrals.complete(actor, referral, body.version(), body.outcome());
		}
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(ReferralRefused.class)
	ProblemDetail refused(ReferralRefused ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, ex.getMessage());
		problem.setProperty("errors",
				ex.problems().stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
		return problem;
	}

	@ExceptionHandler(StepNotAllowed.class)
	ProblemDetail notAllowed(StepNotAllowed ex) {
		return problem(HttpStatus.CONFLICT, ErrorCode.RULE_VIOLATED, ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, ErrorCode code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:seamless:problem:" + code.slug()));
		problem.setProperty("code", code.name());
		return problem;
	}

}
