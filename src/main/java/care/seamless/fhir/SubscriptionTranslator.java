package care.seamless.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.jspecify.annotations.Nullable;

/**
 * Subscription in and out, in the shape of the R5 Backport IG for R4: the topic's
 * canonical URL in {@code criteria}, the payload content ({@code empty} or
 * {@code id-only}) in the backport's extension on {@code channel.payload}. Everything we
 * cannot honour faithfully is refused with its place, never ignored.
 */
final class SubscriptionTranslator {

	static final String BACKPORT = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/";

	static final String PROFILE = BACKPORT + "backport-subscription";

	static final String PAYLOAD_CONTENT = BACKPORT + "backport-payload-content";

	static final String FILTER_CRITERIA = BACKPORT + "backport-filter-criteria";

	static final String HEARTBEAT_PERIOD = BACKPORT + "backport-heartbeat-period";

	/** The shortest and longest heartbeat periods we honour, in seconds. */
	static final int MIN_HEARTBEAT = 60;

	static final int MAX_HEARTBEAT = 86_400;

	static final String FHIR_JSON = "application/fhir+json";

	static final int MAX_HEADERS = 5;

	private static final Pattern HEADER = Pattern
		.compile("^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}: ?[\\x20-\\x7e]{0,1000}$");

	// Headers the HTTP client sets itself, or that would change how the request is sent.
	private static final Set<String> RESTRICTED = Set.of("host", "content-length", "content-type", "connection",
			"expect", "upgrade", "transfer-encoding", "te", "trailer", "keep-alive", "proxy-authorization");

	private SubscriptionTranslator() {
	}

	static NewSubscription toNew(Subscription sent, Instant now, boolean loopbackHttp) {
		if (!sent.hasStatus() || !(sent.getStatus() == SubscriptionStatus.REQUESTED
				|| sent.getStatus() == SubscriptionStatus.ACTIVE)) {
			throw invalid("Subscription.status",
					"The status must be 'requested' (or 'active'); it is active once the endpoint answers the handshake");
		}
		String reason = text(sent.getReason(), "Subscription.reason", "Say why the subscription is needed", 1000);
		SubscriptionTopic topic = topic(sent);
		Subscription.SubscriptionChannelComponent channel = sent.getChannel();
		if (channel.getType() != SubscriptionChannelType.RESTHOOK) {
			throw invalid("Subscription.channel.type", "Only 'rest-hook' channels are offered");
		}
		String endpointProblem = SubscriptionEndpoint.problem(channel.getEndpoint(), loopbackHttp);
		if (endpointProblem != null) {
			throw invalid("Subscription.channel.endpoint", endpointProblem);
		}
		String payload = payload(channel);
		List<String> headers = headers(channel);
		Instant end = sent.hasEnd() ? sent.getEnd().toInstant() : null;
		if (end != null && !end.isAfter(now)) {
			throw invalid("Subscription.end", "The end must be in the future");
		}
		return new NewSubscription(topic, channel.getEndpoint(), headers, payload, reason, end, heartbeat(channel));
	}

	private static SubscriptionTopic topic(Subscription sent) {
		if (sent.getCriteriaElement().hasExtension(FILTER_CRITERIA)) {
			throw invalid("Subscription.criteria.extension", "Filter criteria are not offered: each topic already "
					+ "carries only what the subscribing account may see");
		}
		String criteria = sent.getCriteria();
		String topics = Stream.of(SubscriptionTopic.values())
			.map(SubscriptionTopic::canonical)
			.collect(Collectors.joining(", "));
		if (criteria == null || criteria.isBlank()) {
			throw invalid("Subscription.criteria", "Name the topic in criteria, one of: " + topics);
		}
		return SubscriptionTopic.byCanonical(criteria.trim())
			.orElseThrow(() -> invalid("Subscription.criteria", "Unknown topic: use one of " + topics));
	}

	private static String payload(Subscription.SubscriptionChannelComponent channel) {
		CodeType element = channel.getPayloadElement();
		if (element.hasValue() && !FHIR_JSON.equals(element.getValue())) {
			throw invalid("Subscription.channel.payload", "Notifications are sent as " + FHIR_JSON);
		}
		Extension content = element.getExtensionByUrl(PAYLOAD_CONTENT);
		if (content == null) {
			return "id-only";
		}
		String code = content.getValue() == null ? null : content.getValue().primitiveValue();
		if ("id-only".equals(code) || "empty".equals(code)) {
			return code;
		}
		throw invalid("Subscription.channel.payload.extension",
				"The payload content must be 'id-only' or 'empty': notifications never carry resources, so nothing "
						+ "the access policy withholds can leave in one");
	}

	private static @Nullable Integer heartbeat(Subscription.SubscriptionChannelComponent channel) {
		List<Extension> periods = channel.getExtensionsByUrl(HEARTBEAT_PERIOD);
		if (periods.isEmpty()) {
			return null;
		}
		String place = "Subscription.channel.extension";
		String value = periods.size() == 1 && periods.get(0).getValue() instanceof UnsignedIntType seconds
				? seconds.getValueAsString() : null;
		if (value == null || !value.matches("\\d{1,6}") || Integer.parseInt(value) < MIN_HEARTBEAT
				|| Integer.parseInt(value) > MAX_HEARTBEAT) {
			throw invalid(place,
					"The heartbeat period is one unsignedInt, " + MIN_HEARTBEAT + " to " + MAX_HEARTBEAT + " seconds");
		}
		return Integer.valueOf(value);
	}

	private static List<String> headers(Subscription.SubscriptionChannelComponent channel) {
		List<StringType> sent = channel.getHeader();
		if (sent.size() > MAX_HEADERS) {
			throw invalid("Subscription.channel.header", "At most " + MAX_HEADERS + " headers");
		}
		List<String> headers = new ArrayList<>();
		for (int i = 0; i < sent.size(); i++) {
			String header = sent.get(i).getValue();
			String place = "Subscription.channel.header[" + i + "]";
			if (header == null || !HEADER.matcher(header).matches()) {
				throw invalid(place, "A header must be 'Name: value' in plain text on one line");
			}
			String name = header.substring(0, header.indexOf(':')).toLowerCase(Locale.ROOT);
			if (RESTRICTED.contains(name)) {
				throw invalid(place, "The header '" + name + "' is set by us");
			}
			headers.add(header);
		}
		return headers;
	}

	private static String text(@Nullable String value, String place, String missing, int max) {
		if (value == null || value.isBlank()) {
			throw invalid(place, missing);
		}
		if (value.length() > max || value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
			throw invalid(place, "At most " + max + " characters of plain text");
		}
		return value.trim();
	}

	private static FhirFailure invalid(String place, String message) {
		return new FhirFailure(FhirError.INVALID_RESOURCE, place, message);
	}

	/**
	 * The stored subscription; header values are not given back (they often hold the
	 * partner's own credentials), only their names.
	 */
	static Subscription toFhir(SubscriptionRepository.Stored stored) {
		NewSubscription s = stored.subscription();
		Subscription result = new Subscription();
		result.setId(stored.id().toString());
		result.getMeta().addProfile(PROFILE);
		result.setStatus(SubscriptionStatus.fromCode(stored.status()));
		result.setReason(s.reason());
		result.setCriteria(s.topic().canonical());
		if (s.end() != null) {
			result.setEnd(java.util.Date.from(s.end()));
		}
		if (stored.error() != null) {
			result.setError(stored.error());
		}
		Subscription.SubscriptionChannelComponent channel = result.getChannel()
			.setType(SubscriptionChannelType.RESTHOOK)
			.setEndpoint(s.endpoint())
			.setPayload(FHIR_JSON);
		channel.getPayloadElement().addExtension(PAYLOAD_CONTENT, new CodeType(s.payload()));
		s.headers().forEach(h -> channel.addHeader(h.substring(0, h.indexOf(':')) + ": (not shown)"));
		if (s.heartbeatPeriod() != null) {
			channel.addExtension(HEARTBEAT_PERIOD, new UnsignedIntType(s.heartbeatPeriod()));
		}
		return result;
	}

}
