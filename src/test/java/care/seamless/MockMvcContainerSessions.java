package care.seamless;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Profile;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * In MockMvc only, sessions stay the request's own {@code MockHttpSession}, as MockMvc
 * tests hand one from request to request with {@code .session(...)}; the session table
 * (ADR 47) is skipped by marking Spring Session's filter as already run. Everything over
 * real HTTP (browser tests, {@code TwoNodeTests}, the session-expiry checks sent with a
 * cookie) still goes through the session table.
 */
@Component
@Profile("test")
class MockMvcContainerSessions implements MockMvcBuilderCustomizer {

	@Override
	public void customize(org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder<?> builder) {
		builder
			.defaultRequest(get("/").requestAttr(SessionRepositoryFilter.class.getName() + ".FILTERED", Boolean.TRUE))
			.alwaysDo((result) -> everyAttributeCanBeStored(result.getRequest().getSession(false)));
	}

	// Skipping the session table must not hide what it would refuse: a flash attribute or
	// anything else kept in the session that cannot be serialised is a 500 over real
	// HTTP.
	private static void everyAttributeCanBeStored(jakarta.servlet.http.@Nullable HttpSession session) {
		if (session == null) {
			return;
		}
		for (String name : java.util.Collections.list(session.getAttributeNames())) {
			try (var out = new java.io.ObjectOutputStream(java.io.OutputStream.nullOutputStream())) {
				out.writeObject(session.getAttribute(name));
			}
			catch (java.io.IOException ex) {
				throw new AssertionError(
						"The session attribute " + name + " could not be kept in the session table (ADR 47): " + ex,
						ex);
			}
		}
	}

}
