package care.seamless.consent;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A request to change one of the person's choices: who asked (the person, their attorney
 * or deputy by name, or a best-interests decision), how it reached us, and why. The
 * practitioner recording it is the actor.
 */
public record ChoiceChange(@Nullable RequestedBy requestedBy, @Nullable String requesterName,
		@Nullable UUID bestInterestsDecisionId, @Nullable HowAsked howAsked, @Nullable String reason) {

	public static ChoiceChange byThePerson(HowAsked how, String reason) {
		return new ChoiceChange(RequestedBy.PERSON, null, null, how, reason);
	}

}
