package care.seamless.consent;

import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.notification.Notice;
import care.seamless.notification.Notifications;
import care.seamless.person.People;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, hole 8: every emergency access reaches a guardian, reviews name the person,
 * "not appropriate" ends the access at once and tells the user's manager, and emergency
 * access is read-only unless its reason permits change.
 */
@SeamlessTest
class EmergencyAccessOversightTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Overrides overrides;

	@Autowired
	AccessPolicy accessPolicy;

	@Autowired
	People people;

	@Autowired
	Notifications notifications;

	@Test
	void notAppropriateEndsTheAccessAtOnceAndTellsTheTeamManager() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId hospital = fixtures.organisation(OrganisationKind.NHS_ACUTE_TRUST);
		var lead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		var doctor = fixtures.practitioner(hospital, Profession.HOSPITAL_DOCTOR);
		var manager = fixtures.practitionerIn(hospital, doctor.teamId(), Profession.HOSPITAL_DOCTOR, true,
				Role.PRACTITIONER, Role.TEAM_MANAGER);
		var guardian = fixtures.practitioner(hospital, Profession.ADMINISTRATOR, Role.CALDICOTT_GUARDIAN);
		PersonId person = fixtures.person(Fixtures.unique("Curious"), lead);
		UUID id = overrides.breakGlass(doctor.actor(), person, OverrideReason.EMERGENCY_CARE,
				"Neighbour of mine, wanted to check on her");
		assertThat(accessPolicy.decideRecord(doctor.actor(), person).permitted()).isTrue();
		await().untilAsserted(() -> assertThat(notifications.inbox(guardian.actor())).extracting(Notice::kind)
			.contains("consent.emergency_access"));

		overrides.review(guardian.actor(), id, 0, false, "Not a clinical reason: curiosity about a neighbour");

		assertThat(accessPolicy.decideRecord(doctor.actor(), person).permitted()).isFalse();
		assertThatThrownBy(() -> people.record(doctor.actor(), person)).isInstanceOf(AccessDenied.class);
		await().untilAsserted(() -> assertThat(notifications.inbox(manager.actor())).extracting(Notice::kind)
			.contains("consent.emergency_access_inappropriate"));
		assertThat(notifications.inbox(doctor.actor())).extracting(Notice::kind)
			.doesNotContain("consent.emergency_access_inappropriate");
	}

	@Test
	void emergencyAccessIsReadOnlyUnlessItsReasonPermitsChange() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		fixtures.agreement(Set.of(council, trust), DataCategory.GENERAL);
		var lead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		var reader = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		var clinician = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		PersonId person = fixtures.person(Fixtures.unique("ReadOnly"), lead);
		overrides.breakGlass(reader.actor(), person, OverrideReason.RISK_TO_OTHERS,
				"Threats made to a neighbour, police asking about risk");
		overrides.breakGlass(clinician.actor(), person, OverrideReason.EMERGENCY_CARE,
				"Found collapsed at home, need medication and allergies");

		assertThat(people.record(reader.actor(), person).override()).isTrue();
		assertThatThrownBy(() -> people.addEntry(reader.actor(), person, DataCategory.GENERAL, "Visit",
				"Visited about the threats"))
			.isInstanceOfSatisfying(AccessDenied.class,
					ex -> assertThat(ex.decision().reason()).contains("read the record, not change it"));
		assertThat(people.entries(lead.actor(), person, 1).total()).isZero();

		people.addEntry(clinician.actor(), person, DataCategory.GENERAL, "Emergency visit", "Gave adrenaline");
		assertThat(people.entries(lead.actor(), person, 1).total()).isEqualTo(1);
	}

	@Test
	void theFallbackGuardianReviewsEmergencyAccessByAnOrganisationWithoutAGuardian() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId charity = fixtures.organisation(OrganisationKind.VOLUNTARY_SECTOR);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		var lead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		var volunteer = fixtures.practitioner(charity, Profession.SUPPORT_WORKER);
		var councilGuardian = fixtures.practitioner(council, Profession.ADMINISTRATOR, Role.CALDICOTT_GUARDIAN);
		var fallback = fixtures.practitioner(trust, Profession.ADMINISTRATOR, Role.CALDICOTT_GUARDIAN);
		var admin = fixtures.practitioner(council, Profession.ADMINISTRATOR, Role.ADMINISTRATOR);
		assertThatThrownBy(() -> overrides.nameFallbackGuardian(lead.actor(), fallback.username()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> overrides.nameFallbackGuardian(admin.actor(), lead.username()))
			.isInstanceOf(ConsentRule.class);
		overrides.nameFallbackGuardian(admin.actor(), fallback.username());
		String family = Fixtures.unique("Unguarded");
		PersonId person = fixtures.person(family, lead);

		UUID id = overrides.breakGlass(volunteer.actor(), person, OverrideReason.SAFEGUARDING_ADULT,
				"Bruises seen on her arms at the lunch club today");

		assertThat(overrides.awaitingReview(fallback.actor())).extracting(Override::id).contains(id);
		assertThat(overrides.awaitingReview(councilGuardian.actor())).extracting(Override::id).doesNotContain(id);
		assertThat(overrides.namesFor(fallback.actor(), overrides.awaitingReview(fallback.actor())))
			.containsEntry(person, people.summary(lead.actor(), person).details().givenName() + " " + family);
		await().untilAsserted(() -> assertThat(notifications.inbox(fallback.actor())).extracting(Notice::kind)
			.contains("consent.emergency_access"));
	}

}
