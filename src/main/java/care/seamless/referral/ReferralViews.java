package care.seamless.referral;

import java.util.List;

import care.seamless.team.Directory;
import care.seamless.team.Team;
import care.seamless.terminology.Audience;
import care.seamless.terminology.Terminology;

/** Builds a {@link ReferralView} from a stored referral, naming teams and people. */
final class ReferralViews {

	private ReferralViews() {
	}

	static ReferralView of(Referral r, ReferralRepository repository, Directory directory, Terminology terminology,
			boolean holds, boolean sent) {
		List<Team> teams = directory.teams();
		List<String> breaches = repository.breaches(r.id());
		List<ReferralView.History> history = repository.steps(r.id())
			.stream()
			.map(s -> new ReferralView.History(s.step(), s.status(), teamName(teams, s.holder()), s.by(), s.note(),
					s.at()))
			.toList();
		return new ReferralView(r.id(), r.personId(), repository.personName(r.personId()), r.fromTeam(),
				teamName(teams, r.fromTeam()), directory.practitioner(r.referrer()).displayName(), r.holder(),
				teamName(teams, r.holder()), r.firstTeam(), r.reasonCode(),
				terminology.display(r.reasonCode(), Audience.SOCIAL_CARE), r.reasonText(), r.urgency(),
				r.personInformed(), r.personView(), r.basis(), r.status(), r.owner(),
				r.owner() == null ? null : directory.practitioner(r.owner()).displayName(), r.declineReason(),
				r.signposting(), r.outcome(), r.createdAt(), r.sentAt(), r.acknowledgedAt(), r.decidedAt(),
				r.closedAt(), r.acknowledgeDue(), r.acceptDue(), breaches.contains("ACKNOWLEDGE"),
				breaches.contains("ACCEPT"), repository.categories(r.id()), repository.items(r.id()), history, holds,
				sent, r.version());
	}

	static String teamName(List<Team> teams, care.seamless.shared.TeamId id) {
		return teams.stream()
			.filter(t -> t.id().equals(id))
			.map(t -> t.name() + ", " + t.organisationName())
			.findFirst()
			.orElse("");
	}

}
