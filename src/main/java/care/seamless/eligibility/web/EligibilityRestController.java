package care.seamless.eligibility.web;

import care.seamless.eligibility.Eligibility;
import care.seamless.eligibility.EligibilityOverview;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Eligibility", description = "Care Act 2014 eligibility determinations, read through the access policy")
class EligibilityRestController {

	private final Eligibility eligibility;

	EligibilityRestController(Eligibility eligibility) {
		this.eligibility = eligibility;
	}

	@GetMapping("/api/v1/people/{personId}/eligibility")
	@Operation(summary = "The person's current adult and carer determinations and their whole history",
			description = "Each determination carries its facts, the decision and, in 'explanation', every condition met or not with the reason. Determinations the caller may not see are named in 'withheld' (reason and organisation), never counted.")
	EligibilityOverview overview(Actor actor, @PathVariable PersonId personId) {
		return eligibility.overview(actor, personId);
	}

}
