package care.seamless.fhir;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import care.seamless.careplan.CarePlans;
import care.seamless.consent.AccessDenied;
import care.seamless.person.Alerts;
import care.seamless.person.People;
import care.seamless.shared.Actor;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import care.seamless.team.CareTeamRequests;
import org.hl7.fhir.r4.model.Resource;

import org.springframework.stereotype.Component;

/**
 * The resources around the record for {@code Patient/$everything}: the care team, the
 * related people, the current alerts, the plan with its objectives and actions. Each
 * comes from the same policy-checked read as its own search (decided, redacted and
 * audited there); a part the caller may not see is left out, never an error.
 */
@Component
class AroundTheRecord implements PatientEverything {

	private final CareTeamRequests careTeams;

	private final People people;

	private final Alerts alerts;

	private final CarePlans plans;

	AroundTheRecord(CareTeamRequests careTeams, People people, Alerts alerts, CarePlans plans) {
		this.careTeams = careTeams;
		this.people = people;
		this.alerts = alerts;
		this.plans = plans;
	}

	@Override
	public List<Resource> everything(Actor actor, PersonId person) {
		List<Resource> found = new ArrayList<>();
		add(found, () -> List.of(RecordTranslator.careTeam(careTeams.careTeam(actor, person))));
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		add(found,
				() -> people.summary(actor, person)
					.relatedPeople()
					.stream()
					.map(r -> RecordTranslator.relatedPerson(r, today))
					.toList());
		add(found, () -> alerts.current(actor, person).alerts().stream().map(RecordTranslator::flag).toList());
		add(found, () -> plans.plan(actor, person).map(plan -> {
			List<Resource> parts = new ArrayList<>();
			parts.add(PlanTranslator.carePlan(plan));
			plan.objectives().forEach(o -> parts.add(PlanTranslator.goal(plan.personId(), o)));
			plan.actions().forEach(a -> parts.add(PlanTranslator.task(plan, a)));
			return parts;
		}).orElse(List.of()));
		return found;
	}

	private static void add(List<Resource> found, Supplier<List<? extends Resource>> read) {
		try {
			found.addAll(read.get());
		}
		catch (AccessDenied | NotFoundException ex) {
			// Refused and audited by the read itself: the part is left out.
		}
	}

}
