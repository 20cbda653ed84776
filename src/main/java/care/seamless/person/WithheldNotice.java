package care.seamless.person;

import care.seamless.consent.WithheldReason;
import org.jspecify.annotations.Nullable;

/**
 * Shown in place of withheld information, so practitioners know something exists and whom
 * to ask, without seeing it. It names the reason and the organisation that holds the
 * information, never how much there is.
 */
public record WithheldNotice(WithheldReason reason, @Nullable String organisationName) {

	public String note() {
		return reason.note();
	}

}
