package care.seamless.careplan;

import java.time.Instant;
import java.util.UUID;

import care.seamless.shared.PersonId;

/**
 * A carer's view of one objective in the plan of the person they care for, in the carer's
 * own words and shown as theirs: it never stands in for the person's own view. Each is
 * kept as recorded; a later view is added beside it.
 *
 * @param carerName the carer's name as the cared-for person's record knows it
 * @param recordedBy who recorded it on the carer's behalf, or the carer's name when they
 * gave it themselves
 */
public record CarersView(UUID id, PersonId carer, String carerName, View view, String words, String recordedBy,
		String recordedByOrganisation, Instant recordedAt) {

	public enum View {

		AGREES, DISAGREES, COMMENT

	}

}
