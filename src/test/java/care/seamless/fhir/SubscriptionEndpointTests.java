package care.seamless.fhir;

import java.time.Instant;

import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which endpoints and channels a subscription may name, without a server. */
class SubscriptionEndpointTests {

	@Test
	void onlyHttpsLeavesTheMachine() {
		assertThat(SubscriptionEndpoint.problem("https://partner.example/hook?x=1", false)).isNull();
		assertThat(SubscriptionEndpoint.problem("HTTPS://partner.example:8443/hook", false)).isNull();
		assertThat(SubscriptionEndpoint.problem("http://partner.example/hook", true)).contains("https");
		assertThat(SubscriptionEndpoint.problem("http://localhost:9000/hook", false)).contains("https");
		assertThat(SubscriptionEndpoint.problem("http://localhost:9000/hook", true)).isNull();
		assertThat(SubscriptionEndpoint.problem("http://127.0.0.1:9000/hook", true)).isNull();
		assertThat(SubscriptionEndpoint.problem("http://[::1]:9000/hook", true)).isNull();
	}

	@Test
	void otherSchemesCredentialsFragmentsAndOddTextAreRefused() {
		for (String url : new String[] { "file:///etc/passwd", "jar:file:/x.jar!/", "ftp://partner.example/",
				"mailto:someone@partner.example", "//partner.example/hook", "/relative/hook",
				"https://user:secret@partner.example/", "https://partner.example/#part", "https://partner.example/a b",
				"https://partner.example/\u0000", "https:///nohost", "", "   " }) {
			assertThat(SubscriptionEndpoint.problem(url, true)).as(url).isNotNull();
		}
		assertThat(SubscriptionEndpoint.problem(null, true)).isNotNull();
		assertThat(SubscriptionEndpoint.problem("https://partner.example/" + "a".repeat(2000), true)).contains("2000");
	}

	@Test
	void channelsWeCannotHonourAreRefusedWithTheirPlace() {
		assertPlace(valid().setCriteria("Patient?name=smith"), "Subscription.criteria");
		Subscription websocket = valid();
		websocket.getChannel().setType(Subscription.SubscriptionChannelType.WEBSOCKET);
		assertPlace(websocket, "Subscription.channel.type");
		Subscription xml = valid();
		xml.getChannel().setPayload("application/fhir+xml");
		assertPlace(xml, "Subscription.channel.payload");
		Subscription host = valid();
		host.getChannel().addHeader("Host: elsewhere.example");
		assertPlace(host, "Subscription.channel.header[0]");
		Subscription many = valid();
		for (int i = 0; i < 6; i++) {
			many.getChannel().addHeader("X-Key-" + i + ": v");
		}
		assertPlace(many, "Subscription.channel.header");
		assertPlace(valid().setEnd(java.util.Date.from(Instant.parse("2020-01-01T00:00:00Z"))), "Subscription.end");
		assertPlace(valid().setStatus(Subscription.SubscriptionStatus.ERROR), "Subscription.status");
		Subscription filtered = valid();
		filtered.getCriteriaElement()
			.addExtension(SubscriptionTranslator.FILTER_CRITERIA,
					new org.hl7.fhir.r4.model.StringType("Patient?_id=1"));
		assertPlace(filtered, "Subscription.criteria.extension");

		NewSubscription ok = SubscriptionTranslator.toNew(valid(), Instant.now(), false);
		assertThat(ok.topic()).isEqualTo(SubscriptionTopic.ADMISSION);
		assertThat(ok.payload()).isEqualTo("id-only");
	}

	private static Subscription valid() {
		Subscription subscription = new Subscription().setStatus(Subscription.SubscriptionStatus.REQUESTED)
			.setReason("Partner feed")
			.setCriteria(SubscriptionTopic.ADMISSION.canonical());
		subscription.getChannel()
			.setType(Subscription.SubscriptionChannelType.RESTHOOK)
			.setEndpoint("https://partner.example/hook")
			.setPayload("application/fhir+json");
		return subscription;
	}

	private static void assertPlace(Subscription subscription, String place) {
		assertThatThrownBy(() -> SubscriptionTranslator.toNew(subscription, Instant.now(), false))
			.isInstanceOfSatisfying(FhirFailure.class, failure -> {
				assertThat(failure.error()).isEqualTo(FhirError.INVALID_RESOURCE);
				assertThat(failure.expression()).isEqualTo(place);
			});
	}

}
