package care.seamless.door;

import care.seamless.consent.ActingKind;
import care.seamless.shared.PersonId;

/** Someone the signed-in account acts for (themselves, for a person's own account). */
public record ActingForView(PersonId person, String name, ActingKind kind) {
}
