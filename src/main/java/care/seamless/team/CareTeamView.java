package care.seamless.team;

import java.util.List;

import care.seamless.shared.PersonId;

/**
 * A person's care team as its page shows it: who is in it now (the lead first), whose
 * involvement ended and why, and the requests waiting for an answer or answered.
 */
public record CareTeamView(PersonId personId, String personName, List<CareTeamMember> current,
		List<CareTeamMember> ended, List<CareTeamRequest> pending, List<CareTeamRequest> answered) {

	public boolean hasLead() {
		return current.stream().anyMatch(CareTeamMember::lead);
	}

}
