package care.seamless.population;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import care.seamless.shared.BulkRows;

/**
 * Everyone has a lead professional; a third also have someone from another organisation
 * in their care team (a district nurse beside a social worker), so records cross
 * organisations as they do in a partnership.
 */
final class CareTeams {

	private CareTeams() {
	}

	static void write(BulkRows out, UUID person, Workforce.Practitioner lead, List<Workforce.Practitioner> staff,
			SplittableRandom random) {
		out.row(Seeds.uuid(random), person, lead.id(), lead.team().id(), lead.role(), true,
				SyntheticPerson.REFERENCE_DATE.minusDays(random.nextInt(1500)));
		if (random.nextInt(100) < 33) {
			Workforce.Practitioner other = staff.get(random.nextInt(staff.size()));
			if (!other.team().organisation().equals(lead.team().organisation())) {
				out.row(Seeds.uuid(random), person, other.id(), other.team().id(), other.role(), false,
						SyntheticPerson.REFERENCE_DATE.minusDays(random.nextInt(700)));
			}
		}
	}

}
