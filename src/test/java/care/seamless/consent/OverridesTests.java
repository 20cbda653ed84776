package care.seamless.consent;

import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditLog;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import care.seamless.shared.Profession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SeamlessTest
class OverridesTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Overrides overrides;

	@Autowired
	AccessPolicy accessPolicy;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anUnreviewedOverrideEscalatesToEveryGuardianAfterTheReviewWindow() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId hospital = fixtures.organisation(OrganisationKind.NHS_ACUTE_TRUST);
		var lead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		var doctor = fixtures.practitioner(hospital, Profession.HOSPITAL_DOCTOR);
		var otherGuardian = fixtures.practitioner(council, Profession.ADMINISTRATOR, Role.CALDICOTT_GUARDIAN);
		PersonId person = fixtures.person(Fixtures.unique("Escalate"), lead);
		UUID id = overrides.breakGlass(doctor.actor(), person, OverrideReason.EMERGENCY_CARE,
				"Collapsed at home, need medication history");
		assertThat(overrides.awaitingReview(otherGuardian.actor())).extracting(Override::id).doesNotContain(id);

		// Move the start back beyond the 72-hour window rather than waiting for it.
		jdbc.sql("update consent.override set started_at = now() - interval '73 hours' where id = :id")
			.param("id", id)
			.update();
		assertThat(overrides.escalateOverdueReviews()).isGreaterThanOrEqualTo(1);

		assertThat(overrides.awaitingReview(otherGuardian.actor())).filteredOn(o -> o.id().equals(id))
			.singleElement()
			.satisfies(o -> assertThat(o.escalated()).isTrue());
	}

	@Test
	void anOverrideIsTimeLimitedAndMarkedInTheAuditLog() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		var lead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		var stranger = fixtures.practitioner(council, Profession.OCCUPATIONAL_THERAPIST);
		PersonId person = fixtures.person(Fixtures.unique("Glass"), lead);
		assertThat(accessPolicy.decideRecord(stranger.actor(), person).permitted()).isFalse();

		UUID id = overrides.breakGlass(stranger.actor(), person, OverrideReason.SAFEGUARDING_ADULT,
				"Neighbour reports she has not been seen for days");
		assertThat(accessPolicy.decideRecord(stranger.actor(), person).override()).isTrue();
		assertThat(auditLog.historyOf(person, 5)).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("break-glass");
			assertThat(e.override()).isTrue();
		});

		jdbc.sql("update consent.override set expires_at = now() - interval '1 minute' where id = :id")
			.param("id", id)
			.update();
		assertThat(accessPolicy.decideRecord(stranger.actor(), person).permitted()).isFalse();
	}

	@Test
	void refusesAnOverrideWithoutTheReasonInOwnWords() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		var lead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		var stranger = fixtures.practitioner(council, Profession.OCCUPATIONAL_THERAPIST);
		PersonId person = fixtures.person(Fixtures.unique("Terse"), lead);

		assertThatThrownBy(
				() -> overrides.breakGlass(stranger.actor(), person, OverrideReason.EMERGENCY_CARE, "urgent"))
			.isInstanceOfSatisfying(ConsentRule.class, ex -> assertThat(ex.field()).isEqualTo("reasonText"));
		assertThat(accessPolicy.decideRecord(stranger.actor(), person).permitted()).isFalse();
	}

}
