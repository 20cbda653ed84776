package care.seamless.careplan.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import care.seamless.careplan.CarePlanView;
import care.seamless.assessment.AssessmentSummaries;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.Need;
import care.seamless.careplan.Section;
import care.seamless.person.PersonDetails;
import care.seamless.person.People;
import care.seamless.person.RelatedPerson;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import care.seamless.team.Directory;
import care.seamless.terminology.Audience;
import care.seamless.terminology.Concept;
import care.seamless.terminology.ConceptKind;
import care.seamless.terminology.SapDomain;
import care.seamless.terminology.Terminology;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the plan pages need besides the plan itself: names, lists to choose from, the
 * chart.
 */
@Component
class PlanPage {

	private final People people;

	private final CarePlans carePlans;

	private final Directory directory;

	private final Terminology terminology;

	static final String FOUND_BY_ASSESSMENT = "Found by the person's assessment";

	private final AssessmentSummaries summaries;

	private final MessageSource messages;

	PlanPage(People people, CarePlans carePlans, Directory directory, Terminology terminology,
			AssessmentSummaries summaries, MessageSource messages) {
		this.summaries = summaries;
		this.messages = messages;
		this.people = people;
		this.carePlans = carePlans;
		this.directory = directory;
		this.terminology = terminology;
	}

	/**
	 * The person's name as the viewer may see it (the read is audited by the person
	 * module).
	 */
	String name(Actor actor, PersonId person) {
		PersonDetails details = people.summary(actor, person).details();
		return details.givenName() + " " + details.familyName();
	}

	/**
	 * The name the person asked to be called, for what they read (their copy of the
	 * plan); their given name when they gave none.
	 */
	String greeting(Actor actor, PersonId person) {
		PersonDetails details = people.summary(actor, person).details();
		return (details.preferredName() != null && !details.preferredName().isBlank()) ? details.preferredName().strip()
				: details.givenName();
	}

	/** Related people who may speak for the person: advocates, attorneys, deputies. */
	List<RelatedPerson> representatives(Actor actor, PersonId person) {
		return people.summary(actor, person).relatedPeople().stream().filter(r -> switch (r.relationship()) {
			case ADVOCATE, IMCA, CARE_ACT_ADVOCATE, LPA_HEALTH_AND_WELFARE, DEPUTY -> true;
			default -> false;
		}).toList();
	}

	/** The plan page, with any refused form on it as typed. */
	String show(Actor actor, CarePlanView plan, Model model) {
		model.addAttribute("personId", plan.personId());
		model.addAttribute("personName", name(actor, plan.personId()));
		model.addAttribute("sections", Section.values());
		model.addAttribute("categories", DataCategory.values());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("refused", "");
			model.addAttribute("errors", Map.of());
		}
		describe(actor, plan, model);
		return "careplan/plan";
	}

	/**
	 * Shows the plan page again with a refused form as it was typed (the caller puts it
	 * in the model) and its messages, keyed by the id of the field each belongs to. The
	 * first message is also at the top of the page, as GOV.UK asks.
	 */
	String refuse(Actor actor, PersonId person, String form, Map<String, String> errors, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("refused", form);
		model.addAttribute("errors", errors);
		return show(actor, carePlans.plan(actor, person).orElseThrow(() -> new NotFoundException("CarePlan", person)),
				model);
	}

	String text(String code) {
		return messages.getMessage(code, null, LocaleContextHolder.getLocale());
	}

	void describe(Actor actor, CarePlanView plan, Model model) {
		model.addAttribute("plan", plan);
		model.addAttribute("mayChange", carePlans.mayChange(actor, plan.personId()));
		model.addAttribute("myOrganisation", actor.organisationId());
		model.addAttribute("today", LocalDate.now());
		model.addAttribute("owners", carePlans.possibleOwners(plan.personId()));
		model.addAttribute("partnerOptions", carePlans.partnerOptions(plan.personId()));
		model.addAttribute("chart", ProgressChart.of(plan));
	}

	/**
	 * Needs to choose from: first those the person's assessments found, then the whole
	 * common language by SAP domain.
	 */
	/** A need in the reader's words. */
	String needWords(Actor actor, String code) {
		return terminology.display(code, audience(actor));
	}

	Map<String, List<Need>> needGroups(Actor actor, PersonId person) {
		Audience audience = audience(actor);
		Map<String, List<Need>> groups = new LinkedHashMap<>();
		List<Need> assessed = summaries.assessedNeeds(actor, person)
			.stream()
			.map((need) -> new Need(need.code(), terminology.display(need.code(), audience)))
			.toList();
		if (!assessed.isEmpty()) {
			groups.put(FOUND_BY_ASSESSMENT, assessed);
		}
		// Each need is offered once, so choosing it cannot send its code twice.
		Set<String> offered = assessed.stream().map(Need::code).collect(Collectors.toSet());
		needGroups(actor).forEach((domain, needs) -> {
			List<Need> rest = needs.stream().filter((need) -> !offered.contains(need.code())).toList();
			if (!rest.isEmpty()) {
				groups.put(domain, rest);
			}
		});
		return groups;
	}

	Map<String, List<Need>> needGroups(Actor actor) {
		Audience audience = audience(actor);
		Map<SapDomain, List<Need>> byDomain = terminology.vocabulary()
			.concepts()
			.stream()
			.filter(c -> c.kind() == ConceptKind.NEED)
			.sorted(Comparator.comparing((Concept c) -> c.display(audience)))
			.collect(Collectors.groupingBy(Concept::sapDomain, LinkedHashMap::new,
					Collectors.mapping(c -> new Need(c.code(), c.display(audience)), Collectors.toList())));
		Map<String, List<Need>> groups = new LinkedHashMap<>();
		for (SapDomain domain : SapDomain.values()) {
			if (byDomain.containsKey(domain)) {
				groups.put(audience == Audience.PERSON ? domain.plainTitle() : domain.title(), byDomain.get(domain));
			}
		}
		return groups;
	}

	Audience audience(Actor actor) {
		return Audience.forReader(directory.professionOf(actor));
	}

}
