package care.seamless.careplan;

import java.util.UUID;

import care.seamless.shared.PersonId;

/**
 * An action's status changed (for example cancelled, done, or reopened). Published inside
 * the transaction that made the change, so a listener that keeps figures derived from
 * open actions (the personal budget) stays consistent with the plan or fails with it.
 *
 * @param by the username of whoever changed it, for the listener's own history
 */
public record ActionStatusChanged(UUID planId, PersonId personId, UUID actionId, ActionStatus status, String by) {
}
