package care.seamless.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.Section;
import care.seamless.notification.MailFixtures.MailPartnership;
import care.seamless.notification.NoticeEmailRepository.EmailState;
import care.seamless.notification.NoticeEmailRepository.EmailState.Status;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * E-mail through a real SMTP server (GreenMail) in this JVM. Every mail test lives in
 * this class: the mail host makes it a second Spring context, and one is enough.
 */
@SeamlessTest
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "seamless.notification.mail.poll=PT0.2S",
		"seamless.notification.mail.base-url=https://seamless.example/" })
class NoticeEmailsTests {

	static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		smtp.start();
	}

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Autowired
	MailFixtures fixtures;

	@Autowired
	CarePlans carePlans;

	@Autowired
	Notifications notifications;

	@Autowired
	NoticeEmails emails;

	@Autowired
	NoticeEmailRepository outbox;

	@Autowired
	JavaMailSenderImpl sender;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MockMvc mvc;

	@Test
	void aPlanChangeBySocialWorkerEmailsTheDistrictNurseAndNamesNobody() throws Exception {
		MailPartnership p = fixtures.partnership();
		carePlans.start(p.socialWorker().actor(), p.person(), null);

		carePlans.addObjective(p.socialWorker().actor(), p.person(), CarePlanFixtures
			.objective("Leg ulcer healed by spring", Section.HEALTH, Set.of(p.council(), p.trust(), p.charity())));

		await().until(() -> !mailTo(p.nurseEmail()).isEmpty());
		MimeMessage mail = mailTo(p.nurseEmail()).get(0);
		String whole = GreenMailUtil.getWholeMessage(mail);
		assertThat(mail.getSubject()).isEqualTo("Seamless: something has changed");
		assertThat(GreenMailUtil.getBody(mail)).contains("A plan you contribute to has changed. Sign in to Seamless")
			.contains("https://seamless.example/people/" + p.person() + "/care-plan");
		assertThat(whole).doesNotContain(p.familyName())
			.doesNotContain(p.givenName())
			.doesNotContain(p.nhsNumber())
			.doesNotContain(p.nhsNumber().substring(0, 3) + " " + p.nhsNumber().substring(3, 6))
			.doesNotContain("Leg ulcer");
		assertThat(mailTo(p.socialWorkerEmail())).as("the author is not told of their own change").isEmpty();
		Notice nurseNotice = notifications.inbox(p.nurse().actor()).get(0);
		await().untilAsserted(() -> assertThat(outbox.state(nurseNotice.id())).get()
			.extracting(EmailState::status)
			.isEqualTo(Status.SENT));
		await().until(() -> !notifications.inbox(p.supportWorker().actor()).isEmpty());
		Notice withoutAddress = notifications.inbox(p.supportWorker().actor()).get(0);
		assertThat(outbox.state(withoutAddress.id())).as("no e-mail for a practitioner without an address").isEmpty();
	}

	@Test
	void aChangeThatRolledBackSendsNothing() {
		MailPartnership p = fixtures.partnership();
		carePlans.start(p.socialWorker().actor(), p.person(), null);

		transactions.executeWithoutResult((tx) -> {
			carePlans.addObjective(p.socialWorker().actor(), p.person(),
					CarePlanFixtures.objective("Rolled back objective", Section.HEALTH, Set.of(p.trust())));
			tx.setRollbackOnly();
		});
		carePlans.addObjective(p.socialWorker().actor(), p.person(),
				CarePlanFixtures.objective("Committed objective", Section.HEALTH, Set.of(p.trust())));

		await().untilAsserted(() -> assertThat(notifications.inbox(p.nurse().actor())).extracting(Notice::kind)
			.contains("careplan.objective_added"));
		List<Notice> notices = notifications.inbox(p.nurse().actor());
		await().until(() -> mailTo(p.nurseEmail()).size() == notices.size());
		assertThat(notices).extracting(Notice::kind).containsOnlyOnce("careplan.objective_added");
		await()
			.untilAsserted(() -> assertThat(notices).allSatisfy((notice) -> assertThat(outbox.state(notice.id())).get()
				.extracting(EmailState::status)
				.isEqualTo(Status.SENT)));
	}

	@Test
	void aFailedSendIsRecordedAndRetriedWithoutUndoingTheChange() throws Exception {
		MailPartnership p = fixtures.partnership();
		carePlans.start(p.socialWorker().actor(), p.person(), null);
		int smtpPort = sender.getPort();
		// Synchronised because the sending thread reads the port under the same lock.
		synchronized (sender) {
			sender.setPort(closedPort());
		}
		Notice notice;
		try {
			carePlans.addObjective(p.socialWorker().actor(), p.person(),
					CarePlanFixtures.objective("Sent later", Section.HEALTH, Set.of(p.trust())));
			await().until(() -> !notifications.inbox(p.nurse().actor()).isEmpty());
			notice = notifications.inbox(p.nurse().actor()).get(0);
			await().until(() -> outbox.state(notice.id()).orElseThrow().attempts() == 1);
		}
		finally {
			synchronized (sender) {
				sender.setPort(smtpPort);
			}
		}
		EmailState failed = outbox.state(notice.id()).orElseThrow();
		assertThat(failed.status()).as("kept for another try").isEqualTo(Status.PENDING);
		assertThat(failed.lastError()).isEqualTo("org.springframework.mail.MailSendException");
		assertThat(failed.nextAttemptAt()).isAfter(Instant.now().plusSeconds(30));
		assertThat(mailTo(p.nurseEmail())).isEmpty();
		assertThat(carePlans.plan(p.socialWorker().actor(), p.person()).orElseThrow().toString())
			.as("the change stands")
			.contains("Sent later");

		assertThat(emails.sendDue(Instant.now().plus(Duration.ofMinutes(2)))).isPositive();

		EmailState sent = outbox.state(notice.id()).orElseThrow();
		assertThat(sent.status()).isEqualTo(Status.SENT);
		assertThat(sent.attempts()).isEqualTo(2);
		assertThat(sent.sentAt()).isNotNull();
		assertThat(mailTo(p.nurseEmail())).hasSize(1);
	}

	@Test
	void theInboxSaysWhetherNoticesAreAlsoEmailed() throws Exception {
		MailPartnership p = fixtures.partnership();

		mvc.perform(get("/notifications").with(httpBasic(p.nurse().username(), Fixtures.PASSWORD)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"inbox-email-on\"")));
		mvc.perform(get("/notifications").with(httpBasic(p.supportWorker().username(), Fixtures.PASSWORD)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"inbox-email-none\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("no e-mail address")));
	}

	private static List<MimeMessage> mailTo(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((mail) -> addressedTo(mail, address)).toList();
	}

	private static boolean addressedTo(MimeMessage mail, String address) {
		try {
			return Arrays.stream(mail.getRecipients(RecipientType.TO))
				.anyMatch((to) -> to.toString().equalsIgnoreCase(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
