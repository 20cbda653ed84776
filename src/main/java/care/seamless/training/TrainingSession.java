package care.seamless.training;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One session of a course, with how many attended and from how many organisations (more
 * than one is a joint session).
 */
public record TrainingSession(UUID id, UUID courseId, String courseName, Topic topic, int validityMonths,
		LocalDate heldOn, String place, String trainer, int attendees, int organisations, long version) {

	public boolean joint() {
		return organisations > 1;
	}

}
