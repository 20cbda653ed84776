package care.seamless.outcomes.web;

import java.util.UUID;

import care.seamless.outcomes.Outcomes;
import care.seamless.partnership.PartnershipLink;
import care.seamless.shared.Actor;

import org.springframework.stereotype.Component;

/**
 * The partnership page's link to its outcomes and returns, for those who may read them.
 */
@Component
class OutcomesLink implements PartnershipLink {

	@Override
	public String id() {
		return "outcomes-link";
	}

	@Override
	public String messageKey() {
		return "outcomes.link";
	}

	@Override
	public String href(UUID partnershipId) {
		return "/partnerships/" + partnershipId + "/outcomes";
	}

	@Override
	public boolean mayOpen(Actor actor, care.seamless.partnership.Partnership partnership) {
		return Outcomes.mayRead(actor, partnership);
	}

}
