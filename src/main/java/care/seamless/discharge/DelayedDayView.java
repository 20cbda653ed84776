package care.seamless.discharge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A delayed day with every attribution step, oldest first: the proposal, then the other
 * partner's agreement or dispute. A dispute keeps both views side by side.
 */
public record DelayedDayView(UUID id, UUID admissionId, LocalDate day, DelayReason reason, long version,
		List<Step> steps) {

	public enum Status {

		PROPOSED, AGREED, DISPUTED

	}

	/** One partner's view of whose delay it is. */
	public record Step(UUID id, String step, Side side, Attribution attribution, @Nullable String note, String by,
			String organisation, Instant at) {
	}

	public Step proposal() {
		return steps.get(0);
	}

	/** The other partner's answer, if any: the latest agreement or dispute. */
	public @Nullable Step answer() {
		return steps.size() < 2 ? null : steps.get(steps.size() - 1);
	}

	public Status status() {
		Step answer = answer();
		if (answer == null) {
			return Status.PROPOSED;
		}
		return answer.step().equals("AGREED") ? Status.AGREED : Status.DISPUTED;
	}

	/** The view of one side: its latest step, if it has taken one. */
	public @Nullable Attribution viewOf(Side side) {
		Attribution view = null;
		for (Step step : steps) {
			if (step.side() == side) {
				view = step.attribution();
			}
		}
		return view;
	}

}
