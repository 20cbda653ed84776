package care.seamless.fhir;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class FhirServerConfiguration {

	@Bean
	FhirContext fhirContext() {
		FhirContext context = FhirContext.forR4Cached();
		// Nothing here puts an id-less resource in a reference for the encoder to
		// contain, so the encoder need not walk every resource looking for one (HAPI's
		// own switch for this cost; docs/benchmarks.md, "Session 14, fhirpath").
		// Resources in .contained are still written.
		context.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
		return context;
	}

	@Bean
	ServletRegistrationBean<FhirServlet> fhirServlet(FhirContext context, List<IResourceProvider> providers,
			FhirErrors errors, PersonSideScope personSide, SearchParameterCheck check, BundleImportProvider bundles,
			BulkExportProvider exports) {
		ServletRegistrationBean<FhirServlet> registration = new ServletRegistrationBean<>(
				new FhirServlet(context, providers, List.of(bundles, exports), List.of(errors, personSide, check)),
				"/fhir/*");
		registration.setName("fhir");
		// Initialised by the first /fhir request, not at start-up: HAPI's scan of the
		// providers is the costliest step of starting (ADR 57), and most nodes serve
		// pages long before any FHIR client calls.
		registration.setLoadOnStartup(-1);
		return registration;
	}

}
