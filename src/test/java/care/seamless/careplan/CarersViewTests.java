package care.seamless.careplan;

import java.time.LocalDate;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.ChoiceKind;
import care.seamless.consent.Choices;
import care.seamless.consent.HowGiven;
import care.seamless.consent.NewChoice;
import care.seamless.person.Carers;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A carer's view on an objective of the plan of the person they care for: recorded on the
 * carer's behalf, shown as the carer's beside the person's own view, version-checked,
 * audited on both records, and withheld where the access policy withholds it.
 */
@SeamlessTest
class CarersViewTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	CarePlanFixtures plans;

	@Autowired
	CarePlans carePlans;

	@Autowired
	Carers carers;

	@Autowired
	Choices choices;

	@Autowired
	AuditLog auditLog;

	@Autowired
	MockMvc mvc;

	@Test
	void aCarersViewIsShownAsTheirsOnThePlanAndThePersonsCopyAndAuditedOnBothRecords() throws Exception {
		CarePlanFixtures.Partnership p = plans.partnership();
		UUID social = plans.planWithTwoObjectives(p)[0];
		PersonId carer = fixtures.person(Fixtures.unique("Carer"), p.socialWorker());
		carers.link(p.socialWorker().actor(), p.person(), carer);
		long version = objective(p, social).version();

		carePlans.recordCarersView(p.socialWorker().actor(), p.person(), social, version, carer,
				CarersView.View.DISAGREES, "  Not on market day – the bus is too full for her chair  ");

		Objective seen = objective(p, social);
		assertThat(seen.carersViews()).singleElement().satisfies(v -> {
			assertThat(v.carer()).isEqualTo(carer);
			assertThat(v.view()).isEqualTo(CarersView.View.DISAGREES);
			assertThat(v.words()).isEqualTo("Not on market day – the bus is too full for her chair");
			assertThat(v.carerName()).isNotBlank();
		});
		assertThat(seen.personsView()).as("a carer's view never stands in for the person's").isNull();
		assertThat(carePlans.personsCopy(p.socialWorker().actor(), p.person()).plan().objective(social).carersViews())
			.hasSize(1);
		assertThat(auditLog.historyOf(p.person(), 50)).extracting(AuditEntry::action).contains("record-carers-view");
		assertThat(auditLog.historyOf(carer, 50)).extracting(AuditEntry::action).contains("give-carers-view");
		mvc.perform(get("/people/{id}/care-plan/persons-copy", p.person().id())
			.with(httpBasic(p.socialWorker().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("the bus is too full for her chair")));
	}

	@Test
	void staleHostileAndForeignViewsAreRefusedAndNothingIsSaved() {
		CarePlanFixtures.Partnership p = plans.partnership();
		UUID social = plans.planWithTwoObjectives(p)[0];
		PersonId carer = fixtures.person(Fixtures.unique("Carer"), p.socialWorker());
		PersonId notACarer = fixtures.person(Fixtures.unique("Stranger"), p.socialWorker());
		carers.link(p.socialWorker().actor(), p.person(), carer);
		long version = objective(p, social).version();
		var actor = p.socialWorker().actor();

		assertThatThrownBy(() -> carePlans.recordCarersView(actor, p.person(), social, version, carer,
				CarersView.View.COMMENT, "Fine\u0000"))
			.isInstanceOfSatisfying(CarePlanRule.class,
					rule -> assertThat(rule.violations()).extracting(care.seamless.shared.Violation::field)
						.contains("words"));
		assertThatThrownBy(() -> carePlans.recordCarersView(actor, p.person(), social, version, notACarer,
				CarersView.View.COMMENT, "Fine"))
			.isInstanceOfSatisfying(CarePlanRule.class,
					rule -> assertThat(rule.violations()).extracting(care.seamless.shared.Violation::field)
						.contains("carer"));
		assertThatThrownBy(() -> carePlans.recordCarersView(actor, p.person(), social, version, PersonId.random(), null,
				"x".repeat(2001)))
			.isInstanceOfSatisfying(CarePlanRule.class,
					rule -> assertThat(rule.violations()).extracting(care.seamless.shared.Violation::field)
						.contains("carer", "view", "words"));
		assertThatThrownBy(() -> carePlans.recordCarersView(actor, p.person(), UUID.randomUUID(), version, carer,
				CarersView.View.COMMENT, "Fine"))
			.isInstanceOf(NotFoundException.class);
		var stranger = fixtures.practitioner(p.council(), Profession.SOCIAL_WORKER);
		assertThatThrownBy(() -> carePlans.recordCarersView(stranger.actor(), p.person(), social, version, carer,
				CarersView.View.COMMENT, "Fine"))
			.isInstanceOf(AccessDenied.class);
		carePlans.changeObjective(actor, p.person(), social, version, CarePlanFixtures
			.objective("Get out to the market again", Section.SOCIAL_CARE, java.util.Set.of(p.council(), p.charity())));
		assertThatThrownBy(() -> carePlans.recordCarersView(actor, p.person(), social, version, carer,
				CarersView.View.AGREES, "Good idea"))
			.isInstanceOf(ConcurrentEditException.class);

		assertThat(objective(p, social).carersViews()).isEmpty();
	}

	@Test
	void aCarersViewIsWithheldWhereThePolicyWithholdsIt() {
		CarePlanFixtures.Partnership p = plans.partnership();
		UUID social = plans.planWithTwoObjectives(p)[0];
		PersonId carer = fixtures.person(Fixtures.unique("Carer"), p.socialWorker());
		carers.link(p.socialWorker().actor(), p.person(), carer);
		carePlans.recordCarersView(p.socialWorker().actor(), p.person(), social, objective(p, social).version(), carer,
				CarersView.View.AGREES, "She has wanted this for months");
		assertThat(carePlans.plan(p.supportWorker().actor(), p.person()).orElseThrow().objective(social).carersViews())
			.hasSize(1);

		choices.record(p.socialWorker().actor(), p.person(), new NewChoice(ChoiceKind.OBJECTION, p.charity(), null,
				HowGiven.VERBAL, LocalDate.now().minusDays(1), null, null));

		CarePlanView toCharity = carePlans.plan(p.supportWorker().actor(), p.person()).orElseThrow();
		assertThat(toCharity.objectives()).flatExtracting(Objective::carersViews).isEmpty();
		assertThat(toCharity.withheld()).isNotEmpty();
		var outsider = fixtures.practitioner(p.trust(), Profession.OCCUPATIONAL_THERAPIST);
		assertThatThrownBy(() -> carePlans.personsCopy(outsider.actor(), p.person())).isInstanceOf(AccessDenied.class);
	}

	private Objective objective(CarePlanFixtures.Partnership p, UUID id) {
		return carePlans.plan(p.socialWorker().actor(), p.person()).orElseThrow().objective(id);
	}

}
