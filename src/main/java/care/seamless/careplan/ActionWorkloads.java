package care.seamless.careplan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

import care.seamless.shared.PractitionerId;
import care.seamless.team.Workloads;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Each practitioner's open and overdue care-plan actions, for their team manager. */
@Component
class ActionWorkloads implements Workloads {

	private final ActionRepository actions;

	private final Clock clock;

	ActionWorkloads(ActionRepository actions, Clock clock) {
		this.actions = actions;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<PractitionerId, Load> loads(Collection<PractitionerId> practitioners) {
		return practitioners.isEmpty() ? Map.of() : actions.loads(practitioners, LocalDate.now(clock));
	}

}
