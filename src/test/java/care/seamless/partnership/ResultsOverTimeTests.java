package care.seamless.partnership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Results over time, worked by hand: two rounds, two partners. Round 1: council rates
 * TRUST.1 = 2 and TRUST.2 = 3 (council trust 2.50), trust rates TRUST.1 = 4 (trust 4.00);
 * overall trust (2 + 3 + 4) / 3 = 3.00; nobody rates learning. Round 2: council rates
 * TRUST.1 = 3 and LEARN.1 = 1; overall trust 3.00, learning 1.00. The register lists the
 * partnership with both partners, read set-based.
 */
@SeamlessTest
class ResultsOverTimeTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Partnerships partnerships;

	@Autowired
	WorkingTogether workingTogether;

	@Autowired
	Directory directory;

	@Test
	void meansPerPrincipleAndPartnerRoundByRoundOldestFirst() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		Staff board = fixtures.practitioner(council, Profession.ADMINISTRATOR, Role.BOARD_MEMBER);
		Staff commissioner = fixtures.practitioner(council, Profession.ADMINISTRATOR, Role.COMMISSIONER);
		Staff social = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		Staff nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		Staff outsider = fixtures.practitioner(fixtures.organisation(OrganisationKind.HOUSING),
				Profession.HOUSING_OFFICER);
		String name = Fixtures.unique("Over time ");
		UUID id = partnerships.create(commissioner.actor(),
				new NewPartnership(name, PartnershipKind.INFORMAL, PartnershipDirection.HORIZONTAL, "Aims", "Functions",
						"", "", null, "", LocalDate.of(2026, 4, 1), null, LocalDate.of(2027, 4, 1), "",
						PartnershipStatus.ACTIVE, List.of(new NewPartnership.Partner(council, "Staff", ""),
								new NewPartnership.Partner(trust, "Staff", "")),
						Set.of()));
		UUID first = workingTogether.openRound(board.actor(), id, "First");
		workingTogether.rate(social.actor(), first, Map.of("TRUST.1", "2", "TRUST.2", "3"));
		workingTogether.rate(nurse.actor(), first, Map.of("TRUST.1", "4"));
		UUID second = workingTogether.openRound(board.actor(), id, "Second");
		workingTogether.rate(social.actor(), second, Map.of("TRUST.1", "3", "LEARN.1", "1"));

		ResultsOverTime results = workingTogether.overTime(board.actor(), id);

		assertThat(results.rounds()).containsExactly("First", "Second");
		assertThat(results.overall()).extracting(ResultsOverTime.Series::principle)
			.containsExactly(Principle.TRUST, Principle.LEARN);
		assertThat(results.overall().get(0).means()).containsExactly(new BigDecimal("3.00"), new BigDecimal("3.00"));
		assertThat(results.overall().get(1).means()).containsExactly(null, new BigDecimal("1.00"));
		ResultsOverTime.Partner councilResults = results.partners()
			.stream()
			.filter((p) -> p.organisationName().endsWith(code(council)))
			.findFirst()
			.orElseThrow();
		assertThat(councilResults.principles().get(0).means()).containsExactly(new BigDecimal("2.50"),
				new BigDecimal("3.00"));
		ResultsOverTime.Partner trustResults = results.partners()
			.stream()
			.filter((p) -> p.organisationName().endsWith(code(trust)))
			.findFirst()
			.orElseThrow();
		assertThat(trustResults.principles()).singleElement()
			.satisfies((s) -> assertThat(s.means()).containsExactly(new BigDecimal("4.00"), null));
		assertThatThrownBy(() -> workingTogether.overTime(outsider.actor(), id))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(partnerships.all()).filteredOn((p) -> p.id().equals(id))
			.singleElement()
			.satisfies((p) -> assertThat(p.partners()).hasSize(2));
	}

	private String code(OrganisationId organisation) {
		return directory.organisation(organisation).code();
	}

}
