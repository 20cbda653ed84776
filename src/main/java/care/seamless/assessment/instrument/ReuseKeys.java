package care.seamless.assessment.instrument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps "tell us once" safe: every question sharing a reuse key must take the same type
 * of answer, or an answer carried from one instrument would not fit the question it
 * pre-fills in another.
 */
final class ReuseKeys {

	private ReuseKeys() {
	}

	/**
	 * @throws InvalidInstrumentException naming each question whose reuse key clashes
	 * with an earlier instrument
	 */
	static void check(Instrument candidate, List<Instrument> existing) {
		Map<String, Question> known = new HashMap<>();
		Map<String, Instrument> owner = new HashMap<>();
		for (Instrument instrument : existing) {
			for (Question question : instrument.questions()) {
				if (question.reuseKey() != null && known.putIfAbsent(question.reuseKey(), question) == null) {
					owner.put(question.reuseKey(), instrument);
				}
			}
		}
		List<String> errors = new ArrayList<>();
		for (Question question : candidate.questions()) {
			Question earlier = (question.reuseKey() != null) ? known.get(question.reuseKey()) : null;
			if (earlier != null && earlier.type() != question.type()) {
				errors.add(candidate + ": question " + question.id() + ": reuse key " + question.reuseKey() + " is "
						+ earlier.type().code() + " in " + owner.get(question.reuseKey()) + " but "
						+ question.type().code() + " here");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInstrumentException(candidate.toString(), errors);
		}
	}

}
