package care.seamless.team;

import java.util.Collection;
import java.util.Map;

import care.seamless.shared.PractitionerId;

/**
 * How many open and overdue pieces of work each practitioner owns, from the modules that
 * give them work (the care plan's actions), so a team manager sees workloads without this
 * module depending on those modules. Counts only: they name nobody.
 */
public interface Workloads {

	Map<PractitionerId, Load> loads(Collection<PractitionerId> practitioners);

	record Load(long open, long overdue) {

		public static final Load NONE = new Load(0, 0);

		public Load plus(Load other) {
			return new Load(open + other.open, overdue + other.overdue);
		}

	}

}
