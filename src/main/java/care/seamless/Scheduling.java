package care.seamless;

import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.config.TaskManagementConfigUtils;

/**
 * The server's scheduled jobs (audit chaining, outboxes, clocks, escalations). A command
 * such as {@code generate} switches them off: on a population of a million people the
 * referral clock's run outlived the command, which then closed the database under it and
 * logged the failure.
 */
@Configuration(proxyBeanMethods = false)
class Scheduling {

	static final String ENABLED = "seamless.scheduling.enabled";

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
	static class On {

	}

	/**
	 * Not switching scheduling on here was not enough: a library may switch it on itself
	 * (Spring Modulith's moments did, ADR 109), and then every {@code @Scheduled} method
	 * ran in the commands again. So the switch removes the processor that finds those
	 * methods, whoever registered it.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = ENABLED, havingValue = "false")
	static class Off {

		@Bean
		static BeanDefinitionRegistryPostProcessor noScheduledMethods() {
			return registry -> {
				if (registry
					.containsBeanDefinition(TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME)) {
					registry.removeBeanDefinition(TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME);
				}
			};
		}

	}

}
