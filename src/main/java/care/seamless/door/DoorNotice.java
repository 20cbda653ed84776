package care.seamless.door;

import java.util.List;

import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;

/**
 * Something said at the door that practitioners should be told of: {@code kind} names the
 * notice ({@code door.message}, {@code door.sharing_changed}, {@code door.feedback}),
 * {@code link} the staff page that shows it through the access policy. Carries ids only.
 */
public record DoorNotice(PersonId person, List<PractitionerId> tell, String kind, String link) {
}
