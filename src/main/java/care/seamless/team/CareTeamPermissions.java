package care.seamless.team;

import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;

/**
 * Who may look at and change a person's care team. Being in a care team opens the
 * person's record, so the access module decides (ADR 16): this module calls the one
 * implementation without depending on that module, as with
 * {@link MembershipStartingCheck}. A refusal is audited and thrown by the implementation
 * as the access module's one refusal type.
 */
public interface CareTeamPermissions {

	/** Why the actor may make the change, for its audit entry; throws when refused. */
	String requirePermission(Actor actor, CareTeamChange change);

	/**
	 * Whether the actor is someone who may make the change (the lead, a manager, the
	 * member themselves...), decided without an audit entry so the care team's page
	 * offers only the changes its reader may make. Whether the change may let its subject
	 * in (the person's objections, the sharing agreements) depends on whom it names, and
	 * is decided when it is made.
	 */
	boolean mayChange(Actor actor, CareTeamChange change);

	/** Refuses (audited) when the actor may not open the person's record. */
	void requireRead(Actor actor, PersonId person, String action);

}
