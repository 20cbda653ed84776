package care.seamless.training;

import java.time.LocalDate;
import java.util.UUID;

/** A course and how many months a completion of it stays current. */
public record Course(UUID id, Topic topic, String name, int validityMonths, long version) {

	/**
	 * The first day a completion on {@code heldOn} no longer counts: current on every day
	 * before it.
	 */
	public LocalDate expiryOf(LocalDate heldOn) {
		return heldOn.plusMonths(validityMonths);
	}

}
