package care.seamless.assessment;

import care.seamless.assessment.instrument.Stage;
import care.seamless.shared.PersonId;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One assessment of a person's needs, from first contact to a comprehensive assessment,
 * contributed to by practitioners of any partner organisation.
 *
 * @param reusedAnswers answers carried over from what was already known (tell us once)
 * @param newlyAsked answers the person was asked for in this assessment
 * @param caresFor for a carer's assessment, the record of the person they care for
 * @param caresForName whom the carer cares for, as named when the assessment started
 */
public record Episode(EpisodeId id, PersonId personId, Stage stage, boolean completed, String openedByName,
		String openedByOrganisation, Instant openedAt, @Nullable Instant completedAt, @Nullable Instant summarySharedAt,
		@Nullable String summarySharedBy, long version, int reusedAnswers, int newlyAsked, @Nullable PersonId caresFor,
		@Nullable String caresForName) {

	public boolean isCarers() {
		return this.stage == Stage.CARER;
	}

}
