package care.seamless.linkage;

import care.seamless.person.PersonDetails;

/**
 * One person to import, already parsed: from a CSV row today, from a FHIR Patient later.
 *
 * @param line where the person came from in the source (the CSV line, the bundle entry),
 * used to point at problems
 * @param details what will be registered
 */
public record ImportedPerson(int line, PersonDetails details) {

}
