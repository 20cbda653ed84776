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
				.map((qualifier) -> scaleWords(qualifier, audience))
				.orElse(value);
		};
	}

	/**
	 * A shipped instrument's title in plain words where its own title is professional
	 * shorthand ("SAP contact assessment"); an imported instrument keeps its own.
	 */
	public String title(care.seamless.assessment.instrument.Instrument instrument) {
		return this.messages.getMessage("instrument.title." + instrument.id(), null, instrument.title(), Locale.UK);
	}

	/** A section's title in plain words where one is set, else its own. */
	public String title(care.seamless.assessment.instrument.Section section) {
		return this.messages.getMessage("section.title." + section.id(), null, section.title(), Locale.UK);
	}

	/** ICF's words for a level, without WHO's percentage band (see {@link #band}). */
	public String scaleWords(IcfQualifier qualifier, Audience audience) {
		return qualifier.label(audience).replaceFirst("\\s*\\(\\d+-\\d+%\\)$", "");
	}

	/**
	 * The code behind a level, for a practitioner who wants it: "ICF qualifier 2,
	 * 25-49%". The person is not shown it.
	 */
	public String band(IcfQualifier qualifier, Audience audience) {
		if (audience == Audience.PERSON) {
			return "";
		}
		java.util.regex.Matcher band = java.util.regex.Pattern.compile("\\((\\d+-\\d+%)\\)$")
			.matcher(qualifier.label());
		return this.messages.getMessage(band.find() ? "assessment.scale.code" : "assessment.scale.codeOnly",
				new Object[] { qualifier.value(), band.find(0) ? band.group(1) : "" }, Locale.UK);
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
