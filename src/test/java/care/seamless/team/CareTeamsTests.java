package care.seamless.team;

import care.seamless.shared.Profession;
import java.util.List;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SeamlessTest
class CareTeamsTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	CareTeams careTeams;

	@Test
	void keepsExactlyOneCurrentLeadWhenTheLeadIsHandedOver() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		var socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		var nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		fixtures.agreement(java.util.Set.of(council, trust), care.seamless.shared.DataCategory.GENERAL);
		PersonId person = fixtures.person("Handover", socialWorker);

		careTeams.addMember(fixtures.admin, person, nurse.practitionerId(), nurse.teamId(), "Nursing", true);

		List<CareTeamMember> members = careTeams.members(person);
		assertThat(members).filteredOn(CareTeamMember::lead)
			.singleElement()
			.satisfies(lead -> assertThat(lead.practitionerId()).isEqualTo(nurse.practitionerId()));
		assertThat(members).extracting(CareTeamMember::organisationName).hasSize(2).doesNotHaveDuplicates();
	}

	@Test
	void refusesAFirstMemberWhoIsNotTheLead() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		var socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		PersonId nobody = PersonId.random();

		assertThatThrownBy(
				() -> careTeams.addMember(fixtures.admin, nobody, socialWorker.practitionerId(), null, "Member", false))
			.isInstanceOf(CareTeamRule.class)
			.hasMessageContaining("lead professional");
		assertThat(careTeams.members(nobody)).isEmpty();
	}

	@Test
	void refusesToLetTheLeadLeaveWithoutASuccessor() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		var socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		PersonId person = fixtures.person("Successor", socialWorker);
		CareTeamMember lead = careTeams.members(person).get(0);

		assertThatThrownBy(() -> careTeams.endMembership(fixtures.admin, lead.id(), lead.version()))
			.isInstanceOf(CareTeamRule.class);
		assertThat(careTeams.isCurrentMember(person, socialWorker.practitionerId())).isTrue();
	}

	@Test
	void endsAnOrdinaryMembershipSoTheRelationshipLapses() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		var socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		var therapist = fixtures.practitioner(council, Profession.OCCUPATIONAL_THERAPIST);
		PersonId person = fixtures.person("Leaver", socialWorker);
		fixtures.addToCareTeam(person, therapist);
		CareTeamMember member = careTeams.members(person)
			.stream()
			.filter(m -> m.practitionerId().equals(therapist.practitionerId()))
			.findFirst()
			.orElseThrow();
		assertThat(careTeams.isCurrentMember(person, therapist.practitionerId())).isTrue();

		careTeams.endMembership(fixtures.admin, member.id(), member.version());

		assertThat(careTeams.isCurrentMember(person, therapist.practitionerId())).isFalse();
		CareTeamMember ended = careTeams.members(person)
			.stream()
			.filter(m -> m.id().equals(member.id()))
			.findFirst()
			.orElseThrow();
		assertThat(ended.periodEnd()).isNotNull();
		assertThatThrownBy(() -> careTeams.endMembership(fixtures.admin, member.id(), member.version()))
			.isInstanceOf(care.seamless.shared.ConcurrentEditException.class);
	}

	@Test
	void aUnknownMembershipCannotBeEnded() {
		assertThatThrownBy(() -> careTeams.endMembership(fixtures.admin, UUID.randomUUID(), 0))
			.isInstanceOf(care.seamless.shared.NotFoundException.class);
	}

}
