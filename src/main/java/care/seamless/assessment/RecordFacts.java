package care.seamless.assessment;

import care.seamless.assessment.AnswerRepository.AnswerRow;
import care.seamless.assessment.AssessmentRepository.SectionRow;
import care.seamless.consent.AccessPolicy;
import care.seamless.person.RecordOffer;
import care.seamless.person.RecordOffers;
import care.seamless.shared.Actor;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.terminology.Audience;
import care.seamless.terminology.Terminology;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Answers that belong on the person's record, offered back when an assessment is
 * completed: by reuse key, so any instrument asking the same question offers it. The
 * practitioner confirms each on the record; nothing changes the record by itself.
 */
@Component
class RecordFacts {

	static final Map<String, RecordOffer.Field> BY_REUSE_KEY = Map.of("person.preferred-name",
			RecordOffer.Field.PREFERRED_NAME, "communication.needs", RecordOffer.Field.COMMUNICATION_NEEDS,
			"communication.language", RecordOffer.Field.LANGUAGE, "household.lives-alone",
			RecordOffer.Field.LIVES_ALONE, "carer.has-unpaid-carer", RecordOffer.Field.HAS_CARER);

	private final AnswerRepository answers;

	private final AssessmentRepository repository;

	private final AccessPolicy accessPolicy;

	private final Provenance provenance;

	private final Terminology terminology;

	private final RecordOffers offers;

	RecordFacts(AnswerRepository answers, AssessmentRepository repository, AccessPolicy accessPolicy,
			Provenance provenance, Terminology terminology, RecordOffers offers) {
		this.answers = answers;
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.provenance = provenance;
		this.terminology = terminology;
		this.offers = offers;
	}

	/**
	 * Offers the episode's latest answer to each such question, as the completer sees it.
	 */
	void offer(Actor actor, PersonId person, EpisodeId episode) {
		Map<UUID, SectionRow> sections = repository.sections(episode.id())
			.stream()
			.collect(Collectors.toMap(SectionRow::id, (s) -> s));
		Map<RecordOffer.Field, RecordOffer.New> latest = new LinkedHashMap<>();
		for (AnswerRow answer : answers.episodeAnswers(episode.id(), AnswerRepository.Sight.of(accessPolicy, actor))) {
			RecordOffer.Field field = (answer.reuseKey() != null) ? BY_REUSE_KEY.get(answer.reuseKey()) : null;
			if (field == null || answer.value().isBlank()) {
				continue;
			}
			SectionRow section = sections.get(answer.sectionRowId());
			String label = provenance.instrument(section.instrumentId(), section.instrumentVersion()).title();
			RecordOffer.New offer = new RecordOffer.New(field, words(field, answer.value()), episode.id(), answer.id(),
					label, answer.recordedByName(), new OrganisationId(answer.organisationId()), answer.recordedAt());
			RecordOffer.New earlier = latest.get(field);
			if (earlier == null || earlier.recordedAt().isBefore(offer.recordedAt())) {
				latest.put(field, offer);
			}
		}
		offers.offer(actor, person, List.copyOf(latest.values()));
	}

	/** Communication needs go on the record in words, as the record is read by anyone. */
	private String words(RecordOffer.Field field, String value) {
		if (field != RecordOffer.Field.COMMUNICATION_NEEDS) {
			return value;
		}
		return Arrays.stream(value.split(","))
			.map((code) -> terminology.display(code, Audience.SOCIAL_CARE))
			.collect(Collectors.joining("; "));
	}

}
