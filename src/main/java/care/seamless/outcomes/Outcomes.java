package care.seamless.outcomes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.seamless.partnership.Partnership;
import care.seamless.partnership.Partnerships;
import care.seamless.shared.Actor;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Role;
import care.seamless.shared.TeamId;
import care.seamless.team.Directory;
import care.seamless.team.Team;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partnership's outcome measures over time, per partner organisation or team, with
 * small numbers suppressed. Figures count the people whose current lead professional
 * works for a partner (carers' assessments: the partner that opened them).
 */
@Service
public class Outcomes {

	/** At most five years of months on one page or in one file. */
	public static final int MAX_MONTHS = 60;

	/** How figures are grouped. */
	public enum Breakdown {

		PARTNERSHIP, ORGANISATION, TEAM

	}

	private final OutcomeRepository repository;

	private final Partnerships partnerships;

	private final Directory directory;

	private final Clock clock;

	Outcomes(OutcomeRepository repository, Partnerships partnerships, Directory directory, Clock clock) {
		this.repository = repository;
		this.partnerships = partnerships;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * Commissioners, board members, team managers and administrators read the aggregates;
	 * the figures are counts, so reading them opens no one's record.
	 */
	public static boolean mayRead(Actor actor) {
		return actor.has(Role.COMMISSIONER) || actor.has(Role.BOARD_MEMBER) || actor.has(Role.TEAM_MANAGER)
				|| actor.has(Role.ADMINISTRATOR);
	}

	public static void requireReader(Actor actor) {
		if (!mayRead(actor)) {
			throw new AccessDeniedException("Outcome reporting is for commissioners, board members and managers");
		}
	}

	public YearMonth thisMonth() {
		return YearMonth.now(clock);
	}

	@Transactional(readOnly = true)
	public OutcomeReport report(Actor actor, UUID partnershipId, YearMonth from, YearMonth to, Period.Length length,
			Breakdown breakdown) {
		requireReader(actor);
		if (to.isBefore(from) || from.plusMonths(MAX_MONTHS - 1L).isBefore(to)) {
			throw new IllegalArgumentException("months " + from + " to " + to);
		}
		Partnership partnership = readable(actor, partnershipId);
		Set<Period> periods = new LinkedHashSet<>();
		for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
			periods.add(Period.of(length, m));
		}
		return report(partnership, List.copyOf(periods), length, breakdown);
	}

	/** The figures for the given periods (contiguous, in order), for the returns. */
	@Transactional(readOnly = true)
	public OutcomeReport report(Actor actor, UUID partnershipId, List<Period> periods, Breakdown breakdown) {
		requireReader(actor);
		return report(readable(actor, partnershipId), periods, Period.Length.QUARTER, breakdown);
	}

	/**
	 * Board members and managers read the figures of the partnerships their organisation
	 * is in; commissioners and administrators, of every partnership.
	 */
	private Partnership readable(Actor actor, UUID partnershipId) {
		Partnership partnership = partnerships.find(partnershipId);
		if (!mayReadFiguresOf(actor, partnership)) {
			throw new AccessDeniedException("Not a partner in this partnership");
		}
		return partnership;
	}

	/**
	 * Whether the actor may read this partnership's figures: {@link #mayRead} and the
	 * partnership rule above.
	 */
	public static boolean mayRead(Actor actor, Partnership partnership) {
		return mayRead(actor) && mayReadFiguresOf(actor, partnership);
	}

	private static boolean mayReadFiguresOf(Actor actor, Partnership partnership) {
		return actor.has(Role.ADMINISTRATOR) || actor.has(Role.COMMISSIONER)
				|| partnership.hasPartner(actor.organisationId());
	}

	private OutcomeReport report(Partnership partnership, List<Period> periods, Period.Length length,
			Breakdown breakdown) {
		List<UUID> partners = partnership.partners().stream().map((p) -> p.organisation().id()).toList();
		Map<UUID, String> organisationNames = new HashMap<>();
		partnership.partners().forEach((p) -> organisationNames.put(p.organisation().id(), p.name()));
		Map<UUID, String> teamNames = new HashMap<>();
		if (breakdown == Breakdown.TEAM) {
			for (Team team : directory.teams()) {
				teamNames.put(team.id().id(), team.name());
			}
		}
		LocalDate first = periods.get(0).start();
		LocalDate last = periods.get(periods.size() - 1).end().withDayOfMonth(1);
		Map<Key, long[]> sums = new LinkedHashMap<>();
		Set<Group> groups = new LinkedHashSet<>();
		if (breakdown == Breakdown.PARTNERSHIP) {
			groups.add(new Group(null, null));
		}
		else {
			partners.forEach((o) -> groups.add(new Group(o, null)));
		}
		for (OutcomeRepository.Count count : repository.counts(partners, first, last)) {
			Period period = periods.stream().filter((p) -> p.holds(count.month())).findFirst().orElse(null);
			if (period == null) {
				continue;
			}
			Group group = group(breakdown, count.organisation(), count.team());
			groups.add(group);
			long[] sum = sums.computeIfAbsent(new Key(Measure.valueOf(count.measure()), period, group),
					(k) -> new long[2]);
			sum[0] += count.numerator();
			sum[1] += count.denominator() == null ? 0 : count.denominator();
		}
		Map<Period, Map<Group, Long>> populations = new HashMap<>();
		LocalDate today = LocalDate.now(clock);
		for (Period period : periods) {
			Map<Group, Long> byGroup = new HashMap<>();
			LocalDate asAt = period.end().isAfter(today) ? today : period.end();
			for (OutcomeRepository.Population p : repository.population(partners, asAt, Measure.OLDER_AGE)) {
				byGroup.merge(group(breakdown, p.organisation(), p.team()), p.people(), Long::sum);
			}
			populations.put(period, byGroup);
		}
		List<OutcomeRow> rows = new ArrayList<>();
		for (Measure measure : Measure.values()) {
			for (Period period : periods) {
				for (Group group : groups) {
					long[] sum = sums.getOrDefault(new Key(measure, period, group), new long[2]);
					Long denominator = switch (measure.kind()) {
						case COUNT -> null;
						case PERCENTAGE -> sum[1];
						case RATE_PER_100000 -> populations.get(period).getOrDefault(group, 0L);
					};
					rows.add(new OutcomeRow(measure, period,
							group.organisation() == null ? null : new OrganisationId(group.organisation()),
							group.organisation() == null ? null : organisationNames.get(group.organisation()),
							group.team() == null ? null : new TeamId(group.team()),
							group.team() == null ? null : teamNames.getOrDefault(group.team(), "?"),
							Figure.of(measure.kind(), sum[0], denominator)));
				}
			}
		}
		return new OutcomeReport(partnership.id(), partnership.name(), length, breakdown, periods, rows);
	}

	private static Group group(Breakdown breakdown, UUID organisation, @Nullable UUID team) {
		return switch (breakdown) {
			case PARTNERSHIP -> new Group(null, null);
			case ORGANISATION -> new Group(organisation, null);
			case TEAM -> new Group(organisation, team);
		};
	}

	private record Group(@Nullable UUID organisation, @Nullable UUID team) {
	}

	private record Key(Measure measure, Period period, Group group) {
	}

}
