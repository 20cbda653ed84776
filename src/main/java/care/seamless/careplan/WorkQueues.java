package care.seamless.careplan;

import java.util.List;

/**
 * What needs doing: the organisation's overdue and offered-in actions, and the actions
 * escalated to the teams the viewer manages, each only where the viewer may see the
 * action. {@code withheld} names, once per reason and organisation, what the queues leave
 * out (never how many), so nothing overdue goes unnoticed.
 */
public record WorkQueues(List<QueueItem> overdue, List<QueueItem> offeredIn, List<QueueItem> escalated,
		List<WithheldPart> withheld) {
}
