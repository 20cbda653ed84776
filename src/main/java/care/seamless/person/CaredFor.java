package care.seamless.person;

import care.seamless.shared.PersonId;

/**
 * One end of a caring relationship between two records: the person, by record, and their
 * name as the other record knows it. Knowing the name opens nothing: each record is
 * decided on its own.
 */
public record CaredFor(PersonId person, String name) {
}
