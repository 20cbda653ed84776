package care.seamless;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodClassKey;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.interceptor.RuleBasedTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.util.StringUtils;

/**
 * The transaction manager of each {@code @Transactional} method worked out once, not on
 * every call (ADR 118). For an attribute without a qualifier, Spring looks for a
 * {@code @Qualifier} on the target class on every call, an annotation scan of a few
 * microseconds, before it falls back to the one transaction manager; a FHIR create makes
 * about seven such calls. Here each method's attribute is given, once, the name of the
 * application's only transaction manager as its qualifier, so every call takes Spring's
 * cached path to the same manager. With more than one manager, a manager set on the
 * interceptor itself, or a qualifier on the class, the attributes are left as they are.
 */
@Configuration(proxyBeanMethods = false)
class TransactionManagerChosenOnce {

	// Once every singleton is made: the interceptor is made while the post-processors
	// are, before one of ours could see it.
	@Bean
	SmartInitializingSingleton qualifiedOncePerMethod(ListableBeanFactory beans) {
		return () -> beans.getBeansOfType(TransactionInterceptor.class, false, false).values().forEach(interceptor -> {
			TransactionAttributeSource source = interceptor.getTransactionAttributeSource();
			if (source != null && !(source instanceof Qualified) && interceptor.getTransactionManager() == null) {
				interceptor.setTransactionAttributeSource(new Qualified(source, beans));
			}
		});
	}

	/**
	 * The interceptor's attributes, each with its manager's qualifier, kept per method.
	 */
	static final class Qualified implements TransactionAttributeSource {

		private final TransactionAttributeSource source;

		private final ListableBeanFactory beans;

		private final ConcurrentMap<MethodClassKey, Optional<TransactionAttribute>> kept = new ConcurrentHashMap<>();

		Qualified(TransactionAttributeSource source, ListableBeanFactory beans) {
			this.source = source;
			this.beans = beans;
		}

		@Override
		public boolean isCandidateClass(Class<?> targetClass) {
			return source.isCandidateClass(targetClass);
		}

		@Override
		public boolean hasTransactionAttribute(Method method, @Nullable Class<?> targetClass) {
			return source.hasTransactionAttribute(method, targetClass);
		}

		@Override
		public @Nullable TransactionAttribute getTransactionAttribute(Method method, @Nullable Class<?> targetClass) {
			if (targetClass == null) {
				return source.getTransactionAttribute(method, null);
			}
			return kept
				.computeIfAbsent(new MethodClassKey(method, targetClass),
						key -> Optional
							.ofNullable(qualified(source.getTransactionAttribute(method, targetClass), targetClass)))
				.orElse(null);
		}

		// What TransactionAspectSupport.determineTransactionManager falls back to when
		// neither the attribute nor the target class names a manager: the only one there
		// is.
		// A class with a @Qualifier is left to Spring, which tries it first on every
		// call.
		private @Nullable TransactionAttribute qualified(@Nullable TransactionAttribute attribute,
				Class<?> targetClass) {
			if (!(attribute instanceof RuleBasedTransactionAttribute rules) || StringUtils.hasText(rules.getQualifier())
					|| StringUtils.hasText(BeanFactoryAnnotationUtils.getQualifierValue(targetClass))) {
				return attribute;
			}
			String[] managers = beans.getBeanNamesForType(TransactionManager.class);
			if (managers.length != 1) {
				return attribute;
			}
			RuleBasedTransactionAttribute copy = new RuleBasedTransactionAttribute(rules);
			copy.setQualifier(managers[0]);
			return copy;
		}

	}

}
