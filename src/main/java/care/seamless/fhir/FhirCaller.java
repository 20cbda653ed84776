package care.seamless.fhir;

import java.util.Optional;

import care.seamless.shared.Actor;

/**
 * Who is calling, as the security layer knows it: implemented by the web shell so this
 * module never sees accounts or tokens. Empty when nobody signed in.
 */
public interface FhirCaller {

	Optional<Actor> current();

}
