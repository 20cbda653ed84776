package care.seamless;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database, as behind a load balancer (ADR 47): node A is
 * the shared test application, node B a second one started here on the same embedded
 * PostgreSQL and a port of its own. A session begun on one node goes on on the other, a
 * scheduled sweep runs on one node at a time, and an outbox drained by both sends each
 * row once. The one test in the suite that starts a second Spring context.
 */
@SeamlessTest
class TwoNodeTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static ConfigurableApplicationContext nodeB;

	@LocalServerPort
	int portA;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.context.ApplicationContext nodeA;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	static void startNodeB(@Autowired EmbeddedPostgres postgres, @Autowired Environment environment) {
		nodeB = new SpringApplicationBuilder(SeamlessApplication.class).profiles("test")
			.run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.hikari.maximum-pool-size=4",
					// The same folder as node A, as nodes share seamless.data-dir (or
					// seamless.secret-key) in production.
					"--seamless.data-dir=" + environment.getRequiredProperty("seamless.data-dir"), "--server.port=0",
					"--spring.flyway.enabled=false",
					// Beans are made when first used: node B serves pages and runs the
					// jobs this test calls, and starts in seconds rather than half a
					// minute.
					"--spring.main.lazy-initialization=true");
	}

	@AfterAll
	static void stopNodeB() {
		if (nodeB != null) {
			nodeB.close();
		}
	}

	@Test
	void aSessionBegunOnOneNodeGoesOnOnTheOther() throws Exception {
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		Fixtures.Staff nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		PersonId person = fixtures.person(Fixtures.unique("Twonode"), nurse);
		String a = "http://localhost:" + portA;
		String b = "http://localhost:" + ((WebServerApplicationContext) nodeB).getWebServer().getPort();

		String cookie = signIn(a, nurse.username());
		HttpResponse<String> home = get(b + "/", cookie);
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("My caseload");

		// The CSRF token is kept in the session, so one from a page of node A is good on
		// node B; and the flash message node B leaves is shown by node A.
		String token = csrf(get(a + "/people/" + person + "/entries/new", cookie).body());
		String title = Fixtures.unique("Visit via node B ");
		HttpResponse<String> saved = post(b + "/people/" + person + "/entries", cookie,
				Map.of("category", "GENERAL", "title", title, "body", "Seen at home", "_csrf", token));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from person.entry where person_id = :person and title = :title")
			.param("person", person.id())
			.param("title", title)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(get(a + "/people/" + person, cookie).body()).contains("Information recorded");

		// Signing out on one node ends the session on both.
		HttpResponse<String> out = post(b + "/logout", cookie, Map.of("_csrf", token));
		assertThat(out.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?signedOut"));
		assertThat(get(a + "/", cookie).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).contains("/login"));
	}

	/**
	 * The server side of {@link SchedulingTests}: with
	 * {@code seamless.scheduling.enabled} left alone, every {@code @Scheduled} method of
	 * Seamless runs on a node.
	 */
	@Test
	void aServerSchedulesEveryJob() {
		Set<String> declared = new TreeSet<>();
		for (String name : nodeA.getBeanDefinitionNames()) {
			Class<?> type = nodeA.getType(name);
			if (type != null && ClassUtils.getUserClass(type).getName().startsWith("care.seamless.")) {
				ReflectionUtils.doWithMethods(ClassUtils.getUserClass(type),
						(method) -> declared.add(method.getDeclaringClass().getName() + "." + method.getName()),
						(method) -> AnnotatedElementUtils.hasAnnotation(method, Scheduled.class));
			}
		}
		Set<String> scheduled = nodeA.getBeansOfType(ScheduledTaskHolder.class)
			.values()
			.stream()
			.flatMap((holder) -> holder.getScheduledTasks().stream())
			.map((task) -> task.getTask().getRunnable().toString())
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(declared).contains("care.seamless.audit.AuditChainer.chainCommitted",
				"care.seamless.notification.NoticePartitions.daily", "care.seamless.fhir.SubscriptionSender.sendDue",
				"care.seamless.referral.ReferralClocks.onSchedule");
		assertThat(scheduled).containsAll(declared);
	}

	@Test
	void aSweepHeldByOneNodeIsSkippedByTheOtherUntilItsLockRunsOut() {
		Object overridesA = nodeA.getBean("overrides");
		Object overridesB = nodeB.getBean("overrides");
		jdbc.sql("update cluster.job_lock set lock_until = now() where name = 'override-escalation'").update();

		UUID first = overdueOverride();
		ReflectionTestUtils.invokeMethod(overridesA, "escalateOnSchedule");
		assertThat(escalated(first)).as("node A ran the sweep").isTrue();

		UUID second = overdueOverride();
		ReflectionTestUtils.invokeMethod(overridesB, "escalateOnSchedule");
		assertThat(escalated(second)).as("node B skipped it while node A's lock holds").isFalse();

		jdbc.sql("update cluster.job_lock set lock_until = now() where name = 'override-escalation'").update();
		ReflectionTestUtils.invokeMethod(overridesB, "escalateOnSchedule");
		assertThat(escalated(second)).as("node B runs it once the lock has run out").isTrue();
	}

	@Test
	void anOutboxDrainedByBothNodesSendsEachNotificationOnce() throws Exception {
		ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
		HttpServer partner = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		partner.createContext("/", exchange -> {
			received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		partner.start();
		try {
			OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
			Fixtures.Staff owner = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
			PersonId person = fixtures.person(Fixtures.unique("Outbox"), owner);
			UUID subscription = UUID.randomUUID();
			jdbc.sql("""
					insert into fhir.subscription (id, owner_account, owner_username, owner_practitioner, topic,
						endpoint, payload, reason, status, created_at, updated_at)
					values (:id, :account, :username, :practitioner, 'referral-received', :endpoint, 'id-only',
						'two nodes', 'active', now(), now())
					""")
				.param("id", subscription)
				.param("account", owner.actor().accountId().id())
				.param("username", owner.username())
				.param("practitioner", owner.practitionerId().id())
				.param("endpoint", "http://127.0.0.1:" + partner.getAddress().getPort() + "/hook")
				.update();
			int count = 30;
			for (int event = 1; event <= count; event++) {
				jdbc.sql(
						"""
								insert into fhir.subscription_notification (id, subscription_id, person_id, focus, event_number,
									occurred_at, status, next_attempt_at)
								values (:id, :subscription, :person, :focus, :event, now(), 'PENDING', now() - interval '1 second')
								""")
					.param("id", UUID.randomUUID())
					.param("subscription", subscription)
					.param("person", person.id())
					.param("focus", "Patient/" + person.id())
					.param("event", event)
					.update();
			}

			Instant now = Instant.now();
			List<CompletableFuture<Integer>> drains = new ArrayList<>();
			for (Object sender : List.of(nodeA.getBean("subscriptionSender"), nodeB.getBean("subscriptionSender"))) {
				drains.add(CompletableFuture.supplyAsync(() -> drain(sender, now)));
			}
			List<Integer> tried = drains.stream().map(CompletableFuture::join).toList();

			assertThat(tried.stream().mapToInt(Integer::intValue).sum()).isEqualTo(count);
			List<String> events = received.stream().map(TwoNodeTests::eventNumber).toList();
			assertThat(events).hasSize(count).doesNotHaveDuplicates();
			assertThat(jdbc.sql("""
					select count(*) from fhir.subscription_notification where subscription_id = :id and status = 'SENT'
					""").param("id", subscription).query(Long.class).single()).isEqualTo(count);
		}
		finally {
			partner.stop(0);
		}
	}

	/** Runs one node's sender until it finds nothing due; how many it tried. */
	private static int drain(Object sender, Instant now) {
		int total = 0;
		while (true) {
			Integer tried = ReflectionTestUtils.invokeMethod(sender, "sendDue", now);
			if (tried == null || tried == 0) {
				return total;
			}
			total += tried;
		}
	}

	private static String eventNumber(String body) {
		Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"event-number\"\\s*,\\s*\"value\\w+\"\\s*:\\s*\"?(\\d+)")
			.matcher(body);
		return m.find() ? m.group(1) : body;
	}

	private UUID overdueOverride() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId hospital = fixtures.organisation(OrganisationKind.NHS_ACUTE_TRUST);
		Fixtures.Staff lead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		Fixtures.Staff doctor = fixtures.practitioner(hospital, Profession.HOSPITAL_DOCTOR);
		fixtures.practitioner(council, Profession.ADMINISTRATOR, Role.CALDICOTT_GUARDIAN);
		PersonId person = fixtures.person(Fixtures.unique("Sweep"), lead);
		UUID id = nodeA.getBean(care.seamless.consent.Overrides.class)
			.breakGlass(doctor.actor(), person, care.seamless.consent.OverrideReason.EMERGENCY_CARE,
					"Collapsed at home, need medication history");
		jdbc.sql("update consent.override set started_at = now() - interval '73 hours' where id = :id")
			.param("id", id)
			.update();
		return id;
	}

	private boolean escalated(UUID override) {
		return jdbc.sql("select escalated_at is not null from consent.override where id = :id")
			.param("id", override)
			.query(Boolean.class)
			.single();
	}

	private String signIn(String base, String username) throws Exception {
		HttpResponse<String> page = get(base + "/login", null);
		String cookie = cookie(page, null);
		HttpResponse<String> signedIn = post(base + "/login", cookie,
				Map.of("username", username, "password", Fixtures.PASSWORD, "_csrf", csrf(page.body())));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		// Signing in gives the session a new id (against session fixation).
		return cookie(signedIn, cookie);
	}

	private static String cookie(HttpResponse<String> response, String previous) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("JSESSIONID="))
			.map(c -> c.substring(0, c.indexOf(';')))
			.reduce((x, y) -> y)
			.orElse(previous);
	}

	private static String csrf(String page) {
		Matcher m = CSRF.matcher(page);
		assertThat(m.find()).as("a CSRF token on the page").isTrue();
		return m.group(1);
	}

	private HttpResponse<String> get(String url, String cookie) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html");
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String url, String cookie, Map<String, String> form)
			throws IOException, InterruptedException {
		String body = new LinkedHashMap<>(form).entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
