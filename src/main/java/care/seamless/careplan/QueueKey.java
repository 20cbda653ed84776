package care.seamless.careplan;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A place in a work queue's order, due date then id: a page holds the actions whose
 * {@code (due_on, id)} comes after it. Ids compare as PostgreSQL compares uuids, which is
 * the order of their lower-case text.
 */
public record QueueKey(LocalDate dueOn, UUID id) {

	// PostgreSQL's dates stop long before LocalDate.MAX; no action is due this late.
	private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

	private static final UUID LOWEST = new UUID(0, 0);

	private static final UUID HIGHEST = new UUID(-1, -1);

	/** Before every action. */
	public static final QueueKey START = new QueueKey(LocalDate.of(1, 1, 1), LOWEST);

	/** After every action. */
	public static final QueueKey END = new QueueKey(LAST_DAY, HIGHEST);

	/** After every action due on {@code day} or earlier. */
	public static QueueKey endOf(LocalDate day) {
		return day.isBefore(LAST_DAY) ? new QueueKey(day, HIGHEST) : END;
	}

	/** Before every action due on {@code day} or later. */
	public static QueueKey startOf(LocalDate day) {
		return endOf(day.minusDays(1));
	}

	/** Whether this key comes after {@code other} in the queue's order. */
	public boolean isAfter(QueueKey other) {
		int byDay = dueOn.compareTo(other.dueOn);
		return byDay != 0 ? byDay > 0 : id.toString().compareTo(other.id.toString()) > 0;
	}

}
