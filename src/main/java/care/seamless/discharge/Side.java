package care.seamless.discharge;

import care.seamless.team.OrganisationKind;
import org.jspecify.annotations.Nullable;

/** The two partners who attribute a delay: the NHS and the council's social care. */
public enum Side {

	NHS, SOCIAL_CARE;

	/** The side an organisation speaks for, or null when it is neither. */
	static @Nullable Side of(OrganisationKind kind) {
		if (kind == OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE) {
			return SOCIAL_CARE;
		}
		return kind.isHealth() ? NHS : null;
	}

	Side other() {
		return this == NHS ? SOCIAL_CARE : NHS;
	}

}
