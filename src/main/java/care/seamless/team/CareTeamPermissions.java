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

	/** Refuses (audited) when the actor may not open the person's record. */
	void requireRead(Actor actor, PersonId person, String action);

}
