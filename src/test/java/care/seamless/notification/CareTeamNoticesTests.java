package care.seamless.notification;

import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.CareTeamRequests;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whoever must answer a care-team request is told, and so is whoever asked once it is
 * answered; a declined requester's link goes to their requests, not to a record closed to
 * them.
 */
@SeamlessTest
class CareTeamNoticesTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	CareTeamRequests requests;

	@Autowired
	Notifications notifications;

	@Test
	void theLeadHearsOfARequestToJoinAndTheRequesterOfTheAnswer() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		fixtures.agreement(Set.of(council, trust), DataCategory.GENERAL);
		Fixtures.Staff lead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		Fixtures.Staff nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		PersonId person = fixtures.person(Fixtures.unique("Told"), lead);

		var asked = requests.askToJoin(nurse.actor(), person, "Nursing", "I visit daily");
		await().untilAsserted(() -> assertThat(notifications.inbox(lead.actor())).extracting(Notice::kind, Notice::link)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("careteam.join_asked", "/care-teams/requests")));

		requests.decline(lead.actor(), asked, requests.request(asked).version(), "Nursing is not needed now");
		await().untilAsserted(() -> assertThat(notifications.inbox(nurse.actor()))
			.extracting(Notice::kind, Notice::link)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("careteam.join_declined", "/care-teams/requests")));
	}

}
