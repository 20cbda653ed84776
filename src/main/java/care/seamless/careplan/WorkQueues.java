package care.seamless.careplan;

import java.util.List;

/**
 * What needs doing: the organisation's overdue and offered-in actions, and the actions
 * escalated to the teams the viewer manages.
 */
public record WorkQueues(List<QueueItem> overdue, List<QueueItem> offeredIn, List<QueueItem> escalated) {
}
