package care.seamless.training;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.seamless.shared.OrganisationId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage against a fixture worked by hand. Today is 1 June 2027.
 *
 * <pre>
 * Council (3 staff: a, b, c; team Older people: a, b)   Trust (2 staff: d, e; team Nursing: d, e)
 * Session J (joint: council and trust), information governance:
 *   a completed, expires 2028-01-01 (current); d completed, expires 2028-01-01 (current)
 * Session S (council only), information governance: b completed, expires 2027-06-01 (expires today: not current)
 * Session K (council only), safeguarding: b completed, expires 2029-01-01 (current, not joint)
 * Session L (trust only), information governance: d completed again, expires 2029-01-01 (current, not joint)
 *
 * Information governance: council trained a (together) = 1 (1 together); trust d = 1 (1 together: J still current)
 * Safeguarding: council b = 1 (0 together); trust 0
 * Teams: Older people IG 1 (1), safeguarding 1 (0); Nursing IG 1 (1)
 * Sessions 4, joint 1
 * </pre>
 */
class CoverageTests {

	static final LocalDate TODAY = LocalDate.of(2027, 6, 1);

	@Test
	void countsCurrentTrainingPerOrganisationAndTeamAndWhoTrainedTogether() {
		OrganisationId council = new OrganisationId(UUID.randomUUID());
		OrganisationId trust = new OrganisationId(UUID.randomUUID());
		TeamId older = new TeamId(UUID.randomUUID());
		TeamId nursing = new TeamId(UUID.randomUUID());
		PractitionerId a = id();
		PractitionerId b = id();
		PractitionerId c = id();
		PractitionerId d = id();
		PractitionerId e = id();
		UUID joint = UUID.randomUUID();
		UUID councilOnly = UUID.randomUUID();
		UUID safeguarding = UUID.randomUUID();
		UUID trustOnly = UUID.randomUUID();
		List<Coverage.Staff> staff = List.of(new Coverage.Staff(a, council, "Council", Set.of(older)),
				new Coverage.Staff(b, council, "Council", Set.of(older)),
				new Coverage.Staff(c, council, "Council", Set.of()),
				new Coverage.Staff(d, trust, "Trust", Set.of(nursing)),
				new Coverage.Staff(e, trust, "Trust", Set.of(nursing)));
		List<Coverage.Completion> completions = List.of(
				new Coverage.Completion(a, joint, Topic.INFORMATION_GOVERNANCE, LocalDate.of(2028, 1, 1)),
				new Coverage.Completion(d, joint, Topic.INFORMATION_GOVERNANCE, LocalDate.of(2028, 1, 1)),
				new Coverage.Completion(b, councilOnly, Topic.INFORMATION_GOVERNANCE, TODAY),
				new Coverage.Completion(b, safeguarding, Topic.SAFEGUARDING, LocalDate.of(2029, 1, 1)),
				new Coverage.Completion(d, trustOnly, Topic.INFORMATION_GOVERNANCE, LocalDate.of(2029, 1, 1)));

		Coverage coverage = Coverage.of(staff, Map.of(older, "Older people", nursing, "Nursing"), completions,
				Set.of(joint), 4, TODAY);

		assertThat(coverage.sessions()).isEqualTo(4);
		assertThat(coverage.jointSessions()).isEqualTo(1);
		assertThat(coverage.organisations()).extracting(Coverage.Row::name).containsExactly("Council", "Trust");
		Coverage.Row councilRow = coverage.organisations().get(0);
		Coverage.Row trustRow = coverage.organisations().get(1);
		assertThat(councilRow.staff()).isEqualTo(3);
		assertThat(councilRow.figure(Topic.INFORMATION_GOVERNANCE)).isEqualTo(new Coverage.Figure(1, 1));
		assertThat(councilRow.figure(Topic.SAFEGUARDING)).isEqualTo(new Coverage.Figure(1, 0));
		assertThat(councilRow.figure(Topic.MENTAL_CAPACITY)).isEqualTo(new Coverage.Figure(0, 0));
		assertThat(trustRow.staff()).isEqualTo(2);
		assertThat(trustRow.figure(Topic.INFORMATION_GOVERNANCE)).isEqualTo(new Coverage.Figure(1, 1));
		assertThat(trustRow.figure(Topic.SAFEGUARDING)).isEqualTo(new Coverage.Figure(0, 0));
		assertThat(coverage.teams()).extracting(Coverage.Row::name).containsExactly("Nursing", "Older people");
		assertThat(coverage.teams().get(1).staff()).isEqualTo(2);
		assertThat(coverage.teams().get(1).figure(Topic.INFORMATION_GOVERNANCE)).isEqualTo(new Coverage.Figure(1, 1));
		assertThat(coverage.teams().get(1).figure(Topic.SAFEGUARDING)).isEqualTo(new Coverage.Figure(1, 0));
		assertThat(coverage.teams().get(0).figure(Topic.INFORMATION_GOVERNANCE)).isEqualTo(new Coverage.Figure(1, 1));
	}

	@Test
	void aCompletionCountsOnTheDayBeforeItExpiresAndNotOnTheDay() {
		Course course = new Course(UUID.randomUUID(), Topic.SAFEGUARDING, "Safeguarding", 24, 0);
		LocalDate expires = course.expiryOf(LocalDate.of(2025, 6, 1));
		assertThat(expires).isEqualTo(LocalDate.of(2027, 6, 1));
		PractitionerId a = id();
		OrganisationId org = new OrganisationId(UUID.randomUUID());
		List<Coverage.Staff> staff = List.of(new Coverage.Staff(a, org, "Org", Set.of()));
		List<Coverage.Completion> done = List
			.of(new Coverage.Completion(a, UUID.randomUUID(), Topic.SAFEGUARDING, expires));
		assertThat(Coverage.of(staff, Map.of(), done, Set.of(), 1, expires.minusDays(1))
			.organisations()
			.get(0)
			.figure(Topic.SAFEGUARDING)
			.trained()).isEqualTo(1);
		assertThat(Coverage.of(staff, Map.of(), done, Set.of(), 1, expires)
			.organisations()
			.get(0)
			.figure(Topic.SAFEGUARDING)
			.trained()).isZero();
	}

	private static PractitionerId id() {
		return new PractitionerId(UUID.randomUUID());
	}

}
