package care.seamless.careplan.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.careplan.ActionQueues;
import care.seamless.careplan.CarePlanRule;
import care.seamless.careplan.CarePlanView;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.NewAction;
import care.seamless.careplan.NewObjective;
import care.seamless.careplan.PlanActions;
import care.seamless.careplan.WorkQueues;
import care.seamless.shared.Actor;
import care.seamless.shared.ErrorCode;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

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
@Tag(name = "Care plans", description = "The person's care and support plan, shared by every partner")
class CarePlanRestController {

	private final CarePlans carePlans;

	private final PlanActions actions;

	private final ActionQueues queues;

	CarePlanRestController(CarePlans carePlans, PlanActions actions, ActionQueues queues) {
		this.carePlans = carePlans;
		this.actions = actions;
		this.queues = queues;
	}

	@GetMapping("/people/{id}/care-plan")
	@Operation(summary = "The person's plan as the caller may see it",
			description = "Objectives, actions, risks and options the access policy withholds are left out and named in 'withheld' (reason and organisation). 404 when the person has no plan; 403 without a relationship.")
	CarePlanView plan(Actor actor, @PathVariable PersonId id) {
		return carePlans.plan(actor, id).orElseThrow(() -> new NotFoundException("CarePlan", id));
	}

	@PostMapping("/people/{id}/care-plan/objectives")
	@Operation(summary = "Add an objective",
			description = "Needs a target, a measure, a target date, at least one need code from the common language and partners with someone in the care team; otherwise 400 naming the field.")
	ResponseEntity<Map<String, UUID>> addObjective(Actor actor, @PathVariable PersonId id,
			@RequestBody NewObjective objective) {
		UUID objectiveId = carePlans.addObjective(actor, id, objective);
		return ResponseEntity.created(URI.create("/api/v1/people/" + id + "/care-plan"))
			.body(Map.of("id", objectiveId));
	}

	@PostMapping("/people/{id}/care-plan/actions")
	@Operation(summary = "Add an action or service",
			description = "Refused with 400 without an owner, or with an owner outside the person's care team.")
	ResponseEntity<Map<String, UUID>> addAction(Actor actor, @PathVariable PersonId id, @RequestBody NewAction action) {
		UUID actionId = actions.add(actor, id, action);
		return ResponseEntity.created(URI.create("/api/v1/people/" + id + "/care-plan")).body(Map.of("id", actionId));
	}

	@GetMapping("/care-plans/queue")
	@Operation(
			summary = "Actions offered to the caller's organisation, its overdue actions, and escalations to teams the caller manages")
	WorkQueues queue(Actor actor) {
		return queues.queues(actor);
	}

	@ExceptionHandler(CarePlanRule.class)
	ProblemDetail rule(CarePlanRule ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setType(URI.create("urn:seamless:problem:" + ErrorCode.VALIDATION_FAILED.slug()));
		problem.setProperty("code", ErrorCode.VALIDATION_FAILED.name());
		problem.setProperty("errors",
				ex.violations()
					.stream()
					.map((violation) -> Map.of("field", violation.field(), "message", violation.message()))
					.toList());
		return problem;
	}

}
