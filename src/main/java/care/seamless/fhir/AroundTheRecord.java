package care.seamless.fhir;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

	/** Every type this part of the record gives. */
	static final Set<String> TYPES = Set.of("CareTeam", "RelatedPerson", "Flag", "CarePlan", "Goal", "Task");

	@Override
	public List<Resource> everything(Actor actor, PersonId person) {
		return parts(actor, person, TYPES);
	}

	/**
	 * The resources of the {@code types} named, each read only when asked for (a bulk
	 * export asks for some of them, person by person).
	 */
	List<Resource> parts(Actor actor, PersonId person, Set<String> types) {
		List<Resource> found = new ArrayList<>();
		if (types.contains("CareTeam")) {
			add(found, () -> List.of(RecordTranslator.careTeam(careTeams.careTeam(actor, person))));
		}
		if (types.contains("RelatedPerson")) {
			LocalDate today = LocalDate.now(ZoneOffset.UTC);
			add(found,
					() -> people.summary(actor, person)
						.relatedPeople()
						.stream()
						.map(r -> RecordTranslator.relatedPerson(r, today))
						.toList());
		}
		if (types.contains("Flag")) {
			add(found, () -> alerts.current(actor, person).alerts().stream().map(RecordTranslator::flag).toList());
		}
		if (types.contains("CarePlan") || types.contains("Goal") || types.contains("Task")) {
			add(found, () -> plans.plan(actor, person).map(plan -> {
				List<Resource> parts = new ArrayList<>();
				if (types.contains("CarePlan")) {
					parts.add(PlanTranslator.carePlan(plan));
				}
				if (types.contains("Goal")) {
					plan.objectives().forEach(o -> parts.add(PlanTranslator.goal(plan.personId(), o)));
				}
				if (types.contains("Task")) {
					plan.actions().forEach(a -> parts.add(PlanTranslator.task(plan, a)));
				}
				return parts;
			}).orElse(List.of()));
		}
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
