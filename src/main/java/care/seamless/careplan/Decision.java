package care.seamless.careplan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A question where professionals hold different views: the options put to the person,
 * each professional's view of each option, and the person's choice once they make it.
 * Nothing requires the professionals to agree first.
 */
public record Decision(UUID id, String question, List<Option> options, @Nullable UUID chosenOptionId,
		@Nullable String choiceInOwnWords, @Nullable Instant chosenAt, long version) {

	public record Option(UUID id, String description, List<ProfessionalView> views) {
	}

	public record ProfessionalView(String practitionerName, String organisationName, String view) {
	}

	public boolean chosen() {
		return chosenOptionId != null;
	}

	/** The option the person chose, in words; empty until they choose. */
	public String chosenDescription() {
		return options.stream()
			.filter(o -> o.id().equals(chosenOptionId))
			.map(Option::description)
			.findFirst()
			.orElse("");
	}

}
