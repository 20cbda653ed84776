package care.seamless.person;

/**
 * The population for rates per 100,000 in outcome reporting: how many people on the
 * record were at least a given age on a date, by the organisation and team of their
 * current lead professional. Counts only; the function lives in this module's schema
 * (migration V190).
 */
public final class PersonPopulation {

	private PersonPopulation() {
	}

	/** A derived table {@code (organisation_id, team_id, people)}. */
	public static String agedSql(String asAtParameter, String minimumAgeParameter) {
		return "person.population_aged(%s, %s)".formatted(asAtParameter, minimumAgeParameter);
	}

}
