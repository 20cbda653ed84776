package care.seamless.person;

import care.seamless.shared.DataCategory;

/**
 * The alerts a record can carry, each with the data category it always has: a
 * safeguarding concern is safeguarding information wherever it is raised, so the sharing
 * agreements and the person's objections for that category govern it.
 */
public enum AlertKind {

	SAFEGUARDING_CONCERN(DataCategory.SAFEGUARDING), KEY_SAFE(DataCategory.GENERAL), LIVES_ALONE(DataCategory.GENERAL),
	DO_NOT_ATTEMPT_RESUSCITATION(DataCategory.GENERAL), RISK_TO_VISITING_STAFF(DataCategory.GENERAL);

	private final DataCategory category;

	AlertKind(DataCategory category) {
		this.category = category;
	}

	public DataCategory category() {
		return category;
	}

}
