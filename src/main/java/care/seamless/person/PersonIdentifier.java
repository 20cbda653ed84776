package care.seamless.person;

/** An agency's own identifier for the person, e.g. the council's case number. */
public record PersonIdentifier(String system, String value) {
}
