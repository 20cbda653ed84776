package care.seamless.fhir;

import java.util.List;

import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import org.hl7.fhir.r4.model.Resource;

/**
 * A part of {@code Patient/$everything}: each provider of resources about a person
 * implements it (as a Spring bean), so the operation grows with the providers without
 * knowing them. An implementation returns only what the caller may see, decided in its
 * own SQL by the access rules, and audits each resource it returns.
 */
interface PatientEverything {

	List<Resource> everything(Actor actor, PersonId person);

}
