package care.seamless.population;

import java.time.LocalDate;
import java.util.SplittableRandom;

import care.seamless.shared.BulkRows;

/**
 * A quarter of people have an unpaid carer, most often family; some name a next of kin.
 */
final class Carers {

	private Carers() {
	}

	static void write(BulkRows out, SyntheticPerson person, SplittableRandom random) {
		LocalDate since = SyntheticPerson.REFERENCE_DATE.minusDays(30 + random.nextInt(2000));
		if (random.nextInt(100) < 25) {
			boolean family = random.nextInt(100) < 80;
			String name = Names.given(random, random.nextBoolean()) + " "
					+ (family ? person.familyName() : Names.family(random));
			out.row(Seeds.uuid(random), person.id(), "CARER", name, phone(random), true, since);
		}
		if (random.nextInt(100) < 8) {
			String name = Names.given(random, random.nextBoolean()) + " " + person.familyName();
			out.row(Seeds.uuid(random), person.id(), "NEXT_OF_KIN", name, phone(random), random.nextInt(10) > 0, since);
		}
	}

	private static String phone(SplittableRandom random) {
		return "07700 900" + String.format("%03d", random.nextInt(1000));
	}

}
