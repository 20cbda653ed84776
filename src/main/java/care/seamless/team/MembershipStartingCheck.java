package care.seamless.team;

import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;

/**
 * The permission rule for adding someone to a person's care team. Joining a care team
 * gives access to the person's record, so the access module decides who may do it; the
 * team module calls the one implementation before adding anyone, without depending on
 * that module (ADR 16, as {@link MembershipEndingCheck} does for leaving, ADR 13).
 */
public interface MembershipStartingCheck {

	/**
	 * Returns why the actor may add {@code practitioner} to the person's care team, for
	 * the audit entry of the addition. A refusal is audited and thrown by the
	 * implementation as the access module's one refusal type, so a caller's transaction
	 * keeps its audit entry (ADR 16).
	 */
	String requirePermission(Actor actor, PersonId person, PractitionerId practitioner, boolean lead);

	/**
	 * Set-up only: as {@link #requirePermission} for an administrator loading data, but
	 * without the sharing-agreement check (objections still hold).
	 */
	String requireSetUpPermission(Actor actor, PersonId person, PractitionerId practitioner, boolean lead);

}
