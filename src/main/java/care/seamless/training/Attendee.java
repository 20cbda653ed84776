package care.seamless.training;

import java.time.LocalDate;

import care.seamless.shared.PractitionerId;
import org.jspecify.annotations.Nullable;

/**
 * Someone recorded at a session, with the organisation they worked for on the day; a
 * completion has the day it expires.
 */
public record Attendee(PractitionerId practitionerId, String name, String organisationName, boolean completed,
		@Nullable LocalDate expiresOn) {
}
