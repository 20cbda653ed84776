package care.seamless.partnership;

import java.util.UUID;

import care.seamless.shared.Actor;

/**
 * A page that another module keeps about one partnership (its outcomes and returns, for
 * example), which the partnership's page links to. The page offers the link only to those
 * who may open it, so nobody follows a link to a refusal; the module that owns the page
 * keeps the rule.
 */
public interface PartnershipLink {

	/** The link's element id, stable for tests and assistive technology. */
	String id();

	/** The message key of the link's text. */
	String messageKey();

	String href(UUID partnershipId);

	boolean mayOpen(Actor actor, Partnership partnership);

}
