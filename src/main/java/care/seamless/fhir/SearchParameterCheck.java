package care.seamless.fhir;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;

import org.springframework.stereotype.Component;

/**
 * Checks a search's parameters before HAPI binds them, so a bad value is refused with our
 * own stable code and the parameter's name, instead of HAPI's message without one.
 */
@Component
class SearchParameterCheck {

	private final Map<String, SearchableProvider> providers;

	SearchParameterCheck(List<SearchableProvider> providers) {
		this.providers = providers.stream().collect(Collectors.toMap(p -> p.getResourceType().getSimpleName(), p -> p));
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public boolean check(RequestDetails request) {
		if (request.getRestOperationType() == RestOperationTypeEnum.SEARCH_TYPE) {
			SearchableProvider provider = providers.get(request.getResourceName());
			if (provider != null) {
				try {
					SearchParameters parameters = SearchParameters.check(request.getParameters(),
							provider.searchParameters());
					provider.dateParameters().forEach(parameters::dates);
					parameters.includes(provider.includes());
					parameters.count();
					parameters.offset();
				}
				catch (FhirFailure failure) {
					// Thrown as HAPI's own answer: HAPI logs any other exception from an
					// interceptor as a server error, and bad input is not one.
					throw FhirErrors.fromInterceptor(failure);
				}
			}
		}
		return true;
	}

}
