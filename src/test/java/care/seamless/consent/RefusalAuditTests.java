package care.seamless.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditLog;
import care.seamless.careplan.CarePlans;
import care.seamless.person.People;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A refused change leaves one DENIED audit entry and no PERMITTED one for it: the access
 * policy decides everything the change needs in one audited call, instead of allowing a
 * read and refusing afterwards.
 */
@SeamlessTest
class RefusalAuditTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Autowired
	CarePlans carePlans;

	@Autowired
	AccessGrants grants;

	@Autowired
	AuditLog auditLog;

	@Test
	void overwritingDetailsOneCannotSeeIsAuditedOnlyAsDenied() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		Fixtures.Staff socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		Fixtures.Staff nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		// Registered by the council, so its details are the council's; no agreement lets
		// them cross to the trust, whose nurse is nonetheless in the care team.
		PersonId person = people.register(socialWorker.actor(), Fixtures.details(Fixtures.unique("Given"),
				Fixtures.unique("Pellow"), LocalDate.of(1941, 2, 3), Fixtures.nextNhsNumber()));
		fixtures.addToCareTeam(person, nurse);

		assertThatThrownBy(() -> people.update(nurse.actor(), person, 0,
				Fixtures.details("Changed", "Name", LocalDate.of(1941, 2, 3), null)))
			.isInstanceOfSatisfying(AccessDenied.class,
					denied -> assertThat(denied.decision().withheld()).isEqualTo(WithheldReason.NO_AGREEMENT));

		assertThat(entries(person, nurse, "update")).singleElement()
			.extracting(AuditEntry::outcome)
			.isEqualTo("DENIED");
	}

	@Test
	void aTeamThatMayReadButIsNotInTheCareTeamIsRefusedAPlanAndAuditedOnlyAsDenied() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff lead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		Fixtures.Staff referredTo = fixtures.practitioner(council, Profession.OCCUPATIONAL_THERAPIST);
		PersonId person = fixtures.person(Fixtures.unique("Pellow"), lead);
		grants.grant(fixtures.admin, person, referredTo.teamId(), Set.of(DataCategory.GENERAL),
				Instant.now().plus(1, ChronoUnit.DAYS), "referral");

		assertThatThrownBy(() -> carePlans.start(referredTo.actor(), person, null)).isInstanceOfSatisfying(
				AccessDenied.class, denied -> assertThat(denied.decision().policy()).isEqualTo("relationship"));

		assertThat(entries(person, referredTo, "create")).singleElement()
			.extracting(AuditEntry::outcome)
			.isEqualTo("DENIED");
	}

	private List<AuditEntry> entries(PersonId person, Fixtures.Staff who, String action) {
		return auditLog.historyOf(person, 50)
			.stream()
			.filter(e -> e.account().equals(who.username()) && e.action().equals(action))
			.toList();
	}

}
