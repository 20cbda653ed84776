package care.seamless.fhir;

import care.seamless.careplan.Action;
import care.seamless.careplan.ActionStatus;
import care.seamless.careplan.CarePlanView;
import care.seamless.careplan.Objective;
import care.seamless.shared.PersonId;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * A care and support plan as the viewer may see it: the plan (CarePlan), its objectives
 * (Goal) and its actions with their one accountable owner (Task). Objectives and actions
 * withheld from the viewer are not in the view, so they are not referenced either.
 */
final class PlanTranslator {

	static final String UK_CORE_CARE_PLAN = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-CarePlan";

	static final String UK_CORE_TASK = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Task";

	private PlanTranslator() {
	}

	static CarePlan carePlan(CarePlanView plan) {
		CarePlan result = new CarePlan();
		result.setId(ItemIds.of(plan.personId(), plan.id()));
		result.getMeta().setVersionId(Long.toString(plan.version())).addProfile(UK_CORE_CARE_PLAN);
		// A plan not yet agreed with the person and every partner is still a draft.
		result.setStatus(plan.agreed() ? CarePlan.CarePlanStatus.ACTIVE : CarePlan.CarePlanStatus.DRAFT);
		result.setIntent(CarePlan.CarePlanIntent.PLAN);
		result.setTitle("Care and support plan");
		result.setSubject(RecordTranslator.patient(plan.personId()));
		plan.objectives().forEach(o -> result.addGoal(new Reference("Goal/" + ItemIds.of(plan.personId(), o.id()))));
		plan.actions()
			.forEach(a -> result.addActivity()
				.setReference(new Reference("Task/" + ItemIds.of(plan.personId(), a.id()))));
		if (plan.nextReviewOn() != null) {
			result.setPeriod(
					new Period().setEndElement(new org.hl7.fhir.r4.model.DateTimeType(plan.nextReviewOn().toString())));
		}
		return result;
	}

	static Goal goal(PersonId person, Objective objective) {
		Goal result = new Goal();
		result.setId(ItemIds.of(person, objective.id()));
		result.getMeta().setVersionId(Long.toString(objective.version()));
		result.setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE);
		result.setDescription(new CodeableConcept().setText(objective.description()));
		result.setSubject(RecordTranslator.patient(person));
		result.addTarget()
			.setMeasure(new CodeableConcept().setText(objective.measure()))
			.setDetail(new org.hl7.fhir.r4.model.StringType(objective.target()))
			.setDue(new DateType(objective.targetDate().toString()));
		result.setExpressedBy(new Reference().setDisplay(objective.recordedByOrganisation()));
		return result;
	}

	static Task task(CarePlanView plan, Action action) {
		Task result = new Task();
		result.setId(ItemIds.of(action.personId(), action.id()));
		result.getMeta().setVersionId(Long.toString(action.version())).addProfile(UK_CORE_TASK);
		result.setStatus(status(action.status()));
		result.setIntent(Task.TaskIntent.PLAN);
		result.setDescription(action.description());
		result.setCode(new CodeableConcept().setText(DirectoryTranslator.label(action.kind().name())));
		result.addBasedOn(new Reference("CarePlan/" + ItemIds.of(plan.personId(), plan.id())));
		if (action.objectiveId() != null && plan.objective(action.objectiveId()) != null) {
			result.setFocus(new Reference("Goal/" + ItemIds.of(plan.personId(), action.objectiveId())));
		}
		result.setFor(RecordTranslator.patient(action.personId()));
		result.setOwner(DirectoryTranslator.practitionerReference(action.ownerId().id().toString(),
				action.ownerName() + " (" + action.ownerOrganisationName() + ")"));
		result.getRestriction()
			.setPeriod(new Period().setEndElement(new org.hl7.fhir.r4.model.DateTimeType(action.dueOn().toString())));
		return result;
	}

	static Task.TaskStatus status(ActionStatus status) {
		return switch (status) {
			case OPEN -> Task.TaskStatus.READY;
			case IN_PROGRESS -> Task.TaskStatus.INPROGRESS;
			case DONE -> Task.TaskStatus.COMPLETED;
			case CANCELLED -> Task.TaskStatus.CANCELLED;
		};
	}

}
