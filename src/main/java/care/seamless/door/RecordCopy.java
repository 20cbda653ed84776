package care.seamless.door;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A copy of everything the reader may see about the person at the door (a subject access
 * copy), for a PDF and a JSON download. Each part is read through the same policy as the
 * pages: who looked and sharing choices only for the person themselves.
 */
public record RecordCopy(String name, String youAre, Instant madeAt, AboutMe aboutMe, @Nullable Plan plan,
		List<Note> notes, List<Conversation> messages, List<Feedback> feedback, List<Choice> sharingChoices,
		List<Look> whoLooked) {

	/** The plan in the words the person reads. */
	public record Plan(List<String> whatMatters, List<Goal> goals) {
	}

	public record Goal(String goal, String whatWillChange, LocalDate byWhen, @Nullable String yourView,
			@Nullable String yourWords, List<Step> whoDoesWhat) {
	}

	public record Step(String what, String who, String organisation, LocalDate byWhen) {
	}

	/** A note in the record, as written by the practitioner. */
	public record Note(Instant recordedAt, String title, String words, String writtenBy) {
	}

	public record Choice(String choice, @Nullable String organisation, @Nullable String information, LocalDate from) {
	}

	public record Look(Instant when, String who, @Nullable String organisation, String what, String why,
			boolean allowed) {
	}

}
