package care.seamless.fhir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpServer;
import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditLog;
import care.seamless.discharge.AdmissionRecorded;
import care.seamless.fhir.SubscriptionRepository.NotificationState;
import care.seamless.notification.Notifications;
import care.seamless.referral.ReferralChanged;
import care.seamless.referral.ReferralId;
import care.seamless.referral.ReferralStep;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscriptions over real HTTP, with a JDK HTTP server standing in for the partner's
 * endpoint: one notification per event the owner may see, none for one they may not
 * (decided again when sending), retries with growing waits driven by explicit instants
 * (no sleeping), the switch-off after repeated failure with the owner told, and an
 * OperationOutcome with the element's place for bad input.
 */
@SeamlessTest
class FhirSubscriptionTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	SubscriptionSender sender;

	@Autowired
	SubscriptionRepository repository;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Notifications notifications;

	@Autowired
	Directory directory;

	@Autowired
	AuditLog auditLog;

	@LocalServerPort
	int port;

	HttpServer partner;

	/** Event notifications only. */
	final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

	/** Handshakes and heartbeats. */
	final ConcurrentLinkedQueue<Received> signals = new ConcurrentLinkedQueue<>();

	Staff subscriber;

	Staff other;

	PersonId visible;

	PersonId hidden;

	record Received(String path, String body, String authorization) {
	}

	@BeforeEach
	void partnerAndPeople() throws IOException {
		partner = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		partner.createContext("/", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String path = exchange.getRequestURI().getPath();
			boolean signal = body.contains("\"valueCode\":\"handshake\"")
					|| body.contains("\"valueCode\":\"heartbeat\"");
			(signal ? signals : received)
				.add(new Received(path, body, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
			// "/down" takes the handshake and then fails; "/refuse" refuses everything.
			boolean fails = path.equals("/refuse") || (path.equals("/down") && !signal);
			exchange.sendResponseHeaders(fails ? 503 : 204, -1);
			exchange.close();
		});
		partner.start();
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		subscriber = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		other = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		visible = fixtures.person(Fixtures.unique("Subscribed"), subscriber);
		hidden = fixtures.person(Fixtures.unique("Unseen"), other);
	}

	@AfterEach
	void stopPartner() {
		partner.stop(0);
	}

	@Test
	void aReferralToTheSubscribersTeamIsNotifiedOnceWithItsFocusOnly() {
		UUID subscription = subscribe(SubscriptionTopic.REFERRAL_RECEIVED, "/ok", "Authorization: Bearer partner-key");

		publish(new ReferralChanged(new ReferralId(UUID.randomUUID()), visible, ReferralStep.SEND, subscriber.teamId(),
				Set.of()),
				new ReferralChanged(new ReferralId(UUID.randomUUID()), visible, ReferralStep.SEND, other.teamId(),
						Set.of()),
				new ReferralChanged(new ReferralId(UUID.randomUUID()), visible, ReferralStep.ACCEPT,
						subscriber.teamId(), Set.of()));
		awaitUntil(() -> sendingNow() >= 0 && received.size() >= 1);

		assertThat(repository.notifications(subscription)).extracting(NotificationState::status)
			.containsExactly("SENT");
		assertThat(received).hasSize(1);
		Received notification = received.peek();
		assertThat(notification.path()).isEqualTo("/ok");
		assertThat(notification.authorization()).isEqualTo("Bearer partner-key");
		Bundle bundle = FhirClient.CONTEXT.newJsonParser().parseResource(Bundle.class, notification.body());
		assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.HISTORY);
		assertThat(bundle.getEntry()).hasSize(1);
		Parameters status = (Parameters) bundle.getEntryFirstRep().getResource();
		assertThat(((Reference) status.getParameter("subscription").getValue()).getReference())
			.isEqualTo("Subscription/" + subscription);
		assertThat(status.getParameter("topic").getValue().primitiveValue())
			.isEqualTo(SubscriptionTopic.REFERRAL_RECEIVED.canonical());
		Parameters.ParametersParameterComponent event = status.getParameter("notification-event");
		assertThat(event.getPart()).extracting(Parameters.ParametersParameterComponent::getName)
			.containsExactly("event-number", "timestamp", "focus");
		assertThat(((Reference) event.getPart().get(2).getValue()).getReference()).isEqualTo("Patient/" + visible.id());
		// Nothing but the reference: no name, no NHS number, no referral text.
		assertThat(notification.body()).doesNotContain("Subscribed").doesNotContain("\"Patient\"");
		assertThat(auditLog.historyOf(visible, 50)).extracting(AuditEntry::action).contains("notify-fhir-subscription");
	}

	@Test
	void aRecordTheOwnerMayNotOpenIsNeverNotifiedAndAccessIsDecidedAgainWhenSending() {
		UUID subscription = subscribe(SubscriptionTopic.ADMISSION, "/ok", null);

		publish(new AdmissionRecorded(UUID.randomUUID(), hidden, other.teamId(), other.practitionerId(),
				Instant.now()));
		assertThat(repository.notifications(subscription)).isEmpty();

		publish(new AdmissionRecorded(UUID.randomUUID(), visible, other.teamId(), other.practitionerId(),
				Instant.now()));
		assertThat(repository.notifications(subscription)).hasSize(1);
		// The owner's account is disabled before the notification goes: it must not go.
		directory.setAccountEnabled(fixtures.admin, subscriber.actor().accountId(), false);
		awaitUntil(
				() -> sendingNow() >= 0 && !repository.notifications(subscription).get(0).status().equals("PENDING"));

		assertThat(repository.notifications(subscription)).extracting(NotificationState::status)
			.containsExactly("WITHHELD");
		assertThat(received).isEmpty();
	}

	@Test
	void failuresAreRetriedWithGrowingWaitsThenTheSubscriptionIsSwitchedOffAndItsOwnerTold() {
		UUID subscription = subscribe(SubscriptionTopic.ADMISSION, "/down", null);
		publish(new AdmissionRecorded(UUID.randomUUID(), visible, other.teamId(), other.practitionerId(),
				Instant.now()));
		awaitUntil(() -> sendingNow() >= 0 && state(subscription).attempts() == 1);

		NotificationState first = state(subscription);
		assertThat(first.status()).isEqualTo("PENDING");
		assertThat(first.lastError()).isEqualTo("The partner's endpoint answered 503.");
		// Not due a moment before the wait is over, due exactly when it is.
		assertThat(sender.sendDue(first.nextAttemptAt().minusSeconds(1))).isZero();
		Instant at = first.nextAttemptAt();
		for (int attempt = 2; attempt < SubscriptionSender.FAILURES_TO_SWITCH_OFF; attempt++) {
			assertThat(sender.sendDue(at)).isEqualTo(1);
			NotificationState now = state(subscription);
			assertThat(now.attempts()).isEqualTo(attempt);
			Duration wait = SubscriptionSender.BACKOFF.get(Math.min(attempt, SubscriptionSender.BACKOFF.size()) - 1);
			assertThat(now.nextAttemptAt()).isEqualTo(at.plus(wait));
			at = now.nextAttemptAt();
		}
		assertThat(sender.sendDue(at)).isEqualTo(1);

		assertThat(received).hasSize(SubscriptionSender.FAILURES_TO_SWITCH_OFF);
		assertThat(state(subscription).status()).isEqualTo("ABANDONED");
		Subscription read = as(subscriber).get("/Subscription/" + subscription).as(Subscription.class);
		assertThat(read.getStatus()).isEqualTo(Subscription.SubscriptionStatus.ERROR);
		assertThat(read.getError()).isEqualTo("The partner's endpoint answered 503.");
		awaitUntil(() -> notifications.inbox(subscriber.actor())
			.stream()
			.anyMatch(n -> n.kind().equals("fhir.subscription_off")
					&& n.link().equals("/fhir/Subscription/" + subscription)));
		// Switched off, nothing more is tried.
		assertThat(sender.sendDue(at.plus(Duration.ofDays(1)))).isZero();
	}

	@Test
	void theCreateAnswersRequestedAtOnceAndTheHandshakeIsSentLaterByTheJob() throws IOException {
		// An endpoint that holds every request until the test lets it go: had the create
		// waited for the handshake, it would have been held too.
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger hits = new AtomicInteger();
		HttpServer slow = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		slow.setExecutor(Executors.newCachedThreadPool());
		slow.createContext("/", exchange -> {
			hits.incrementAndGet();
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		slow.start();
		try {
			String endpoint = "http://localhost:" + slow.getAddress().getPort() + "/hook";
			FhirClient.Reply reply = as(subscriber).post("/Subscription",
					body(SubscriptionTopic.ADMISSION.canonical(), endpoint, null, null));

			assertThat(reply.status()).as(reply.body()).isEqualTo(201);
			assertThat(reply.as(Subscription.class).getStatus()).isEqualTo(Subscription.SubscriptionStatus.REQUESTED);
			assertThat(hits).as("nothing was sent while the create was answered").hasValue(0);
			UUID id = UUID.fromString(reply.location().replaceFirst(".*/Subscription/([^/]+).*", "$1"));
			assertThat(repository.subscription(id).orElseThrow().status()).isEqualTo("requested");

			release.countDown();
			sender.sendHandshakes(Instant.now());
			assertThat(hits).hasValue(1);
			assertThat(as(subscriber).get("/Subscription/" + id).as(Subscription.class).getStatus())
				.isEqualTo(Subscription.SubscriptionStatus.ACTIVE);
			// Decided once: a later run sends no second handshake.
			sender.sendHandshakes(Instant.now().plus(Duration.ofDays(1)));
			assertThat(hits).hasValue(1);
		}
		finally {
			release.countDown();
			slow.stop(0);
		}
	}

	@Test
	void aHandshakeThatKeepsFailingIsRetriedThenSwitchedOffInPlainWordsAndItsOwnerTold() {
		// Nothing listens on port 9 of this machine.
		UUID unreachable = create(SubscriptionTopic.ADMISSION, "http://localhost:9/hook", null);
		// PostgreSQL keeps microseconds.
		Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		for (int attempt = 1; attempt <= SubscriptionSender.FAILURES_TO_SWITCH_OFF; attempt++) {
			sender.sendHandshakes(at);
			SubscriptionRepository.Stored now = repository.subscription(unreachable).orElseThrow();
			assertThat(now.error()).isEqualTo("The handshake failed. The partner's endpoint could not be reached.");
			if (attempt < SubscriptionSender.FAILURES_TO_SWITCH_OFF) {
				assertThat(now.status()).isEqualTo("requested");
				Duration wait = SubscriptionSender.BACKOFF
					.get(Math.min(attempt, SubscriptionSender.BACKOFF.size()) - 1);
				assertThat(handshakeDueAt(unreachable)).isEqualTo(at.plus(wait));
				at = at.plus(wait);
			}
		}

		Subscription read = as(subscriber).get("/Subscription/" + unreachable).as(Subscription.class);
		assertThat(read.getStatus()).isEqualTo(Subscription.SubscriptionStatus.ERROR);
		assertThat(read.getError()).doesNotContain("java.").doesNotContain("Exception");
		assertThat(handshakeDueAt(unreachable)).isNull();
		awaitUntil(() -> notifications.inbox(subscriber.actor())
			.stream()
			.anyMatch(n -> n.kind().equals("fhir.subscription_off")
					&& n.link().equals("/fhir/Subscription/" + unreachable)));
	}

	@Test
	void badSubscriptionsAreRefusedWithThePlaceOfTheProblem() {
		FhirClient client = as(subscriber);
		assertRefused(client, body(SubscriptionTopic.ADMISSION.canonical(), "http://partner.example/hook", null, null),
				"Subscription.channel.endpoint");
		assertRefused(client, body(SubscriptionTopic.ADMISSION.canonical(), "file:///etc/passwd", null, null),
				"Subscription.channel.endpoint");
		assertRefused(client, body("https://seamless.care/fhir/SubscriptionTopic/everything", hook("/ok"), null, null),
				"Subscription.criteria");
		assertRefused(client, body(SubscriptionTopic.ADMISSION.canonical(), hook("/ok"), "full-resource", null),
				"Subscription.channel.payload.extension");
		assertRefused(client, body(SubscriptionTopic.ADMISSION.canonical(), hook("/ok"), null, "X-Key: a\\r\\nHost: b"),
				"Subscription.channel.header[0]");
		assertRefused(client, body(SubscriptionTopic.ADMISSION.canonical(), hook("/ok"), null, null)
			.replace("Partner system feed", "bad\\u0000reason"), "Subscription.reason");
		FhirClient.Reply unreadable = client.post("/Subscription", "{\"resourceType\":\"Subscription\",\"status\":1");
		assertThat(unreadable.status()).isEqualTo(400);
		assertThat(unreadable.code()).isEqualTo("malformed-body");
		assertThat(jdbc.sql("select count(*) from fhir.subscription where owner_account = :a")
			.param("a", subscriber.actor().accountId().id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void eachAccountSeesAndDeletesOnlyItsOwnSubscriptions() {
		UUID mine = subscribe(SubscriptionTopic.CARE_PLAN_CHANGED, "/ok", "Authorization: Bearer secret-value");

		Subscription read = as(subscriber).get("/Subscription/" + mine).as(Subscription.class);
		assertThat(read.getCriteria()).isEqualTo(SubscriptionTopic.CARE_PLAN_CHANGED.canonical());
		assertThat(read.getStatus()).isEqualTo(Subscription.SubscriptionStatus.ACTIVE);
		assertThat(read.getChannel().getHeader()).extracting(h -> h.getValue())
			.containsExactly("Authorization: (not shown)");
		assertThat(as(subscriber).get("/Subscription").as(Bundle.class).getTotal()).isEqualTo(1);
		assertThat(as(other).get("/Subscription").as(Bundle.class).getTotal()).isZero();
		assertThat(as(other).get("/Subscription/" + mine).status()).isEqualTo(404);
		assertThat(as(other).delete("/Subscription/" + mine).status()).isEqualTo(404);
		assertThat(as(subscriber).get("/Subscription?status=bogus").code()).isEqualTo("invalid-parameter");

		assertThat(as(subscriber).delete("/Subscription/" + mine).status()).isLessThan(300);
		assertThat(as(subscriber).get("/Subscription/" + mine).status()).isEqualTo(404);
		CapabilityStatement metadata = as(subscriber).get("/metadata").as(CapabilityStatement.class);
		assertThat(metadata.getRestFirstRep().getResource())
			.anyMatch(r -> r.getType().equals("Subscription") && r.getInteraction().size() == 4);
	}

	@Test
	void aSubscriptionIsActiveOnlyOnceItsEndpointTakesTheHandshakeAndHeartbeatsFillTheSilence() {
		UUID refused = subscribe(SubscriptionTopic.ADMISSION, "/refuse", null);
		FhirClient.Reply created = as(subscriber).post("/Subscription",
				body(SubscriptionTopic.CARE_PLAN_CHANGED.canonical(), hook("/beat"), null, null)
					.replace("\"rest-hook\",", "\"rest-hook\",\"extension\":[{\"url\":\""
							+ SubscriptionTranslator.HEARTBEAT_PERIOD + "\",\"valueUnsignedInt\":60}],"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		UUID beating = UUID.fromString(created.location().replaceFirst(".*/Subscription/([^/]+).*", "$1"));
		sender.sendHandshakes(Instant.now());

		// Refused: still 'requested', told why in plain words, and tried again later.
		Subscription waiting = as(subscriber).get("/Subscription/" + refused).as(Subscription.class);
		assertThat(waiting.getStatus()).isEqualTo(Subscription.SubscriptionStatus.REQUESTED);
		assertThat(waiting.getError()).isEqualTo("The handshake failed. The partner's endpoint answered 503.");
		Subscription active = as(subscriber).get("/Subscription/" + beating).as(Subscription.class);
		assertThat(active.getStatus()).isEqualTo(Subscription.SubscriptionStatus.ACTIVE);
		assertThat(active.getChannel()
			.getExtensionByUrl(SubscriptionTranslator.HEARTBEAT_PERIOD)
			.getValue()
			.primitiveValue()).isEqualTo("60");
		assertThat(signals).extracting(r -> r.path() + " " + signalType(r.body()) + " " + signalStatus(r.body()))
			.containsExactlyInAnyOrder("/refuse handshake requested", "/beat handshake requested");
		// A subscription not yet active is told nothing.
		publish(new AdmissionRecorded(UUID.randomUUID(), visible, other.teamId(), other.practitionerId(),
				Instant.now()));
		assertThat(repository.notifications(refused)).isEmpty();

		// A subscription in error is told nothing.
		publish(new AdmissionRecorded(UUID.randomUUID(), visible, other.teamId(), other.practitionerId(),
				Instant.now()));
		assertThat(repository.notifications(refused)).isEmpty();

		signals.clear();
		Instant start = Instant.now();
		sender.sendHeartbeats(start.plusSeconds(30));
		assertThat(signals).as("not yet silent for a whole period").isEmpty();
		sender.sendHeartbeats(start.plusSeconds(61));
		assertThat(signals).extracting(r -> r.path() + " " + signalType(r.body())).containsExactly("/beat heartbeat");
		sender.sendHeartbeats(start.plusSeconds(62));
		assertThat(signals).as("the heartbeat restarts the period").hasSize(1);
		assertRefused(as(subscriber),
				body(SubscriptionTopic.CARE_PLAN_CHANGED.canonical(), hook("/beat"), null, null)
					.replace("\"rest-hook\",", "\"rest-hook\",\"extension\":[{\"url\":\""
							+ SubscriptionTranslator.HEARTBEAT_PERIOD + "\",\"valueUnsignedInt\":5}],"),
				"Subscription.channel.extension");
	}

	private static String signalType(String body) {
		return parameter(body, "type");
	}

	private static String signalStatus(String body) {
		return parameter(body, "status");
	}

	private static String parameter(String body, String name) {
		Bundle bundle = FhirClient.CONTEXT.newJsonParser().parseResource(Bundle.class, body);
		return ((Parameters) bundle.getEntryFirstRep().getResource()).getParameter(name).getValue().primitiveValue();
	}

	private FhirClient as(Staff staff) {
		return new FhirClient(port, staff.username());
	}

	private String hook(String path) {
		return "http://localhost:" + partner.getAddress().getPort() + path;
	}

	/**
	 * Registers a subscription and runs the sender's handshake job once, as the schedule
	 * would soon after.
	 */
	private UUID subscribe(SubscriptionTopic topic, String path, String header) {
		UUID id = create(topic, hook(path), header);
		sender.sendHandshakes(Instant.now());
		return id;
	}

	private UUID create(SubscriptionTopic topic, String endpoint, String header) {
		FhirClient.Reply reply = as(subscriber).post("/Subscription", body(topic.canonical(), endpoint, null, header));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return UUID.fromString(reply.location().replaceFirst(".*/Subscription/([^/]+).*", "$1"));
	}

	private static String body(String criteria, String endpoint, String content, String header) {
		String payload = content == null ? "" : ",\"_payload\":{\"extension\":[{\"url\":\""
				+ SubscriptionTranslator.PAYLOAD_CONTENT + "\",\"valueCode\":\"" + content + "\"}]}";
		String headers = header == null ? "" : ",\"header\":[\"" + header + "\"]";
		return """
				{"resourceType":"Subscription","status":"requested","reason":"Partner system feed",
				 "criteria":"%s","channel":{"type":"rest-hook","endpoint":"%s","payload":"application/fhir+json"%s%s}}
				""".formatted(criteria, endpoint, payload, headers);
	}

	private static void assertRefused(FhirClient client, String body, String expression) {
		FhirClient.Reply reply = client.post("/Subscription", body);
		assertThat(reply.status()).as(body).isEqualTo(422);
		assertThat(reply.code()).isEqualTo("invalid-resource");
		assertThat(reply.expression()).as(body).isEqualTo(expression);
	}

	/**
	 * Publishes the events in one transaction, as a module would, and waits until every
	 * listener has handled them (their publications are complete).
	 */
	private void publish(Object... published) {
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			for (Object event : published) {
				events.publishEvent(event);
			}
		});
		String[] ids = java.util.Arrays.stream(published).map(FhirSubscriptionTests::idOf).toArray(String[]::new);
		awaitUntil(() -> java.util.Arrays.stream(ids)
			.allMatch(id -> jdbc.sql(
					"select count(*) from event_publication where serialized_event like :id and completion_date is null")
				.param("id", "%" + id + "%")
				.query(Long.class)
				.single() == 0));
	}

	private static String idOf(Object event) {
		if (event instanceof ReferralChanged referral) {
			return referral.referralId().id().toString();
		}
		return ((AdmissionRecorded) event).admissionId().toString();
	}

	private int sendingNow() {
		return sender.sendDue(Instant.now());
	}

	private Instant handshakeDueAt(UUID subscription) {
		java.sql.Timestamp due = jdbc.sql("select handshake_due_at from fhir.subscription where id = :id")
			.param("id", subscription)
			.query((rs, row) -> rs.getTimestamp(1))
			.list()
			.get(0);
		return due == null ? null : due.toInstant();
	}

	private NotificationState state(UUID subscription) {
		List<NotificationState> states = repository.notifications(subscription);
		assertThat(states).hasSize(1);
		return states.get(0);
	}

	private static void awaitUntil(BooleanSupplier condition) {
		Instant deadline = Instant.now().plusSeconds(10);
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("waited too long").isBefore(deadline);
			java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
		}
	}

}
