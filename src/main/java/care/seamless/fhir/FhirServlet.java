package care.seamless.fhir;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The FHIR endpoint. JSON unless the client asks for XML; no paging provider, because
 * every search pages itself with {@code _offset} links that stay valid (each page is the
 * same query again, never a cached result set that could expire or outlive a change of
 * consent).
 */
class FhirServlet extends RestfulServer {

	private static final long serialVersionUID = 1L;

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	FhirServlet(FhirContext context, List<IResourceProvider> providers, List<Object> systemProviders,
			List<Object> interceptors) {
		super(context);
		setResourceProviders(List.copyOf(providers));
		setPlainProviders(List.copyOf(systemProviders));
		setDefaultResponseEncoding(EncodingEnum.JSON);
		setDefaultPrettyPrint(false);
		interceptors.forEach(this::registerInterceptor);
	}

	/**
	 * Every answer sent whole rather than flushed value by value ({@link WholeResponse}).
	 */
	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		super.service(request, new WholeResponse(response));
	}

	/**
	 * The {@code X-Request-ID} of a request that brought none: HAPI's own is drawn from a
	 * secure random source, which costs more than the rest of the id's handling for what
	 * HAPI itself documents as an id for troubleshooting only. Same length and letters.
	 */
	@Override
	protected String newRequestId(int length) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		char[] id = new char[length];
		for (int i = 0; i < length; i++) {
			id[i] = ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length()));
		}
		return new String(id);
	}

}
