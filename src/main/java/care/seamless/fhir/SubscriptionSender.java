package care.seamless.fhir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import ca.uhn.fhir.context.FhirContext;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.AccessRequest;
import care.seamless.fhir.SubscriptionRepository.Due;
import care.seamless.fhir.SubscriptionRepository.Handshake;
import care.seamless.fhir.SubscriptionRepository.Stored;
import care.seamless.shared.Actor;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued notifications: claims a batch (skip locked, with a lease), decides
 * each again as the subscription's owner now, POSTs an id-only (or empty) notification
 * Bundle outside any transaction, and records the outcome. A failure is retried with
 * growing waits; {@link #FAILURES_TO_SWITCH_OFF} failures in a row switch the
 * subscription to {@code error} and tell its owner. Only ids and HTTP statuses are
 * logged.
 */
@Component
class SubscriptionSender {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionSender.class);

	/** Waits before the 2nd, 3rd ... attempt of one notification; the last repeats. */
	static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
			Duration.ofHours(1), Duration.ofHours(6));

	/**
	 * Failed attempts in a row (any of its notifications) that switch a subscription off.
	 */
	static final int FAILURES_TO_SWITCH_OFF = 8;

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	// The request timeout covers the answer's headers only; a bound on the whole exchange
	// keeps an endpoint that trickles its body from holding the sender.
	static final Duration EXCHANGE_TIMEOUT = REQUEST_TIMEOUT.multipliedBy(2);

	private static final Duration LEASE = Duration.ofMinutes(2);

	private static final int BATCH = 20;

	static final String NOTIFY_ACTION = "notify-fhir-subscription";

	private final SubscriptionRepository repository;

	private final Subscriptions subscriptions;

	private final AccessPolicy accessPolicy;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String baseUrl;

	// Made for the first notification sent rather than at start-up: building one loads
	// the TLS trust store and starts a selector thread, which a start without
	// subscriptions never needs (ADR 61).
	private @Nullable HttpClient http;

	SubscriptionSender(SubscriptionRepository repository, Subscriptions subscriptions, AccessPolicy accessPolicy,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock,
			@Value("${seamless.fhir.base-url:}") String baseUrl) {
		this.repository = repository;
		this.subscriptions = subscriptions;
		this.accessPolicy = accessPolicy;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		// Without a configured base the references are relative to the FHIR base, as FHIR
		// allows.
		this.baseUrl = baseUrl.isBlank() ? "" : baseUrl.replaceAll("/+$", "") + "/fhir/";
	}

	@Scheduled(fixedDelayString = "${seamless.fhir.subscriptions.poll:PT10S}")
	void sendDue() {
		Instant now = clock.instant();
		sendHandshakes(now);
		sendDue(now);
	}

	/** Sends what is due at {@code now}; returns how many it tried. */
	int sendDue(Instant now) {
		List<Due> due = transactions.execute(status -> repository.claimDue(now, now.plus(LEASE), BATCH));
		for (Due notification : due) {
			Prepared prepared = transactions.execute(status -> prepare(notification, now));
			if (prepared != null) {
				Outcome outcome = post(prepared.subscription(), prepared.body());
				transactions.executeWithoutResult(status -> record(notification, prepared, outcome, now));
			}
		}
		return due.size();
	}

	/**
	 * The request to send, or null when there is nothing to send: the subscription is
	 * gone or off, or its owner may no longer open the record (withheld, and audited so).
	 */
	private @Nullable Prepared prepare(Due due, Instant now) {
		Optional<Stored> found = repository.subscription(due.subscriptionId());
		if (found.isEmpty() || !found.get().status().equals("active")) {
			repository.finish(due, "ABANDONED", now, null, "subscription not active");
			return null;
		}
		Stored subscription = found.get();
		Optional<Actor> owner = subscriptions.actingAs(subscription.owner());
		if (owner.isEmpty()) {
			repository.finish(due, "WITHHELD", now, null, "owner account disabled");
			return null;
		}
		try {
			// The one audited decision: each attempt to tell a partner about the record
			// is a disclosure, recorded as permitted or refused in the record's history.
			accessPolicy.require(owner.get(),
					AccessRequest.toOpen(due.personId(), NOTIFY_ACTION, Subscriptions.RECORD_TYPE));
		}
		catch (AccessDenied refused) {
			repository.finish(due, "WITHHELD", now, null, null);
			return null;
		}
		return new Prepared(subscription, body(subscription, "event-notification", due));
	}

	/**
	 * Sends the R4 handshake of each new subscription that is due at {@code now}: claimed
	 * like a notification, POSTed outside any transaction, 'active' once the endpoint
	 * answers 2xx. A failure is retried with the notifications' waits, and
	 * {@link #FAILURES_TO_SWITCH_OFF} in a row switch it to 'error' and tell its owner.
	 * It carries no one's data, so no access decision is needed. Returns how many it
	 * tried.
	 */
	int sendHandshakes(Instant now) {
		List<Handshake> due = transactions.execute(status -> repository.claimHandshakes(now, now.plus(LEASE), BATCH));
		for (Handshake handshake : due) {
			Stored subscription = handshake.subscription();
			Outcome outcome = subscriptions.actingAs(subscription.owner()).isEmpty()
					? new Outcome(false, "The account that registered the subscription is disabled.")
					: post(subscription, body(subscription, "handshake", null));
			transactions.executeWithoutResult(status -> recordHandshake(handshake, outcome, now));
		}
		return due.size();
	}

	private void recordHandshake(Handshake handshake, Outcome outcome, Instant now) {
		UUID id = handshake.subscription().id();
		if (outcome.sent()) {
			repository.handshakeTaken(handshake, clock.instant());
			return;
		}
		String error = "The handshake failed. " + outcome.error();
		boolean switchOff = handshake.attempts() >= FAILURES_TO_SWITCH_OFF;
		Instant next = switchOff ? null : now.plus(BACKOFF.get(Math.min(handshake.attempts(), BACKOFF.size()) - 1));
		if (!repository.handshakeFailed(handshake, error, next, now)) {
			log.info("Handshake of subscription {} was taken over or the subscription deleted", id);
			return;
		}
		log.warn("Handshake of subscription {} failed (attempt {})", id, handshake.attempts());
		if (switchOff) {
			log.warn("Subscription {} switched off after {} failed handshakes", id, FAILURES_TO_SWITCH_OFF);
			if (handshake.subscription().owner().practitioner() != null) {
				events.publishEvent(new SubscriptionSwitchedOff(id, handshake.subscription().owner().practitioner()));
			}
		}
	}

	@Scheduled(fixedDelayString = "${seamless.fhir.subscriptions.heartbeat-poll:PT30S}")
	@SchedulerLock(name = "fhir-subscription-heartbeat", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
	void sendHeartbeats() {
		sendHeartbeats(clock.instant());
	}

	/**
	 * Sends a heartbeat to each active subscription that asked for one and was told
	 * nothing for a whole period at {@code now}; a failed heartbeat counts as a failure
	 * like a notification's. Returns how many it tried.
	 */
	int sendHeartbeats(Instant now) {
		List<Stored> due = repository.heartbeatDue(now, BATCH);
		for (Stored subscription : due) {
			if (subscriptions.actingAs(subscription.owner()).isEmpty()) {
				// A leaver's subscription sends nothing, not even a heartbeat.
				continue;
			}
			Outcome outcome = post(subscription, body(subscription, "heartbeat", null));
			transactions.executeWithoutResult(status -> {
				if (outcome.sent()) {
					repository.succeeded(subscription.id(), now);
				}
				else {
					failedAttempt(subscription, String.valueOf(outcome.error()), now);
				}
			});
		}
		return due.size();
	}

	String body(Stored subscription, String type, @Nullable Due due) {
		String reference = baseUrl + "Subscription/" + subscription.id();
		Parameters status = new Parameters();
		status.setId(UUID.randomUUID().toString());
		status.getMeta().addProfile(SubscriptionTranslator.BACKPORT + "backport-subscription-status-r4");
		status.addParameter().setName("subscription").setValue(new Reference(reference));
		status.addParameter()
			.setName("topic")
			.setValue(new CanonicalType(subscription.subscription().topic().canonical()));
		status.addParameter()
			.setName("status")
			.setValue(new CodeType(type.equals("handshake") ? "requested" : "active"));
		status.addParameter().setName("type").setValue(new CodeType(type));
		status.addParameter()
			.setName("events-since-subscription-start")
			.setValue(new StringType(Long.toString(subscription.eventsSinceStart())));
		if (due != null) {
			Parameters.ParametersParameterComponent event = status.addParameter().setName("notification-event");
			event.addPart().setName("event-number").setValue(new StringType(Long.toString(due.eventNumber())));
			event.addPart().setName("timestamp").setValue(new InstantType(Date.from(due.occurredAt())));
			if (subscription.subscription().payload().equals("id-only")) {
				event.addPart().setName("focus").setValue(new Reference(baseUrl + due.focus()));
			}
		}
		Bundle bundle = new Bundle().setType(Bundle.BundleType.HISTORY);
		bundle.setId(UUID.randomUUID().toString());
		bundle.getMeta().addProfile(SubscriptionTranslator.BACKPORT + "backport-subscription-notification-r4");
		bundle.setTimestamp(Date.from(clock.instant()));
		Bundle.BundleEntryComponent entry = bundle.addEntry()
			.setFullUrl("urn:uuid:" + status.getIdElement().getIdPart())
			.setResource(status);
		entry.getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl(reference + "/$status");
		entry.getResponse().setStatus("200");
		return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle);
	}

	private synchronized HttpClient http() {
		if (http == null) {
			// Never follows a redirect: a partner's server could otherwise lead us
			// anywhere.
			http = HttpClient.newBuilder()
				.connectTimeout(CONNECT_TIMEOUT)
				.followRedirects(HttpClient.Redirect.NEVER)
				.build();
		}
		return http;
	}

	private Outcome post(Stored subscription, String body) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(subscription.subscription().endpoint()))
				.timeout(REQUEST_TIMEOUT)
				.header("Content-Type", SubscriptionTranslator.FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(body));
			for (String header : subscription.subscription().headers()) {
				int colon = header.indexOf(':');
				request.header(header.substring(0, colon), header.substring(colon + 1).trim());
			}
			CompletableFuture<HttpResponse<Void>> response = http().sendAsync(request.build(),
					HttpResponse.BodyHandlers.discarding());
			try {
				int status = response.get(EXCHANGE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).statusCode();
				return status >= 200 && status < 300 ? Outcome.SENT : new Outcome(false, answered(status));
			}
			catch (TimeoutException ex) {
				response.cancel(true);
				return new Outcome(false, failure(ex));
			}
			catch (ExecutionException ex) {
				return new Outcome(false, failure(ex.getCause() == null ? ex : ex.getCause()));
			}
		}
		catch (IllegalArgumentException ex) {
			return new Outcome(false, failure(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(false, failure(ex));
		}
	}

	/** What the subscription's owner reads when the endpoint answered other than 2xx. */
	static String answered(int status) {
		return "The partner's endpoint answered " + status + ".";
	}

	/**
	 * What the subscription's owner reads when sending failed: plain words, never a Java
	 * class name or a message that might echo the partner's answer.
	 */
	static String failure(Throwable failure) {
		if (failure instanceof HttpConnectTimeoutException) {
			return "The partner's endpoint could not be reached: it timed out after " + CONNECT_TIMEOUT.toSeconds()
					+ " seconds.";
		}
		if (failure instanceof HttpTimeoutException) {
			return "The partner's endpoint did not answer: it timed out after " + REQUEST_TIMEOUT.toSeconds()
					+ " seconds.";
		}
		if (failure instanceof TimeoutException) {
			return "The partner's endpoint did not finish answering: it timed out after " + EXCHANGE_TIMEOUT.toSeconds()
					+ " seconds.";
		}
		if (failure instanceof IllegalArgumentException) {
			return "The endpoint's address is not one we can send to.";
		}
		if (failure instanceof InterruptedException) {
			return "Sending was interrupted; it will be tried again.";
		}
		return "The partner's endpoint could not be reached.";
	}

	private void record(Due due, Prepared prepared, Outcome outcome, Instant now) {
		UUID subscription = prepared.subscription().id();
		if (outcome.sent()) {
			if (repository.finish(due, "SENT", now, clock.instant(), null)) {
				repository.succeeded(subscription, clock.instant());
			}
			return;
		}
		Instant next = now.plus(BACKOFF.get(Math.min(due.attempts(), BACKOFF.size()) - 1));
		if (!repository.finish(due, "PENDING", next, null, outcome.error())) {
			log.info("Notification {} was taken over by another sender", due.id());
			return;
		}
		log.warn("Notification {} of subscription {} failed (attempt {}): {}", due.id(), subscription, due.attempts(),
				outcome.error());
		failedAttempt(prepared.subscription(), String.valueOf(outcome.error()), now);
	}

	/**
	 * Counts a failed attempt (a notification's or a heartbeat's); the last one allowed
	 * switches the subscription off and tells its owner.
	 */
	private void failedAttempt(Stored subscription, String error, Instant now) {
		if (repository.failed(subscription.id(), FAILURES_TO_SWITCH_OFF, error, now)) {
			log.warn("Subscription {} switched off after {} failures in a row", subscription.id(),
					FAILURES_TO_SWITCH_OFF);
			if (subscription.owner().practitioner() != null) {
				events
					.publishEvent(new SubscriptionSwitchedOff(subscription.id(), subscription.owner().practitioner()));
			}
		}
	}

	private record Prepared(Stored subscription, String body) {
	}

	private record Outcome(boolean sent, @Nullable String error) {

		static final Outcome SENT = new Outcome(true, null);

	}

}
