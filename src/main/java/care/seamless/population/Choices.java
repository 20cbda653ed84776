package care.seamless.population;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import care.seamless.shared.BulkRows;

/**
 * Consent as a register holds it: over half have consented to sharing, a few object to
 * one organisation, a few dissent from sharing their mental health, and the rest have
 * never been asked (the agreements' lawful basis then decides).
 */
final class Choices {

	private Choices() {
	}

	static void write(BulkRows out, UUID person, Workforce.Practitioner recorder,
			List<Workforce.Organisation> organisations, SplittableRandom random) {
		int draw = random.nextInt(100);
		int daysAgo = random.nextInt(1500);
		String how = random.nextBoolean() ? "VERBAL" : "WRITTEN";
		if (draw < 55) {
			out.row(Seeds.uuid(random), person, "CONSENT", null, null, how,
					SyntheticPerson.REFERENCE_DATE.minusDays(daysAgo), recorder.username(),
					Population.recorded(daysAgo));
		}
		else if (draw < 59) {
			Workforce.Organisation other = organisations.get(random.nextInt(organisations.size()));
			if (!other.equals(recorder.team().organisation())) {
				out.row(Seeds.uuid(random), person, "OBJECTION", other.id(), null, how,
						SyntheticPerson.REFERENCE_DATE.minusDays(daysAgo), recorder.username(),
						Population.recorded(daysAgo));
			}
		}
		else if (draw < 61) {
			out.row(Seeds.uuid(random), person, "DISSENT", null, "MENTAL_HEALTH", how,
					SyntheticPerson.REFERENCE_DATE.minusDays(daysAgo), recorder.username(),
					Population.recorded(daysAgo));
		}
	}

}
