package care.seamless.funding.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.funding.AssessmentView;
import care.seamless.funding.ChcOutcome;
import care.seamless.funding.ChcScreeningView;
import care.seamless.funding.FinancialAssessments;
import care.seamless.funding.FundingRouteKind;
import care.seamless.funding.FundingRoutes;
import care.seamless.funding.FundingRule;
import care.seamless.funding.NeedFunding;
import care.seamless.funding.NewAssessment;
import care.seamless.funding.NewRoute;
import care.seamless.shared.Actor;
import care.seamless.shared.ErrorCode;
import care.seamless.shared.PersonId;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Funding",
		description = "Who pays for each need of the plan and why, CHC checklist decisions, disagreements between partners, and financial assessments with their working")
class FundingRestController {

	private final FundingRoutes routes;

	private final FinancialAssessments assessments;

	FundingRestController(FundingRoutes routes, FinancialAssessments assessments) {
		this.routes = routes;
		this.assessments = assessments;
	}

	/** Everything about a person's funding the caller may see. */
	record Funding(List<NeedFunding> needs, List<ChcScreeningView> chcScreenings, List<AssessmentView> assessments) {
	}

	record Created(UUID id) {
	}

	record DisagreementRequest(long version, @Nullable FundingRouteKind proposedKind, @Nullable String reason) {
	}

	record ResolutionRequest(long version, @Nullable String resolution) {
	}

	record ChcRequest(@Nullable LocalDate screenedOn, @Nullable ChcOutcome outcome, @Nullable String note) {
	}

	@GetMapping("/people/{id}/funding")
	@Operation(summary = "The person's needs with who pays for each, CHC checklist decisions and financial assessments",
			description = "Only what the access policy lets the caller see: financial assessments are FINANCES information.")
	Funding funding(Actor actor, @PathVariable PersonId id) {
		return new Funding(routes.forPerson(actor, id), routes.chcScreenings(actor, id),
				assessments.history(actor, id));
	}

	@PostMapping("/people/{id}/funding/routes")
	@Operation(summary = "Record who pays for one need of the plan, and why",
			description = "400 naming every field at fault (need not in the plan, intermediate care beyond its free weeks, aids over the limit, joint shares not summing to 100, negative amounts or more than 2 decimals). 409 when the need's current route changed since 'replacesVersion' was read.")
	ResponseEntity<Created> route(Actor actor, @PathVariable PersonId id, @RequestBody NewRoute route) {
		UUID created = routes.record(actor, id, route);
		return ResponseEntity.created(URI.create("/api/v1/people/" + id.id() + "/funding")).body(new Created(created));
	}

	@PostMapping("/funding/routes/{routeId}/disagreements")
	@Operation(summary = "Disagree with a route: kept beside it, never changing it, and told to the team managers",
			description = "409 when the route changed since 'version' was read.")
	ResponseEntity<Created> disagree(Actor actor, @PathVariable UUID routeId, @RequestBody DisagreementRequest body) {
		UUID created = routes.disagree(actor, routeId, body.version(), body.proposedKind(), body.reason());
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(created));
	}

	@PostMapping("/funding/disagreements/{disagreementId}/resolve")
	@Operation(summary = "Record how a disagreement was settled", description = "409 on a stale version.")
	ResponseEntity<Void> resolve(Actor actor, @PathVariable UUID disagreementId, @RequestBody ResolutionRequest body) {
		routes.resolve(actor, disagreementId, body.version(), body.resolution());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/people/{id}/funding/chc-screenings")
	@Operation(summary = "Record an NHS Continuing Healthcare checklist decision")
	ResponseEntity<Created> chc(Actor actor, @PathVariable PersonId id, @RequestBody ChcRequest body) {
		UUID created = routes.recordChcScreening(actor, id, body.screenedOn(), body.outcome(), body.note());
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(created));
	}

	@PostMapping("/people/{id}/funding/assessments")
	@Operation(summary = "Do a financial assessment (full, light-touch, or declined) and keep it with its working",
			description = "400 naming every field at fault (a rate year that does not exist, a date outside it, negative amounts, more than 2 decimals). 409 when the current assessment changed since 'replacesVersion' was read.")
	ResponseEntity<Created> assess(Actor actor, @PathVariable PersonId id, @RequestBody NewAssessment body) {
		UUID created = assessments.assess(actor, id, body);
		return ResponseEntity.created(URI.create("/api/v1/funding/assessments/" + created)).body(new Created(created));
	}

	@GetMapping("/funding/assessments/{assessmentId}")
	@Operation(summary = "One financial assessment with every line of its working")
	AssessmentView assessment(Actor actor, @PathVariable UUID assessmentId) {
		return assessments.assessment(actor, assessmentId);
	}

	@ExceptionHandler(FundingRule.class)
	ProblemDetail refused(FundingRule ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setType(URI.create("urn:seamless:problem:" + ErrorCode.VALIDATION_FAILED.slug()));
		problem.setProperty("code", ErrorCode.VALIDATION_FAILED.name());
		problem.setProperty("errors",
				ex.violations().stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList());
		return problem;
	}

}
