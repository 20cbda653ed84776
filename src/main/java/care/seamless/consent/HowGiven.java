package care.seamless.consent;

public enum HowGiven {

	VERBAL, WRITTEN, PORTAL, BEST_INTERESTS

}
