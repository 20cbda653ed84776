package care.seamless.demo;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.seamless.careplan.ActionKind;
import care.seamless.careplan.ActionQueues;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.NewAction;
import care.seamless.careplan.NewObjective;
import care.seamless.careplan.PersonsView;
import care.seamless.careplan.PlanActions;
import care.seamless.careplan.PlanSignatures;
import care.seamless.careplan.Section;
import care.seamless.person.People;
import care.seamless.person.PersonSummary;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Purpose;
import care.seamless.team.Account;
import care.seamless.team.CareTeamMember;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two care plans in Sam Jones's caseload, written through the plan's own API: one social
 * care and one health objective each, signed by some partners and not others, the
 * person's agreement to one, and an overdue action that escalates to Mark Evans.
 */
@Component
@ConditionalOnBooleanProperty("seamless.demo")
class DemoCarePlans {

	private final Directory directory;

	private final People people;

	private final CareTeams careTeams;

	private final CarePlans carePlans;

	private final PlanSignatures signatures;

	private final PlanActions actions;

	private final ActionQueues queues;

	private final TransactionTemplate transaction;

	DemoCarePlans(Directory directory, People people, CareTeams careTeams, CarePlans carePlans,
			PlanSignatures signatures, PlanActions actions, ActionQueues queues, TransactionTemplate transaction) {
		this.directory = directory;
		this.people = people;
		this.careTeams = careTeams;
		this.carePlans = carePlans;
		this.signatures = signatures;
		this.actions = actions;
		this.queues = queues;
		this.transaction = transaction;
	}

	@EventListener
	void on(DemoLoaded loaded) {
		Actor sam = actor("sam.jones");
		List<PersonSummary> caseload = people.caseload(sam, 1).people();
		caseload.stream().limit(2).forEach(person -> transaction.executeWithoutResult(s -> plan(sam, person)));
		queues.escalateOverdue();
	}

	private void plan(Actor sam, PersonSummary person) {
		carePlans.start(sam, person.id(), null);
		carePlans.addOutcome(sam, person.id(), "I want to stay in my own home and see my friends at the café");
		Set<OrganisationId> partners = new LinkedHashSet<>(carePlans.partnerOptions(person.id())
			.stream()
			.map(organisation -> organisation.id())
			.filter(id -> !directory.organisation(id).kind().isHealth())
			.toList());
		UUID social = carePlans.addObjective(sam, person.id(),
				new NewObjective(null, Section.SOCIAL_CARE, "Get out to the community café every week",
						"At the café at least once a week", "Visits a week, from the befriender's record",
						LocalDate.now().plusMonths(3), List.of("d910", "d450"), partners, DataCategory.GENERAL));
		signatures.signUp(sam, person.id(), social);
		signatures.recordPersonsView(sam, person.id(), social, PersonsView.View.AGREES, null, "I miss my friends");
		careTeams.members(person.id())
			.stream()
			.filter(m -> m.periodEnd() == null && m.profession().isHealth())
			.findFirst()
			.ifPresent(nurse -> healthObjective(sam, person, nurse));
		// Due today: an action cannot be created overdue, so it reaches the manager's
		// queue once the day has passed.
		actions.add(sam, person.id(), new NewAction(social, ActionKind.ACTION, "Arrange a befriender for café visits",
				DataCategory.GENERAL, sam.practitionerId(), LocalDate.now()));
	}

	private void healthObjective(Actor sam, PersonSummary person, CareTeamMember clinician) {
		OrganisationId trust = directory.practitioner(clinician.practitionerId()).organisationId();
		carePlans.addObjective(sam, person.id(),
				new NewObjective(null, Section.HEALTH, "No more falls at home", "No falls for three months",
						"Falls recorded by the district nurse and the person", LocalDate.now().plusMonths(3),
						List.of("d450"), Set.of(trust), DataCategory.GENERAL));
		actions.add(sam, person.id(), new NewAction(null, ActionKind.SERVICE, "Falls prevention exercise group",
				DataCategory.GENERAL, clinician.practitionerId(), LocalDate.now().plusWeeks(2)));
	}

	private Actor actor(String username) {
		Account account = directory.accountForSignIn(username).orElseThrow();
		return new Actor(account.id(), account.username(), account.practitionerId(), account.organisationId(),
				account.organisationCode(), account.roles(), Purpose.DIRECT_CARE);
	}

}
