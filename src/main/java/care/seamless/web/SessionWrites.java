package care.seamless.web;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import care.seamless.team.Directory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.support.lob.DefaultLobHandler;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

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
 * <p>
 * A session is also read from its table once per request, not twice: Spring Session's
 * filter commits the session when a page outgrows the response buffer and again when the
 * request ends, and the second commit looks the session up afresh (spring-session issue
 * 1731), one more statement on every page larger than 8 KB. Within one request the
 * repository hands back the session it already found or saved under that id.
 * <p>
 * That one read runs in no transaction of its own ({@link ReadOutsideTransaction}):
 * Spring Session wraps it in one, a {@code BEGIN} and a {@code COMMIT} round trip around
 * a single {@code select} that sees one snapshot anyway. Its writes keep their
 * transactions.
 * <p>
 * The same statement brings the standing of the account the session is signed in as (ADR
 * 70), joined by the user name Spring Session keeps beside each session, so that
 * {@link AccountStandingFilter} needs no statement of its own. It is read afresh with
 * every request's session and kept only for that request, so a disabled account or an
 * ended epoch is still refused on its very next request.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SessionWrites {

	static final Duration LAST_ACCESS_STEP = Duration.ofMinutes(1);

	/**
	 * Spring Session's own read of a session and its attributes, one row per attribute,
	 * with the standing of the account named by the session's principal on each row.
	 */
	static final String SESSION_WITH_STANDING = """
			select S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL,
				SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES, %s
			from %%TABLE_NAME%% S
			%s
			left join %%TABLE_NAME%%_ATTRIBUTES SA on S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
			where S.SESSION_ID = ?
			""".formatted(Directory.STANDING_COLUMNS_SQL, Directory.standingJoinSql("S.PRINCIPAL_NAME"));

	/**
	 * The standing read with this request's session of that id, if it was read from the
	 * table in this request and an account has the session's user name; otherwise null,
	 * and the caller reads the standing itself.
	 */
	static Directory.@Nullable StandingRead standingReadWith(String sessionId) {
		Map<String, Stepped> read = InSteps.READ.get();
		Stepped session = read == null ? null : read.get(sessionId);
		return session == null ? null : session.standing;
	}

	// Static: a post-processor is made before every other bean.
	@Bean
	static BeanPostProcessor lastAccessWrittenInSteps(ObjectProvider<PlatformTransactionManager> transactionManager) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				// Before its session repository is made, which takes these operations.
				if (bean instanceof JdbcHttpSessionConfiguration configuration) {
					configuration.setTransactionOperations(new ReadOutsideTransaction(transactionManager));
				}
				// Before it prepares its queries.
				if (bean instanceof JdbcIndexedSessionRepository sessions) {
					sessions.setGetSessionQuery(SESSION_WITH_STANDING);
					sessions.setLobHandler(new StandingAlongside());
					sessions.setConversionService(
							new SessionAttributeBytes(SessionWrites.class.getClassLoader()).conversionService());
				}
				return bean;
			}

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

	/**
	 * Opens the request's memory of sessions read before Spring Session's filter runs,
	 * and empties it when the request ends, so that nothing is remembered across
	 * requests.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> sessionsReadOncePerRequest() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						InSteps.READ.set(new HashMap<>());
						try {
							chain.doFilter(request, response);
						}
						finally {
							InSteps.READ.remove();
						}
					}
				});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * The JDBC repository, with each session it hands out wrapped in {@link Stepped}, and
	 * each read at most once per request.
	 */
	static final class InSteps implements FindByIndexNameSessionRepository<Stepped> {

		/** The sessions this request found or saved, by id; none outside a request. */
		static final ThreadLocal<@Nullable Map<String, Stepped>> READ = new ThreadLocal<>();

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
			Map<String, Stepped> read = READ.get();
			if (read != null) {
				// A changed id is saved under the new one: the old id finds nothing.
				read.values().removeIf(kept -> kept == session);
				read.put(session.getId(), session);
			}
		}

		@Override
		public @Nullable Stepped findById(String id) {
			Map<String, Stepped> read = READ.get();
			Stepped kept = read == null ? null : read.get(id);
			if (kept != null && kept.getId().equals(id) && !kept.isExpired()) {
				return kept;
			}
			Session found;
			StandingAlongside.Capture capture = new StandingAlongside.Capture();
			ReadOutsideTransaction.NEXT.set(Boolean.TRUE);
			StandingAlongside.CAPTURE.set(capture);
			try {
				found = sessions.findById(id);
			}
			finally {
				ReadOutsideTransaction.NEXT.remove();
				StandingAlongside.CAPTURE.remove();
			}
			if (found == null) {
				return null;
			}
			Stepped stepped = new Stepped(found);
			stepped.standing = capture.read;
			if (read != null) {
				read.put(id, stepped);
			}
			return stepped;
		}

		@Override
		public void deleteById(String id) {
			sessions.deleteById(id);
			Map<String, Stepped> read = READ.get();
			if (read != null) {
				read.remove(id);
			}
		}

		@Override
		public Map<String, Stepped> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			Map<String, Stepped> found = new LinkedHashMap<>();
			sessions.findByIndexNameAndIndexValue(indexName, indexValue)
				.forEach((id, session) -> found.put(id, new Stepped(session)));
			return found;
		}

	}

	/**
	 * Spring Session's transactions as it makes them (each a new one), except the one
	 * call that {@link InSteps#findById} marks: the read of a session and its attributes,
	 * a single statement, runs without a transaction. Marked for one call only, so an
	 * expired session found by that read is still deleted in a transaction.
	 */
	static final class ReadOutsideTransaction implements TransactionOperations {

		static final ThreadLocal<@Nullable Boolean> NEXT = new ThreadLocal<>();

		private final ObjectProvider<PlatformTransactionManager> transactionManager;

		private volatile @Nullable TransactionTemplate transactions;

		ReadOutsideTransaction(ObjectProvider<PlatformTransactionManager> transactionManager) {
			this.transactionManager = transactionManager;
		}

		@Override
		public <T> @Nullable T execute(TransactionCallback<T> action) {
			if (NEXT.get() != null) {
				NEXT.remove();
				return TransactionOperations.withoutTransaction().execute(action);
			}
			return transactions().execute(action);
		}

		private TransactionTemplate transactions() {
			TransactionTemplate template = transactions;
			if (template == null) {
				// Resolved on first use: the post-processor that makes this runs
				// before the transaction manager exists.
				template = new TransactionTemplate(transactionManager.getObject());
				template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
				transactions = template;
			}
			return template;
		}

	}

	/**
	 * Spring Session's reading of attribute bytes, which is handed each row of the
	 * session read: while {@link InSteps#findById} reads a session, it also takes the
	 * account standing from the first row. Spring Session reads no other column by this
	 * route, and the standing columns are only in that one query.
	 */
	@SuppressWarnings("deprecation") // Spring Session 4.1 still takes a LobHandler.
	static final class StandingAlongside extends DefaultLobHandler {

		static final ThreadLocal<@Nullable Capture> CAPTURE = new ThreadLocal<>();

		/** What one session read found. */
		static final class Capture {

			private boolean done;

			private Directory.@Nullable StandingRead read;

		}

		@Override
		public byte @Nullable [] getBlobAsBytes(ResultSet rs, String columnName) throws SQLException {
			Capture capture = CAPTURE.get();
			if (capture != null && !capture.done) {
				capture.done = true;
				capture.read = Directory.standingRead(rs).orElse(null);
			}
			return super.getBlobAsBytes(rs, columnName);
		}

	}

	/** A session whose last-access time moves only in steps. */
	static final class Stepped implements Session {

		private final Session session;

		/** The standing read with this session in this request, if any. */
		private Directory.@Nullable StandingRead standing;

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
