package care.seamless.fhir;

import java.util.Set;

import ca.uhn.fhir.rest.server.IResourceProvider;

/**
 * A resource provider with the search parameters it really applies, so any other is
 * refused before the search runs ({@link SearchParameterCheck}).
 */
interface SearchableProvider extends IResourceProvider {

	Set<String> searchParameters();

	/** The parameters among {@link #searchParameters} whose values are dates. */
	default Set<String> dateParameters() {
		return Set.of("_lastUpdated");
	}

	/** The {@code _include} values the search applies; any other is refused. */
	default Set<String> includes() {
		return Set.of();
	}

}
