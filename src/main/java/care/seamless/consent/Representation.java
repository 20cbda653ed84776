package care.seamless.consent;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import care.seamless.shared.AccountId;
import care.seamless.shared.DataCategory;
import care.seamless.shared.PersonId;

/**
 * A person-side account's standing towards one person, in force since {@code since}.
 *
 * @param categories what the person agreed to share, for a carer; ignored for the other
 * kinds, whose scope is fixed
 */
public record Representation(UUID id, AccountId account, PersonId person, ActingKind kind, Set<DataCategory> categories,
		Instant since, long version) {

	public Representation {
		categories = Set.copyOf(categories);
	}

}
