package care.seamless.careplan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import care.seamless.shared.Violation;
import care.seamless.shared.Violations;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;
import care.seamless.terminology.Concept;
import care.seamless.terminology.ConceptKind;
import care.seamless.terminology.Terminology;

import org.springframework.stereotype.Component;

/**
 * What makes an objective specific and measurable, and its partners real: a target, a
 * measure and a date; at least one assessed need from the common language; and partners
 * that have someone in the person's care team.
 */
@Component
class ObjectiveRules {

	private final Terminology terminology;

	private final CareTeams careTeams;

	private final Directory directory;

	private final CarePlanRepository repository;

	private final Clock clock;

	ObjectiveRules(Terminology terminology, CareTeams careTeams, Directory directory, CarePlanRepository repository,
			Clock clock) {
		this.terminology = terminology;
		this.careTeams = careTeams;
		this.directory = directory;
		this.repository = repository;
		this.clock = clock;
	}

	/** Checks every rule before refusing, so the form can name every problem at once. */
	NewObjective check(CarePlanRepository.PlanRow plan, PersonId person, NewObjective o) {
		Violations problems = new Violations();
		NewObjective checked = check(plan, person, o, problems);
		problems.refuseIfAny(CarePlanRule::new);
		return checked;
	}

	/** Every broken rule, without refusing. */
	List<Violation> problems(CarePlanRepository.PlanRow plan, PersonId person, NewObjective o) {
		Violations problems = new Violations();
		check(plan, person, o, problems);
		return problems.list();
	}

	private NewObjective check(CarePlanRepository.PlanRow plan, PersonId person, NewObjective o, Violations problems) {
		String description = required(o.description(), "description", "Describe the objective", problems);
		String target = required(o.target(), "target", "Enter the target: what will have changed", problems);
		String measure = required(o.measure(), "measure", "Enter how progress will be measured", problems);
		if (o.targetDate() == null) {
			problems.add("targetDate", "Enter the date the objective should be met by, for example 27 3 2027");
		}
		else if (o.targetDate().isBefore(LocalDate.now(clock))) {
			problems.add("targetDate", "The target date must be today or in the future");
		}
		if (o.section() == null) {
			problems.add("section", "Choose whether this is a health or a social care objective");
		}
		if (o.category() == null) {
			problems.add("category", "Choose the kind of information: it decides who may see the objective");
		}
		List<String> needs = needs(o.needCodes(), problems);
		if (o.partners().isEmpty()) {
			problems.add("partners", "Name at least one partner organisation that contributes");
		}
		else if (!organisationsInCareTeam(person).containsAll(o.partners())) {
			problems.add("partners",
					"Every partner named must have someone in the person's care team; add them to the care team first");
		}
		if (o.outcomeId() != null
				&& repository.outcomes(plan.id()).stream().noneMatch(out -> out.id().equals(o.outcomeId()))) {
			problems.add("outcomeId", "Choose one of the outcomes in this plan");
		}
		return new NewObjective(o.outcomeId(), o.section(), description, target, measure, o.targetDate(), needs,
				o.partners(), o.category());
	}

	private List<String> needs(List<String> codes, Violations problems) {
		Set<String> distinct = new LinkedHashSet<>();
		for (String code : codes) {
			if (code == null || code.isBlank()) {
				continue;
			}
			Concept concept = terminology.find(code.trim()).orElse(null);
			if (concept == null || (concept.kind() != ConceptKind.NEED && concept.kind() != ConceptKind.RISK)) {
				problems.add("needCodes", "Choose needs from the list");
				return List.of();
			}
			distinct.add(concept.code());
		}
		if (distinct.isEmpty()) {
			problems.add("needCodes", "Choose at least one assessed need this objective addresses");
		}
		return List.copyOf(distinct);
	}

	Set<OrganisationId> organisationsInCareTeam(PersonId person) {
		LocalDate today = LocalDate.now(clock);
		return careTeams.members(person)
			.stream()
			.filter(m -> m.isCurrent(today))
			.map(m -> directory.practitioner(m.practitionerId()).organisationId())
			.collect(Collectors.toSet());
	}

	private static String required(String text, String field, String message, Violations problems) {
		if (text == null || text.isBlank()) {
			problems.add(field, message);
			return "";
		}
		return text.trim();
	}

}
