package care.seamless.consent;

import java.time.Instant;
import java.util.UUID;

import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * A decision-specific capacity assessment (Mental Capacity Act 2005 s2–3). The person
 * lacks capacity for the decision only if there is an impairment of, or disturbance in
 * the functioning of, the mind or brain and, because of it, they cannot understand,
 * retain, use or weigh the information, or communicate their decision.
 */
public record CapacityAssessment(UUID id, PersonId personId, String decision, boolean impairment, boolean canUnderstand,
		boolean canRetain, boolean canWeigh, boolean canCommunicate, @Nullable String notes, String assessedBy,
		Instant assessedAt) {

	public boolean lacksCapacity() {
		return lacksCapacity(impairment, canUnderstand, canRetain, canWeigh, canCommunicate);
	}

	public static boolean lacksCapacity(boolean impairment, boolean canUnderstand, boolean canRetain, boolean canWeigh,
			boolean canCommunicate) {
		return impairment && !(canUnderstand && canRetain && canWeigh && canCommunicate);
	}

}
