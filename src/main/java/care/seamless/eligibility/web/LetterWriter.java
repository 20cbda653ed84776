package care.seamless.eligibility.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import care.seamless.eligibility.ConditionResult;
import care.seamless.eligibility.Determination;
import care.seamless.eligibility.DeterminationKind;
import care.seamless.eligibility.Facts;
import care.seamless.eligibility.Letter;
import care.seamless.eligibility.Outcome;
import care.seamless.eligibility.WellbeingArea;
import care.seamless.team.OrganisationContact;
import care.seamless.eligibility.web.LetterText.Section;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the person's letter in plain English from the message bundle: what we looked at,
 * what we decided and why, what they need help with, what happens next and how to
 * disagree.
 */
@Component
class LetterWriter {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final MessageSource messages;

	LetterWriter(MessageSource messages) {
		this.messages = messages;
	}

	LetterText write(Letter letter) {
		Determination d = letter.determination();
		String kind = d.kind().name();
		String recorded = DATE.format(d.recordedAt().atZone(LONDON));
		List<Section> sections = new ArrayList<>();
		sections.add(Section.of(text("letter.about"), List.of(intro(d, recorded))));
		sections.add(new Section(text("letter.lookedAt"), List.of(),
				numbered("letter.lookedAt." + kind, d.kind() == DeterminationKind.FACS ? 1 : 3)));
		sections.add(Section.of(text("letter.decided"), List.of(decision(d))));
		if (!d.kind().historic()) {
			sections.add(new Section(text("letter.why"), List.of(), why(d)));
		}
		List<Outcome> unable = d.outcomesNotAchieved();
		if (!unable.isEmpty()) {
			sections.add(new Section(text("letter.help"), List.of(text("letter.help.intro")),
					unable.stream().map(this::addressed).toList()));
		}
		if (d.personView() != null) {
			sections.add(Section.of(text("letter.view"), List.of("“" + d.personView() + "”")));
		}
		sections.add(Section.of(text("letter.notes", d.practitionerName()), List.of(d.rationale())));
		sections.add(Section.of(text("letter.next"), List.of(next(d))));
		sections.add(Section.of(text("letter.disagree"),
				numbered("letter.disagree", 4, d.practitionerName(), d.organisationName())));
		sections.add(contact(letter));
		List<String> address = new ArrayList<>();
		address.add(letter.name());
		address.addAll(letter.address());
		return new LetterText(text("letter.title." + kind), recorded, text("letter.reference", letter.reference()),
				address, text("letter.dear", letter.greeting()), sections,
				List.of(text("letter.signOff"), d.practitionerName(),
						messages.getMessage("profession." + d.profession().name(), null,
								d.profession().name().replace('_', ' ').toLowerCase(Locale.UK), Locale.UK),
						d.organisationName()),
				missing(letter.contact()));
	}

	/** How to reach the organisation that decided, and the reference to quote. */
	private Section contact(Letter letter) {
		OrganisationContact contact = letter.contact();
		List<String> lines = new ArrayList<>();
		if (contact.telephone() != null) {
			lines.add(text("letter.contact.telephone", contact.telephone()));
		}
		if (contact.email() != null) {
			lines.add(text("letter.contact.email", contact.email()));
		}
		if (!contact.address().isEmpty()) {
			lines.add(text("letter.contact.address",
					contact.organisationName() + ", " + String.join(", ", contact.address())));
		}
		return new Section(text("letter.contact"),
				List.of(text("letter.contact.intro", contact.organisationName(), letter.reference())), lines);
	}

	private List<String> missing(OrganisationContact contact) {
		List<String> missing = new ArrayList<>();
		if (contact.telephone() == null) {
			missing.add(text("letter.missing.telephone", contact.organisationName()));
		}
		if (contact.email() == null) {
			missing.add(text("letter.missing.email", contact.organisationName()));
		}
		if (contact.address().isEmpty()) {
			missing.add(text("letter.missing.address", contact.organisationName()));
		}
		return missing;
	}

	private String intro(Determination d, String recorded) {
		if (d.kind() == DeterminationKind.FACS) {
			return text("letter.intro.FACS", DATE.format(d.facts().historicDecisionDate()), d.practitionerName(),
					d.organisationName(), recorded);
		}
		return text("letter.intro." + d.kind().name(), recorded, d.practitionerName(), d.organisationName());
	}

	private String decision(Determination d) {
		Facts facts = d.facts();
		if (d.kind() == DeterminationKind.FACS) {
			return text("letter.decided.FACS." + d.eligible(), text("letter.band." + facts.band()),
					text("letter.band." + facts.threshold()));
		}
		return text("letter.decided." + d.kind().name() + "." + d.eligible());
	}

	private List<String> why(Determination d) {
		List<ConditionResult> conditions = d.explanation().conditions();
		String kind = d.kind().name();
		Facts facts = d.facts();
		List<String> reasons = new ArrayList<>();
		reasons.add(text("letter.why." + kind + ".1." + conditions.get(0).met()));
		if (d.kind() == DeterminationKind.ADULT) {
			reasons.add(text("letter.why.ADULT.2", facts.counted().size()));
		}
		else if (conditions.get(1).met()) {
			if (Boolean.TRUE.equals(facts.healthAtRisk())) {
				reasons.add(text("letter.why.CARER.2.health"));
			}
			if (!facts.counted().isEmpty()) {
				reasons.add(text("letter.why.CARER.2.outcomes", facts.counted().size()));
			}
		}
		else {
			reasons.add(text("letter.why.CARER.2.false"));
		}
		reasons.add(conditions.get(2).met() ? text("letter.why.wellbeing.true", areas(facts))
				: text("letter.why.wellbeing.false"));
		return reasons;
	}

	private String next(Determination d) {
		return d.kind() == DeterminationKind.FACS ? text("letter.next.FACS")
				: text("letter.next." + d.kind().name() + "." + d.eligible());
	}

	private String areas(Facts facts) {
		return facts.wellbeing()
			.stream()
			.sorted()
			.map(a -> messages.getMessage("letter.wellbeing." + a.name(), null, a.plainEnglish(), Locale.UK))
			.map(LetterWriter::lowerFirst)
			.collect(Collectors.joining("; "));
	}

	/**
	 * An outcome in words addressed to the person: the plain-English wording is written
	 * in the person's own voice ("my home"), which a letter to them must not use.
	 */
	private String addressed(Outcome outcome) {
		return messages.getMessage("letter.outcome." + outcome.code(), null, outcome.plainEnglish(), Locale.UK);
	}

	private static String lowerFirst(String text) {
		return text.substring(0, 1).toLowerCase(Locale.UK) + text.substring(1);
	}

	private List<String> numbered(String prefix, int count, Object... args) {
		List<String> lines = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			lines.add(text(prefix + "." + i, args));
		}
		return lines;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, Locale.UK);
	}

}
