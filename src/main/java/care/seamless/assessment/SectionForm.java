package care.seamless.assessment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A section as the viewer completes it: the answers already given in this episode and,
 * for questions not yet answered, what is already known from elsewhere.
 *
 * @param answers current answers by question id
 * @param prefills known answers by question id, for unanswered questions with a reuse key
 * @param whyNotEditable why the viewer cannot change the section, if they cannot
 * @param mayBeNotRelevant whether the viewer may mark this domain not relevant now
 * @param corrections corrections the person asked for to their own words, by answer id
 */
public record SectionForm(Episode episode, SectionState state, Map<String, Answer> answers,
		Map<String, Prefill> prefills, @Nullable String whyNotEditable, boolean mayBeNotRelevant,
		Map<UUID, List<OwnWordsCorrection>> corrections) {

	/** Corrections of one own-words answer, oldest first. */
	public List<OwnWordsCorrection> correctionsOf(UUID answer) {
		return this.corrections.getOrDefault(answer, List.of());
	}

	public boolean editable() {
		return this.whyNotEditable == null;
	}

	/** An own-words answer, once given, is shown but never offered for editing. */
	public boolean locked(String questionId) {
		return this.state.section().personsOwnWords() && this.answers.containsKey(questionId);
	}

}
