package care.seamless.notification;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Writes and sends one notice e-mail. Its words depend only on the kind of notice and the
 * link: e-mail leaves the partnership's systems, so it says nothing about the person or
 * the change, only that there is something to see after signing in.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class NoticeMailer {

	private final JavaMailSender sender;

	private final MessageSource messages;

	private final String from;

	private final String baseUrl;

	NoticeMailer(JavaMailSender sender, MessageSource messages,
			@Value("${seamless.notification.mail.from:no-reply@localhost}") String from,
			@Value("${seamless.notification.mail.base-url:}") String baseUrl) {
		this.sender = sender;
		this.messages = messages;
		this.from = from;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	void send(String to, String kind, String link) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(to);
		message.setSubject(messages.getMessage("mail.notice.subject", null, Locale.UK));
		message.setText(body(kind, link));
		sender.send(message);
	}

	String body(String kind, String link) {
		String generic = messages.getMessage("mail.notice.body", new Object[] { baseUrl + link }, Locale.UK);
		return messages.getMessage("mail.notice.body." + kind, new Object[] { baseUrl + link }, generic, Locale.UK);
	}

}
