package care.seamless.assessment;

import care.seamless.assessment.instrument.Instrument;

import java.util.List;

/**
 * An episode with the state of each of its sections.
 *
 * @param specialistsAvailable specialist assessments not yet part of the episode
 * @param missing what stops it being completed, each naming its section
 */
public record EpisodeView(Episode episode, List<SectionState> sections, List<Instrument> specialistsAvailable,
		List<MissingForCompletion> missing) {

	public boolean readyToComplete() {
		return !this.episode.completed() && this.missing.isEmpty();
	}

}
