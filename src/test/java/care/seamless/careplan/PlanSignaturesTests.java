package care.seamless.careplan;

import java.util.UUID;

import care.seamless.SeamlessTest;
import care.seamless.careplan.CarePlanFixtures.Partnership;
import care.seamless.consent.Choices;
import care.seamless.person.People;
import care.seamless.person.Relationship;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static care.seamless.careplan.CarePlansTests.assertRule;
import static org.assertj.core.api.Assertions.assertThat;

@SeamlessTest
class PlanSignaturesTests {

	@Autowired
	CarePlanFixtures fixtures;

	@Autowired
	CarePlans carePlans;

	@Autowired
	PlanSignatures signatures;

	@Autowired
	SignatureRepository repository;

	@Autowired
	People people;

	@Autowired
	Choices choices;

	@Autowired
	care.seamless.team.Directory directory;

	@Test
	void thePlanIsAgreedOnlyWhenEveryNamedPartnerAndThePersonHaveSigned() {
		Partnership p = fixtures.partnership();
		UUID[] ids = fixtures.planWithTwoObjectives(p);

		CarePlanView before = plan(p);
		assertThat(before.agreed()).isFalse();
		assertThat(before.outstanding()).extracting(Outstanding::kind, Outstanding::organisationName)
			.contains(org.assertj.core.groups.Tuple.tuple(Outstanding.Kind.PARTNER_NOT_SIGNED, name(p, p.trust())),
					org.assertj.core.groups.Tuple.tuple(Outstanding.Kind.PARTNER_NOT_SIGNED, name(p, p.charity())));

		signatures.signUp(p.socialWorker().actor(), p.person(), ids[0]);
		signatures.signUp(p.supportWorker().actor(), p.person(), ids[0]);
		signatures.signUp(p.nurse().actor(), p.person(), ids[1]);
		signatures.recordPersonsView(p.socialWorker().actor(), p.person(), ids[0], PersonsView.View.AGREES, null, null);
		assertThat(plan(p).agreed()).isFalse();
		assertThat(plan(p).outstanding()).singleElement()
			.satisfies(o -> assertThat(o.kind()).isEqualTo(Outstanding.Kind.PERSON_NOT_ASKED));

		signatures.recordPersonsView(p.nurse().actor(), p.person(), ids[1], PersonsView.View.AGREES, null,
				"I want it to stop hurting");

		CarePlanView agreed = plan(p);
		assertThat(agreed.agreed()).isTrue();
		assertThat(agreed.outstanding()).isEmpty();
		PartnerSignUp trust = agreed.objective(ids[1]).partners().get(0);
		assertThat(trust.signed()).isTrue();
		assertThat(trust.practitionerName())
			.isEqualTo(directory.practitioner(p.nurse().practitionerId()).displayName());
		assertThat(trust.at()).isNotNull();
	}

	@Test
	void aPartnerNotNamedCannotSignAndWithdrawingKeepsTheHistory() {
		Partnership p = fixtures.partnership();
		UUID[] ids = fixtures.planWithTwoObjectives(p);

		assertRule(() -> signatures.signUp(p.nurse().actor(), p.person(), ids[0]), "objective");
		signatures.signUp(p.nurse().actor(), p.person(), ids[1]);
		assertRule(() -> signatures.withdrawSignUp(p.nurse().actor(), p.person(), ids[1], " "), "reason");
		signatures.withdrawSignUp(p.nurse().actor(), p.person(), ids[1], "Ulcer care moved to the GP practice");

		PartnerSignUp trust = plan(p).objective(ids[1]).partners().get(0);
		assertThat(trust.signed()).isFalse();
		assertThat(trust.withdrawalReason()).isEqualTo("Ulcer care moved to the GP practice");
		assertThat(repository.signUpRows(ids[1])).isEqualTo(2);
	}

	@Test
	void thePersonsDisagreementIsRecordedWithTheirReasonAndCanBeWithdrawn() {
		Partnership p = fixtures.partnership();
		UUID[] ids = fixtures.planWithTwoObjectives(p);

		assertRule(() -> signatures.recordPersonsView(p.socialWorker().actor(), p.person(), ids[0],
				PersonsView.View.DISAGREES, null, ""), "reason");
		signatures.recordPersonsView(p.socialWorker().actor(), p.person(), ids[0], PersonsView.View.DISAGREES, null,
				"I don't want to go out in winter");
		assertThat(plan(p).objective(ids[0]).personsView().reason()).isEqualTo("I don't want to go out in winter");
		assertThat(plan(p).outstanding())
			.anySatisfy(o -> assertThat(o.kind()).isEqualTo(Outstanding.Kind.PERSON_DISAGREES));

		signatures.recordPersonsView(p.socialWorker().actor(), p.person(), ids[0], PersonsView.View.WITHDRAWN, null,
				"Wants to think again");
		assertThat(plan(p).objective(ids[0]).personsView().view()).isEqualTo(PersonsView.View.WITHDRAWN);
		assertThat(repository.viewRows(ids[0])).isEqualTo(2);
	}

	@Test
	void whenThePersonLacksCapacityTheirAdvocateGivesTheirView() {
		Partnership p = fixtures.partnership();
		UUID[] ids = fixtures.planWithTwoObjectives(p);
		UUID carer = people.addRelatedPerson(p.socialWorker().actor(), p.person(), Relationship.CARER, "Sue Carer",
				null, null, true);
		UUID advocate = people.addRelatedPerson(p.socialWorker().actor(), p.person(), Relationship.CARE_ACT_ADVOCATE,
				"Riverside Advocacy", null, null, true);
		choices.assessCapacity(p.socialWorker().actor(), p.person(), true, false, true, true, true, "Cannot weigh");

		assertRule(() -> signatures.recordPersonsView(p.socialWorker().actor(), p.person(), ids[0],
				PersonsView.View.AGREES, null, null), "representative");
		assertRule(() -> signatures.recordPersonsView(p.socialWorker().actor(), p.person(), ids[0],
				PersonsView.View.AGREES, carer, null), "representative");
		signatures.recordPersonsView(p.socialWorker().actor(), p.person(), ids[0], PersonsView.View.DISAGREES, advocate,
				"She has always hated shopping");

		PersonsView view = plan(p).objective(ids[0]).personsView();
		assertThat(view.givenBy()).isEqualTo("Riverside Advocacy");
		assertThat(view.relationship()).isEqualTo("CARE_ACT_ADVOCATE");
	}

	private CarePlanView plan(Partnership p) {
		return carePlans.plan(p.socialWorker().actor(), p.person()).orElseThrow();
	}

	private String name(Partnership p, care.seamless.shared.OrganisationId org) {
		return directory.organisation(org).name();
	}

}
