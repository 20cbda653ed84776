package care.seamless.assessment;

import care.seamless.assessment.instrument.Instrument;

import java.util.List;

/**
 * An episode with the state of each of its sections.
 *
 * @param specialistsAvailable specialist assessments not yet part of the episode
 */
public record EpisodeView(Episode episode, List<SectionState> sections, List<Instrument> specialistsAvailable) {

	public boolean readyToComplete() {
		return !this.episode.completed() && this.sections.stream().anyMatch(SectionState::signed)
				&& this.sections.stream().noneMatch((section) -> section.status() == SectionStatus.IN_PROGRESS);
	}

}
