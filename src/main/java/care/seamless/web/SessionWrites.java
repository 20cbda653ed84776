package care.seamless.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Writes a session's row only when something in it changed, or when its last use is a
 * minute or more old (ADR 52). Spring Session marks a session changed on every request,
 * only because the request moves its last-access time, so every page cost one update and
 * one disk flush of the session table. Attributes are still written as soon as they are
 * set (Spring Session's own {@code ON_SET_ATTRIBUTE}, {@code ON_SAVE}, the defaults), a
 * new session is still inserted, and a changed id or timeout is still written; only the
 * last-access time moves in steps of {@link #LAST_ACCESS_STEP}. So a session idle for its
 * whole timeout still ends, up to one step early: {@link SessionTimeoutAdvice} tells the
 * page a timeout one step shorter so its warning never comes too late.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SessionWrites {

	static final Duration LAST_ACCESS_STEP = Duration.ofMinutes(1);

	// Static: a post-processor is made before every other bean.
	@Bean
	static BeanPostProcessor lastAccessWrittenInSteps() {
		return new BeanPostProcessor() {
			@Override
			@SuppressWarnings("unchecked")
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcIndexedSessionRepository sessions) {
					return new InSteps((FindByIndexNameSessionRepository<Session>) (Object) sessions);
				}
				return bean;
			}
		};
	}

	/** The JDBC repository, with each session it hands out wrapped in {@link Stepped}. */
	static final class InSteps implements FindByIndexNameSessionRepository<Stepped> {

		private final FindByIndexNameSessionRepository<Session> sessions;

		InSteps(FindByIndexNameSessionRepository<Session> sessions) {
			this.sessions = sessions;
		}

		@Override
		public Stepped createSession() {
			return new Stepped(sessions.createSession());
		}

		@Override
		public void save(Stepped session) {
			sessions.save(session.session);
		}

		@Override
		public @Nullable Stepped findById(String id) {
			Session found = sessions.findById(id);
			return found == null ? null : new Stepped(found);
		}

		@Override
		public void deleteById(String id) {
			sessions.deleteById(id);
		}

		@Override
		public Map<String, Stepped> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			Map<String, Stepped> found = new LinkedHashMap<>();
			sessions.findByIndexNameAndIndexValue(indexName, indexValue)
				.forEach((id, session) -> found.put(id, new Stepped(session)));
			return found;
		}

	}

	/** A session whose last-access time moves only in steps. */
	static final class Stepped implements Session {

		private final Session session;

		Stepped(Session session) {
			this.session = session;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			// Setting it, even to the same value, marks the whole row changed.
			if (!lastAccessedTime.isBefore(session.getLastAccessedTime().plus(LAST_ACCESS_STEP))) {
				session.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return session.getId();
		}

		@Override
		public String changeSessionId() {
			return session.changeSessionId();
		}

		@Override
		public <T> @Nullable T getAttribute(String attributeName) {
			return session.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return session.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			session.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			session.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return session.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return session.isExpired();
		}

	}

}
