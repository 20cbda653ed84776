package care.seamless.fhir;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;

/**
 * The FHIR endpoint. JSON unless the client asks for XML; no paging provider, because
 * every search pages itself with {@code _offset} links that stay valid (each page is the
 * same query again, never a cached result set that could expire or outlive a change of
 * consent).
 */
class FhirServlet extends RestfulServer {

	private static final long serialVersionUID = 1L;

	FhirServlet(FhirContext context, List<IResourceProvider> providers, List<Object> systemProviders,
			List<Object> interceptors) {
		super(context);
		setResourceProviders(List.copyOf(providers));
		setPlainProviders(List.copyOf(systemProviders));
		setDefaultResponseEncoding(EncodingEnum.JSON);
		setDefaultPrettyPrint(false);
		interceptors.forEach(this::registerInterceptor);
	}

}
