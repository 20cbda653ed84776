package care.seamless.training;

import java.time.LocalDate;

import care.seamless.shared.PractitionerId;

/**
 * A member of staff whose latest completion of a topic expires soon or has expired, for
 * the worklist of that person and their team managers.
 */
public record TrainingDue(PractitionerId practitionerId, String name, Topic topic, String courseName,
		LocalDate expiresOn) {
}
