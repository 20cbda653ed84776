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

	/**
	 * The code used in definition files and CSV, such as {@code mental-health}.
	 */
	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	public static java.util.Optional<DataCategory> fromCode(String code) {
		return java.util.Arrays.stream(values()).filter((category) -> category.code().equals(code)).findFirst();
	}

	public static String explicitConsentSqlList() {
		return java.util.Arrays.stream(values())
			.filter(DataCategory::needsExplicitConsent)
			.map(c -> "'" + c.name() + "'")
			.collect(java.util.stream.Collectors.joining(", "));
	}

}
