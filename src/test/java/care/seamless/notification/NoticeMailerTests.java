package care.seamless.notification;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeMailerTests {

	private final NoticeMailer mailer = new NoticeMailer(new JavaMailSenderImpl(), messages(), "seamless@example.org",
			"https://seamless.example/");

	@Test
	void everyPlanChangeGetsTheSameGenericWordsAndTheFullLink() {
		String body = mailer.body("careplan.objective_added", "/people/42/care-plan");

		assertThat(body).startsWith("A plan you contribute to has changed. Sign in to Seamless to see it.")
			.contains("\n\nhttps://seamless.example/people/42/care-plan\n\n")
			.isEqualTo(mailer.body("careplan.review_recorded", "/people/42/care-plan"));
	}

	@Test
	void anEscalationSaysAnActionNeedsAttentionAndLinksToTheQueue() {
		assertThat(mailer.body("careplan.action_escalated", "/care-plans/queue"))
			.startsWith("An overdue action in one of your teams needs attention.")
			.contains("https://seamless.example/care-plans/queue");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages/notification");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
