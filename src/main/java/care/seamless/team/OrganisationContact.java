package care.seamless.team;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How a person reaches an organisation, as printed on the documents it sends them. Any
 * part may be missing until an administrator records it.
 */
public record OrganisationContact(String organisationName, String code, @Nullable String telephone,
		@Nullable String email, List<String> address) {

	public static final int MAX_LENGTH = 200;

	public boolean complete() {
		return telephone != null && email != null && !address.isEmpty();
	}

}
