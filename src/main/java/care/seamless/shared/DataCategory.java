package care.seamless.shared;

/**
 * What kind of information a piece of the record is; some categories need explicit
 * consent to cross organisations.
 */
public enum DataCategory {

	GENERAL, MENTAL_HEALTH, SEXUAL_HEALTH, SUBSTANCE_MISUSE, HIV, SAFEGUARDING, FINANCES, THIRD_PARTY;

	/**
	 * Categories that cross from one organisation to another only with the person's
	 * explicit consent.
	 */
	public boolean needsExplicitConsent() {
		return switch (this) {
			case MENTAL_HEALTH, SEXUAL_HEALTH, SUBSTANCE_MISUSE, HIV -> true;
			default -> false;
		};
	}

	public static String explicitConsentSqlList() {
		return java.util.Arrays.stream(values())
			.filter(DataCategory::needsExplicitConsent)
			.map(c -> "'" + c.name() + "'")
			.collect(java.util.stream.Collectors.joining(", "));
	}

}
