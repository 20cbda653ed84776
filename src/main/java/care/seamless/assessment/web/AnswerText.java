package care.seamless.assessment.web;

import care.seamless.assessment.instrument.Question;
import care.seamless.shared.Actor;
import care.seamless.team.Directory;
import care.seamless.terminology.Audience;
import care.seamless.terminology.IcfQualifier;
import care.seamless.terminology.Terms;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Shows stored answers in the viewer's words: coded answers as their profession's term,
 * or plain English for the person. Templates call it as {@code @answerText}.
 */
@Component("answerText")
public class AnswerText {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", Locale.UK);

	private final Terms terms;

	private final Directory directory;

	private final org.springframework.context.MessageSource messages;

	AnswerText(Terms terms, Directory directory, org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.terms = terms;
		this.directory = directory;
	}

	public String of(Question question, String value, Audience audience) {
		return switch (question.type()) {
			case TEXT, INTEGER -> value;
			case BOOLEAN -> Boolean.parseBoolean(value) ? "Yes" : "No";
			case DATE -> DAY.format(java.time.LocalDate.parse(value));
			case CODED, CODED_MULTIPLE ->
				Arrays.stream(value.split(",")).map((code) -> term(code, audience)).collect(Collectors.joining("; "));
			case SCALE_ICF -> IcfQualifier.fromValue(Integer.parseInt(value))
				.map((qualifier) -> qualifier.label(audience))
				.orElse(value);
		};
	}

	public String term(String code, Audience audience) {
		return this.terms.display(code, audience);
	}

	public String question(Question question, Audience audience) {
		return (audience == Audience.PERSON) ? question.plainText() : question.text();
	}

	public String scale(IcfQualifier qualifier, Audience audience) {
		return qualifier.label(audience);
	}

	public IcfQualifier[] scales() {
		return IcfQualifier.values();
	}

	/** The professions that may complete a section, in their on-screen names, sorted. */
	public java.util.List<String> professions(care.seamless.assessment.instrument.Section section) {
		return section.professions()
			.stream()
			.map((profession) -> this.messages.getMessage("profession." + profession.name(), null, profession.code(),
					Locale.UK))
			.sorted()
			.toList();
	}

	public String when(Instant instant) {
		return WHEN.format(instant.atZone(LONDON));
	}

	public String day(Instant instant) {
		return DAY.format(instant.atZone(LONDON));
	}

	/** The audience for a signed-in practitioner; others read social care terms. */
	Audience audienceOf(Actor actor) {
		return Audience.forReader(this.directory.professionOf(actor));
	}

}
