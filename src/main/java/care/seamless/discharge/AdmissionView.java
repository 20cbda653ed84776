package care.seamless.discharge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;

/**
 * One admission as the reader may see it (read through the access policy), with the rule
 * set that applies, the notices given, the person's own views and the delayed days.
 *
 * @param wardMember whether the reader is in the admitting ward team, who alone changes
 * the admission
 * @param side the partner the reader speaks for when attributing delays, or null
 */
public record AdmissionView(UUID id, PersonId personId, String personName, OrganisationId organisationId,
		String organisationName, TeamId wardTeamId, String hospital, String ward, Instant admittedAt,
		@Nullable LocalDate plannedDischarge, @Nullable Instant dischargedAt, @Nullable Pathway pathway,
		Checklist checklist, RuleSet ruleSet, List<OwnView> ownViews, List<NoticeView> notices,
		@Nullable LocalDate relevantDay, List<DelayedDayView> delayedDays, long version, boolean wardMember,
		@Nullable Side side) {

	/** What the person said about going home, kept as they said it. */
	public record OwnView(UUID id, String words, String toldTo, Instant recordedAt, @Nullable UUID corrects) {
	}

	/** A notice given under the admission's rule set. */
	public record NoticeView(NoticeKind kind, LocalDate givenOn, @Nullable LocalDate proposedDischarge,
			String givenBy) {
	}

	public @Nullable NoticeView notice(NoticeKind kind) {
		return notices.stream().filter(n -> n.kind() == kind).findFirst().orElse(null);
	}

	public boolean discharged() {
		return dischargedAt != null;
	}

}
