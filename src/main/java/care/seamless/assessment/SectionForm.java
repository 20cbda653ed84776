package care.seamless.assessment;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A section as the viewer completes it: the answers already given in this episode and,
 * for questions not yet answered, what is already known from elsewhere.
 *
 * @param answers current answers by question id
 * @param prefills known answers by question id, for unanswered questions with a reuse key
 * @param whyNotEditable why the viewer cannot change the section, if they cannot
 */
public record SectionForm(Episode episode, SectionState state, Map<String, Answer> answers,
		Map<String, Prefill> prefills, @Nullable String whyNotEditable) {

	public boolean editable() {
		return this.whyNotEditable == null;
	}

	/** An own-words answer, once given, is shown but never offered for editing. */
	public boolean locked(String questionId) {
		return this.state.section().personsOwnWords() && this.answers.containsKey(questionId);
	}

}
