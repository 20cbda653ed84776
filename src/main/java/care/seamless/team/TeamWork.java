package care.seamless.team;

import java.util.List;

/**
 * What a team manager sees of their teams: each practitioner's caseload and workload, and
 * the people waiting for a lead professional whom they may allocate.
 */
public record TeamWork(List<TeamLoad> teams, List<CareTeamPeople.Unallocated> unallocated) {

	public record TeamLoad(Team team, List<PractitionerLoad> practitioners) {
	}

	/**
	 * @param led how many people the practitioner is lead professional for today
	 */
	public record PractitionerLoad(Practitioner practitioner, boolean manager, long led, long openActions,
			long overdueActions) {
	}

	public boolean managesAny() {
		return !teams.isEmpty();
	}

}
