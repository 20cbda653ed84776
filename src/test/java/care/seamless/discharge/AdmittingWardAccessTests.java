package care.seamless.discharge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessGrants;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.ChoiceKind;
import care.seamless.consent.Choices;
import care.seamless.consent.HowGiven;
import care.seamless.consent.NewChoice;
import care.seamless.discharge.DischargeFixtures.Partnership;
import care.seamless.shared.Actor;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Profession;
import care.seamless.shared.TeamId;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one rule added for hospital discharge ({@code WritePermissions.admittingWard}), as
 * a decision table: who may give their own ward team access to a person's general
 * information by recording an admission.
 *
 * <pre>
 * recorder                                    | team given access        | objection | outcome
 * acute trust practitioner                    | their own ward           | none      | permit: admission
 * mental health trust practitioner            | their own team           | none      | permit: admission
 * GP practice practitioner                    | their own team           | none      | deny: role
 * council social worker                       | their own team           | none      | deny: role
 * acute trust practitioner                    | another ward of the trust| none      | deny: relationship
 * administrator (no practitioner)             | a ward                   | none      | deny: role
 * acute trust practitioner                    | their own ward           | to trust  | deny: objection
 * </pre>
 */
@SeamlessTest
class AdmittingWardAccessTests {

	@Autowired
	DischargeFixtures fixtures;

	@Autowired
	Fixtures common;

	@Autowired
	AccessGrants grants;

	@Autowired
	AccessPolicy accessPolicy;

	@Autowired
	Choices choices;

	@Autowired
	Directory directory;

	@Test
	void decisionTable() {
		Partnership p = fixtures.partnership();
		assertThat(accessPolicy.decideRecord(p.nurse().actor(), p.person()).permitted()).isFalse();
		assertThat(outcome(p.nurse().actor(), p, p.ward())).isNull();
		assertThat(accessPolicy.decideRecord(p.nurse().actor(), p.person()).permitted())
			.as("the ward may open the record now")
			.isTrue();

		Staff mentalHealth = practitioner(OrganisationKind.NHS_MENTAL_HEALTH_TRUST, Profession.PSYCHIATRIST);
		assertThat(outcome(mentalHealth.actor(), p, mentalHealth.teamId())).isNull();
		Staff gp = practitioner(OrganisationKind.GP_PRACTICE, Profession.GP);
		assertThat(outcome(gp.actor(), p, gp.teamId())).isEqualTo("role");
		assertThat(outcome(p.socialWorker().actor(), p, p.socialWorker().teamId())).isEqualTo("role");
		TeamId otherWard = directory.createTeam(common.admin, p.trust(), Fixtures.unique("Ward "));
		assertThat(outcome(p.nurse().actor(), p, otherWard)).isEqualTo("relationship");
		assertThat(outcome(common.admin, p, p.ward())).isEqualTo("role");

		choices.record(p.socialWorker().actor(), p.person(), new NewChoice(ChoiceKind.OBJECTION, p.trust(), null,
				HowGiven.VERBAL, LocalDate.now().minusDays(1), null, null));
		assertThat(outcome(p.wardManager().actor(), p, p.ward())).isEqualTo("objection");
	}

	private Staff practitioner(OrganisationKind kind, Profession profession) {
		OrganisationId organisation = common.organisation(kind);
		return common.practitioner(organisation, profession);
	}

	/** Null when permitted, else the refusing policy. */
	private @Nullable String outcome(Actor actor, Partnership p, TeamId team) {
		Instant expires = Instant.now().plus(1, ChronoUnit.DAYS);
		try {
			grants.grantToAdmittingWard(actor, p.person(), team, expires, "admission:test");
			return null;
		}
		catch (AccessDenied ex) {
			return ex.decision().policy();
		}
	}

}
