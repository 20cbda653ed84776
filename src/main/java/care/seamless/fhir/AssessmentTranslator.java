package care.seamless.fhir;

import java.util.Date;
import java.util.List;
import java.util.Map;

import care.seamless.assessment.Answer;
import care.seamless.assessment.Episode;
import care.seamless.assessment.SectionState;
import care.seamless.assessment.SectionStatus;
import care.seamless.assessment.instrument.AnswerType;
import care.seamless.assessment.instrument.Instrument;
import care.seamless.assessment.instrument.Question;
import care.seamless.assessment.instrument.Section;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * The assessment instruments (Questionnaire, one per version, never changed once
 * published) and the answers given in them (QuestionnaireResponse, one per section of an
 * assessment, as that section is signed by one practitioner).
 */
final class AssessmentTranslator {

	static final String UK_CORE_QUESTIONNAIRE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Questionnaire";

	static final String UK_CORE_QUESTIONNAIRE_RESPONSE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-QuestionnaireResponse";

	static final String CONCEPT = "https://seamless.care/fhir/CodeSystem/concept";

	static final String ICF_QUALIFIER = "https://seamless.care/fhir/CodeSystem/icf-qualifier";

	static final String BASE = "https://seamless.care/fhir/Questionnaire/";

	private static final List<String> QUALIFIERS = List.of("0", "1", "2", "3", "4", "8", "9");

	private AssessmentTranslator() {
	}

	/** The id of an instrument's version: its id and version joined by "-v". */
	static String id(Instrument instrument) {
		return instrument.id() + "-v" + instrument.version();
	}

	static Questionnaire questionnaire(Instrument instrument, boolean latest) {
		Questionnaire result = new Questionnaire();
		result.setId(id(instrument));
		result.getMeta().addProfile(UK_CORE_QUESTIONNAIRE);
		result.setUrl(BASE + instrument.id());
		result.setVersion(Integer.toString(instrument.version()));
		result.setName(instrument.id().replaceAll("[^A-Za-z0-9]", "_"));
		result.setTitle(instrument.title());
		// An older version stays readable for the assessments answered in it.
		result.setStatus(latest ? Enumerations.PublicationStatus.ACTIVE : Enumerations.PublicationStatus.RETIRED);
		result.setDescription(instrument.description());
		result.addSubjectType("Patient");
		for (Section section : instrument.sections()) {
			Questionnaire.QuestionnaireItemComponent group = result.addItem()
				.setLinkId(groupLinkId(section))
				.setText(section.title())
				.setType(Questionnaire.QuestionnaireItemType.GROUP);
			for (Question question : section.questions()) {
				Questionnaire.QuestionnaireItemComponent item = group.addItem()
					.setLinkId(question.id())
					.setText(question.text())
					.setType(type(question.type()))
					.setRequired(question.required());
				if (question.type() == AnswerType.CODED_MULTIPLE) {
					item.setRepeats(true);
				}
				if (question.type().isCoded()) {
					question.options().forEach(o -> item.addAnswerOption().setValue(new Coding(CONCEPT, o, null)));
				}
				else if (question.type() == AnswerType.SCALE_ICF) {
					QUALIFIERS.forEach(q -> item.addAnswerOption().setValue(new Coding(ICF_QUALIFIER, q, null)));
				}
			}
		}
		return result;
	}

	/**
	 * A section's link id: its id can equal a question's, and link ids must be unique in
	 * a questionnaire.
	 */
	static String groupLinkId(Section section) {
		return "section/" + section.id();
	}

	private static Questionnaire.QuestionnaireItemType type(AnswerType type) {
		return switch (type) {
			case TEXT -> Questionnaire.QuestionnaireItemType.TEXT;
			case BOOLEAN -> Questionnaire.QuestionnaireItemType.BOOLEAN;
			case INTEGER -> Questionnaire.QuestionnaireItemType.INTEGER;
			case DATE -> Questionnaire.QuestionnaireItemType.DATE;
			case CODED, CODED_MULTIPLE, SCALE_ICF -> Questionnaire.QuestionnaireItemType.CHOICE;
		};
	}

	/** One section's answers, as signed (completed) or still being written. */
	static QuestionnaireResponse response(Episode episode, SectionState state, Map<String, Answer> answers) {
		QuestionnaireResponse result = new QuestionnaireResponse();
		result.setId(ItemIds.of(episode.personId(), state.rowId()));
		result.getMeta().setVersionId(Long.toString(state.version())).addProfile(UK_CORE_QUESTIONNAIRE_RESPONSE);
		if (state.updatedAt() != null) {
			result.getMeta().setLastUpdated(Date.from(state.updatedAt()));
		}
		result.setQuestionnaire(BASE + state.instrument().id() + "|" + state.instrument().version());
		result.setStatus(
				state.status() == SectionStatus.SIGNED ? QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED
						: QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
		result.setSubject(RecordTranslator.patient(episode.personId()));
		if (state.signedAt() != null || state.updatedAt() != null) {
			result.setAuthored(Date.from(state.signedAt() != null ? state.signedAt() : state.updatedAt()));
		}
		if (state.authorId() != null) {
			result.setAuthor(DirectoryTranslator.practitionerReference(state.authorId().toString(),
					state.authorName() + " (" + state.authorOrganisation() + ")"));
		}
		QuestionnaireResponse.QuestionnaireResponseItemComponent group = result.addItem()
			.setLinkId(groupLinkId(state.section()))
			.setText(state.section().title());
		for (Question question : state.section().questions()) {
			Answer answer = answers.get(question.id());
			if (answer == null || answer.value().isBlank()) {
				continue;
			}
			QuestionnaireResponse.QuestionnaireResponseItemComponent item = group.addItem()
				.setLinkId(question.id())
				.setText(question.text());
			for (Type value : values(question.type(), answer.value())) {
				item.addAnswer().setValue(value);
			}
		}
		return result;
	}

	private static List<Type> values(AnswerType type, String value) {
		return switch (type) {
			case TEXT -> List.of(new StringType(value));
			case BOOLEAN -> List.of(new BooleanType(Boolean.parseBoolean(value)));
			case INTEGER -> List.of(new IntegerType(Integer.parseInt(value)));
			case DATE -> List.of(new DateType(value));
			case CODED,
					CODED_MULTIPLE ->
				java.util.Arrays.stream(value.split(","))
					.map(String::trim)
					.filter(c -> !c.isEmpty())
					.<Type>map(c -> new Coding(CONCEPT, c, null))
					.toList();
			case SCALE_ICF -> List.of(new Coding(ICF_QUALIFIER, value, null));
		};
	}

}
