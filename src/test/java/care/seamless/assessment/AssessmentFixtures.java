package care.seamless.assessment;

import java.util.Map;

import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;

/**
 * Brings an overview assessment to where it may be completed: safety and mental health
 * screened and signed by {@code actor}, sections they started signed, and every other
 * domain not yet started marked not relevant.
 */
public final class AssessmentFixtures {

	private AssessmentFixtures() {
	}

	public static void readyToComplete(Assessments assessments, Actor actor, PersonId person, EpisodeId episode) {
		screen(assessments, actor, person, episode, "safety", Map.of("safeguarding-concern", "false"));
		screen(assessments, actor, person, episode, "mental-health", Map.of("memory-concern", "false"));
		for (SectionState section : assessments.episode(actor, person, episode).sections()) {
			if (section.status() == SectionStatus.NOT_STARTED && "sap-overview".equals(section.instrument().id())) {
				assessments.markNotRelevant(actor, person, episode, section.instrument().id(), section.section().id(),
						section.version(), "Nothing raised in this domain");
			}
			if (section.signableBy(actor.practitionerId().id())) {
				assessments.signSection(actor, person, episode, section.instrument().id(), section.section().id(),
						section.version());
			}
		}
	}

	private static void screen(Assessments assessments, Actor actor, PersonId person, EpisodeId episode, String section,
			Map<String, String> answers) {
		SectionState state = assessments.section(actor, person, episode, "sap-overview", section).state();
		if (state.status() != SectionStatus.NOT_STARTED) {
			return;
		}
		assessments.saveSection(actor, person, episode, "sap-overview", section, state.version(),
				AnswerSource.OBSERVATION, answers);
		long version = assessments.section(actor, person, episode, "sap-overview", section).state().version();
		assessments.signSection(actor, person, episode, "sap-overview", section, version);
	}

}
