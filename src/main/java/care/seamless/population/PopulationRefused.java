package care.seamless.population;

/**
 * A population only ever fills an empty register: it would otherwise mix with real
 * people.
 */
public class PopulationRefused extends RuntimeException {

	PopulationRefused() {
		super("People are registered already: a population is only generated into an empty database");
	}

}
