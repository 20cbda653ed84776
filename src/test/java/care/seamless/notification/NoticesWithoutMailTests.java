package care.seamless.notification;

import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.Section;
import care.seamless.notification.MailFixtures.MailPartnership;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.MailSender;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The usual test context, with no {@code spring.mail.host}: the inbox alone. */
@SeamlessTest
class NoticesWithoutMailTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MailFixtures fixtures;

	@Autowired
	CarePlans carePlans;

	@Autowired
	Notifications notifications;

	@Autowired
	NoticeEmailRepository outbox;

	@Autowired
	MockMvc mvc;

	@Test
	void withoutAMailHostNothingNeedsOrTriesAMailServer() throws Exception {
		assertThat(context.getBeanNamesForType(MailSender.class)).isEmpty();
		assertThat(context.getBeanNamesForType(NoticeEmails.class)).isEmpty();
		assertThat(context.getBeanNamesForType(NoticeMailer.class)).isEmpty();
		MailPartnership p = fixtures.partnership();
		carePlans.start(p.socialWorker().actor(), p.person(), null);

		carePlans.addObjective(p.socialWorker().actor(), p.person(),
				CarePlanFixtures.objective("Leg ulcer healed", Section.HEALTH, Set.of(p.trust())));

		await().until(() -> !notifications.inbox(p.nurse().actor()).isEmpty());
		assertThat(outbox.state(notifications.inbox(p.nurse().actor()).get(0).id())).isEmpty();
		assertThat(notifications.emailDelivery(p.nurse().actor())).isEqualTo(EmailDelivery.OFF);
		mvc.perform(get("/notifications").with(httpBasic(p.supportWorker().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("inbox-email-"))));
	}

}
