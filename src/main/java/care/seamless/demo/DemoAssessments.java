package care.seamless.demo;

import care.seamless.assessment.AnswerSource;
import care.seamless.assessment.AssessmentSummaries;
import care.seamless.assessment.Assessments;
import care.seamless.assessment.EpisodeId;
import care.seamless.assessment.SectionState;
import care.seamless.assessment.instrument.Stage;
import care.seamless.person.People;
import care.seamless.person.PersonSummary;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import care.seamless.shared.Purpose;
import care.seamless.team.Account;
import care.seamless.team.Directory;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo assessments: a district nurse and a social worker sharing overviews for people
 * both look after, one with the person disagreeing, so every assessment screen has
 * something to show.
 */
@Component
@ConditionalOnBooleanProperty("seamless.demo")
class DemoAssessments {

	private static final List<String> OWN_WORDS = List.of(
			"Since my fall I'm scared of the stairs. I want to stay in my own home.",
			"I manage most days but bathing is the hard part now.",
			"My daughter helps at weekends but she works all week.",
			"I get muddled with my tablets and I don't want to be a bother.",
			"I'd like to get out to the lunch club again.");

	private static final int ASSESSED = 5;

	private final Assessments assessments;

	private final AssessmentSummaries summaries;

	private final People people;

	private final Directory directory;

	DemoAssessments(Assessments assessments, AssessmentSummaries summaries, People people, Directory directory) {
		this.assessments = assessments;
		this.summaries = summaries;
		this.people = people;
		this.directory = directory;
	}

	@EventListener
	void load(DemoLoaded loaded) {
		Actor nurse = actor("nina.patel");
		Actor socialWorker = actor("sam.jones");
		Set<PersonId> social = new HashSet<>(
				people.caseload(socialWorker, 1).people().stream().map(PersonSummary::id).toList());
		List<PersonId> shared = people.caseload(nurse, 1)
			.people()
			.stream()
			.map(PersonSummary::id)
			.filter(social::contains)
			.limit(ASSESSED)
			.toList();
		for (int i = 0; i < shared.size(); i++) {
			assess(nurse, socialWorker, shared.get(i), i);
		}
	}

	private void assess(Actor nurse, Actor socialWorker, PersonId person, int i) {
		EpisodeId episode = assessments.open(nurse, person, Stage.OVERVIEW);
		save(nurse, person, episode, "users-perspective", AnswerSource.PERSON, Map.of("own-words",
				OWN_WORDS.get(i % OWN_WORDS.size()), "what-matters", "Staying independent at home"));
		save(nurse, person, episode, "clinical-background", AnswerSource.OBSERVATION,
				Map.of("fallen-last-year", (i % 2 == 0) ? "yes" : "no", "medicines-count", Integer.toString(4 + i)));
		save(nurse, person, episode, "personal-care", AnswerSource.PERSON,
				Map.of("washing", "1", "dressing", "1", "mobility-indoors", "2"));
		if (i % 2 == 1) {
			return;
		}
		save(socialWorker, person, episode, "home", AnswerSource.OBSERVATION,
				Map.of("home-tasks", "d640,d630", "home-suitable", "no"));
		if (i == 0) {
			var finding = assessments.section(socialWorker, person, episode, "sap-overview", "home")
				.answers()
				.get("home-tasks");
			summaries.recordDisagreement(socialWorker, person, episode, finding.id(), AnswerSource.PERSON, null,
					"I can still make my own meals, it's just the cleaning I struggle with.");
		}
		// Completing needs safety and mental health screened and every other domain
		// assessed or marked not relevant.
		save(nurse, person, episode, "safety", AnswerSource.OBSERVATION, Map.of("safeguarding-concern", "no"));
		save(nurse, person, episode, "mental-health", AnswerSource.PERSON, Map.of("memory-concern", "no"));
		for (SectionState section : assessments.episode(nurse, person, episode).sections()) {
			if (section.status() == care.seamless.assessment.SectionStatus.NOT_STARTED) {
				assessments.markNotRelevant(nurse, person, episode, section.instrument().id(), section.section().id(),
						section.version(), "Not raised by the person or by us at this assessment");
			}
			if (section.status() == care.seamless.assessment.SectionStatus.IN_PROGRESS) {
				Actor author = section.section().id().equals("home") ? socialWorker : nurse;
				assessments.signSection(author, person, episode, section.instrument().id(), section.section().id(),
						section.version());
			}
		}
		assessments.complete(nurse, person, episode, assessments.episode(nurse, person, episode).episode().version(),
				true);
	}

	private void save(Actor actor, PersonId person, EpisodeId episode, String section, AnswerSource source,
			Map<String, String> answers) {
		long version = assessments.section(actor, person, episode, "sap-overview", section).state().version();
		assessments.saveSection(actor, person, episode, "sap-overview", section, version, source, answers);
	}

	private Actor actor(String username) {
		Account account = directory.accountForSignIn(username).orElseThrow();
		return new Actor(account.id(), username, account.practitionerId(), account.organisationId(),
				account.organisationCode(), account.roles(), Purpose.DIRECT_CARE);
	}

}
