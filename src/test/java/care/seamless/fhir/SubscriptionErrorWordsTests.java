package care.seamless.fhir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The words a subscription's owner reads when sending failed: what happened, with the
 * wait where there was one, and never a Java class name or the exception's own message.
 */
class SubscriptionErrorWordsTests {

	@Test
	void eachFailureIsSaidInPlainWords() {
		assertThat(SubscriptionSender.answered(500)).isEqualTo("The partner's endpoint answered 500.");
		assertThat(SubscriptionSender.failure(new ConnectException("Connection refused")))
			.isEqualTo("The partner's endpoint could not be reached.");
		assertThat(SubscriptionSender.failure(new HttpConnectTimeoutException("HTTP connect timed out")))
			.isEqualTo("The partner's endpoint could not be reached: it timed out after 5 seconds.");
		assertThat(SubscriptionSender.failure(new HttpTimeoutException("request timed out")))
			.isEqualTo("The partner's endpoint did not answer: it timed out after 10 seconds.");
		assertThat(SubscriptionSender.failure(new TimeoutException()))
			.isEqualTo("The partner's endpoint did not finish answering: it timed out after 20 seconds.");
	}

	@Test
	void noFailureShowsAClassNameOrTheExceptionsMessage() {
		for (Throwable failure : List.of(new ConnectException("secret.internal:8443"),
				new IOException("HTTP/1.1 header parser received no bytes"), new UnresolvedAddressException(),
				new IllegalArgumentException("bad uri \u0000"), new InterruptedException("stop"),
				new HttpConnectTimeoutException("x"), new HttpTimeoutException("y"), new TimeoutException("z"))) {
			assertThat(SubscriptionSender.failure(failure)).as(failure.toString())
				.endsWith(".")
				.doesNotContain("java.")
				.doesNotContain("Exception")
				.doesNotContain("secret")
				.doesNotContain("\u0000")
				.doesNotContain(String.valueOf(failure.getMessage()));
		}
	}

}
