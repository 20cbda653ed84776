package care.seamless.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class UploadLimitConfiguration {

	/**
	 * Spring Security's filter chain is registered at order -100; this must run before
	 * it, because the CSRF filter is what first reads a multipart body. The limit named
	 * to the person is the application's (a document's), not the container's larger one.
	 */
	@Bean
	FilterRegistrationBean<UploadLimitFilter> uploadLimitFilter(
			@Value("${seamless.documents.max-bytes:10485760}") long limitBytes) {
		FilterRegistrationBean<UploadLimitFilter> registration = new FilterRegistrationBean<>(
				new UploadLimitFilter(limitBytes));
		registration.setOrder(-110);
		return registration;
	}

}
