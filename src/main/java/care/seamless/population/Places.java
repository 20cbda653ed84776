package care.seamless.population;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Towns with their postcode areas, and streets, for addresses that look like England's.
 */
final class Places {

	record Town(String name, String area) {
	}

	static final List<Town> TOWNS = List.of(new Town("Leeds", "LS"), new Town("Bradford", "BD"),
			new Town("Manchester", "M"), new Town("Birmingham", "B"), new Town("Liverpool", "L"),
			new Town("Newcastle upon Tyne", "NE"), new Town("Sheffield", "S"), new Town("Bristol", "BS"),
			new Town("Nottingham", "NG"), new Town("Leicester", "LE"), new Town("Wakefield", "WF"),
			new Town("Harrogate", "HG"), new Town("York", "YO"), new Town("Huddersfield", "HD"),
			new Town("Halifax", "HX"), new Town("Cardiff", "CF"), new Town("Norwich", "NR"), new Town("Exeter", "EX"),
			new Town("Preston", "PR"), new Town("Stoke-on-Trent", "ST"));

	private static final List<String> STREETS = List.of("High Street", "Station Road", "Church Lane", "Victoria Road",
			"Green Lane", "Manor Road", "Park Avenue", "Mill Lane", "Queen's Road", "The Crescent", "Chapel Street",
			"Kings Road", "Orchard Close", "Westgate", "Beech Grove", "St John's Terrace", "Moor View", "Canal Side");

	// The inward code never uses these letters (Royal Mail's rule).
	private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

	private Places() {
	}

	static String street(SplittableRandom random) {
		return (1 + random.nextInt(180)) + " " + Names.any(random, STREETS);
	}

	static String postcode(SplittableRandom random, Town town) {
		return town.area() + (1 + random.nextInt(20)) + " " + random.nextInt(10)
				+ INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()))
				+ INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()));
	}

}
