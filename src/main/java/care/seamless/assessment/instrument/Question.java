package care.seamless.assessment.instrument;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One question of an instrument.
 *
 * @param text the wording practitioners see
 * @param plainText the wording the person and their carer see
 * @param options concept codes a coded answer may take, in the order they are offered
 * @param reuseKey shared by the same question in other instruments, so an answer given
 * once can be offered again rather than asked again
 * @param staleAfterDays how long a reused answer stays current, if it goes out of date
 * @param min the smallest whole number allowed, for integer questions
 * @param max the largest whole number allowed, for integer questions
 */
public record Question(String id, String text, String plainText, AnswerType type, List<String> options,
		boolean required, @Nullable String reuseKey, @Nullable Integer staleAfterDays, @Nullable Integer min,
		@Nullable Integer max) {

	public Question {
		options = List.copyOf(options);
	}

}
