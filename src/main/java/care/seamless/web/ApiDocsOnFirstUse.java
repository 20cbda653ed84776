package care.seamless.web;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * springdoc's beans (the OpenAPI document at {@code /v3/api-docs} and the Swagger UI) are
 * made when something first needs them, not on every start (ADR 128). A start made all of
 * them, and loaded some 300 classes of springdoc and swagger-core, for a document that
 * springdoc builds only on its first request anyway. Their request mappings are still
 * registered at start, from the beans' types alone, so the first request to the document
 * or the UI makes the beans and is answered as before; any of them that another bean
 * needs at start (a post-processor, a web configurer) is still made then.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiDocsOnFirstUse {

	static final String SPRINGDOC = "org.springdoc.";

	// Static: a factory post-processor runs before any bean is made.
	@Bean
	static BeanFactoryPostProcessor springdocMadeOnFirstUse() {
		return beanFactory -> {
			for (String name : beanFactory.getBeanDefinitionNames()) {
				BeanDefinition definition = beanFactory.getBeanDefinition(name);
				if (isSpringdoc(beanFactory, definition)) {
					definition.setLazyInit(true);
				}
			}
		};
	}

	/**
	 * Whether the bean is springdoc's: of one of its classes, or made by one of its
	 * configurations.
	 */
	static boolean isSpringdoc(ConfigurableListableBeanFactory beanFactory, BeanDefinition definition) {
		String type = definition.getBeanClassName();
		String factory = definition.getFactoryBeanName();
		if (type == null && factory != null && beanFactory.containsBeanDefinition(factory)) {
			type = beanFactory.getBeanDefinition(factory).getBeanClassName();
		}
		return type != null && type.startsWith(SPRINGDOC);
	}

}
