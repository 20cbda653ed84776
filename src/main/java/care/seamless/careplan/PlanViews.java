package care.seamless.careplan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import care.seamless.consent.AccessPolicy;
import care.seamless.consent.ItemKind;
import care.seamless.consent.SqlCondition;
import care.seamless.consent.WithheldReason;
import care.seamless.shared.Actor;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PractitionerId;
import care.seamless.terminology.Audience;
import care.seamless.terminology.Terminology;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Puts the plan together for one viewer: only the objectives, actions, risks and
 * decisions the access policy lets them see (decided in SQL, item by item), a notice for
 * what is withheld, and needs in the viewer's own words.
 */
@Component
class PlanViews {

	private final PlanPartsRepository parts;

	private final AccessPolicy accessPolicy;

	private final PlanAccess access;

	private final Terminology terminology;

	PlanViews(PlanPartsRepository parts, AccessPolicy accessPolicy, PlanAccess access, Terminology terminology) {
		this.parts = parts;
		this.accessPolicy = accessPolicy;
		this.access = access;
		this.terminology = terminology;
	}

	/**
	 * The plan as the reader sees it, needs in their own profession's words (the reader's
	 * profession is read with the view's other names).
	 */
	CarePlanView view(Actor actor, CarePlanRepository.PlanRow plan) {
		return view(actor, plan, null);
	}

	/**
	 * Reads every part in one statement ({@link PlanPartsRepository}) and then the names
	 * they show in one more, instead of one read per part and per organisation and
	 * practitioner.
	 */
	CarePlanView view(Actor actor, CarePlanRepository.PlanRow plan, @Nullable Audience audience) {
		return view(actor, plan, audience, parts.read(plan.id(), conditions(actor)));
	}

	/**
	 * What the access policy lets this viewer see of each part, as SQL over its alias.
	 */
	PlanPartsRepository.Conditions conditions(Actor actor) {
		PlanPartsRepository.DecidedOnce decided = new PlanPartsRepository.DecidedOnce(
				accessPolicy.withheldItemReason(actor, "k.person_id", "k.category", "k.holder", "k.kind", "k.id"));
		Map<String, Object> params = decided.reason().params();
		return new PlanPartsRepository.Conditions(
				PlanPartsRepository.DecidedOnce.visibleOf("cv", "organisation_id", params),
				PlanPartsRepository.DecidedOnce.objectiveVisible(params),
				PlanPartsRepository.DecidedOnce.actionVisible(params),
				new CarePlanRepository.WithheldReasons(PlanPartsRepository.DecidedOnce.objectiveReasonOf(params),
						PlanPartsRepository.DecidedOnce.reasonOf("cv", "organisation_id", params),
						PlanPartsRepository.DecidedOnce.actionReasonOf(params),
						PlanPartsRepository.DecidedOnce.reasonOf("cnt", "source_organisation_id", params),
						PlanPartsRepository.DecidedOnce.reasonOf("rv", "source_organisation_id", params)),
				PlanPartsRepository.DecidedOnce.visibleOf("cnt", "source_organisation_id", params),
				PlanPartsRepository.DecidedOnce.visibleOf("rsk", "source_organisation_id", params),
				PlanPartsRepository.DecidedOnce.visibleOf("dcs", "source_organisation_id", params),
				PlanPartsRepository.DecidedOnce.visibleOf("rv", "source_organisation_id", params),
				PlanPartsRepository.DecidedOnce.visibleOf("obj", "source_organisation_id", params), decided);
	}

	/**
	 * {@link #conditions} with each part's own condition evaluated for each of its rows,
	 * as the plan's read did before ADR 89's addendum: the reference the read is tested
	 * against, and what each part's own read takes.
	 */
	PlanPartsRepository.Conditions conditionsPerPart(Actor actor) {
		// A carer's view is an item of its own, decided by its category (the objective's)
		// and the organisation that recorded it, like every other item of the plan.
		return new PlanPartsRepository.Conditions(visible(actor, "cv", "organisation_id"),
				accessPolicy.visibleItems(actor, "obj.person_id", "obj.category", "obj.source_organisation_id",
						ItemKind.PLAN_OBJECTIVE, "obj.id"),
				accessPolicy.visibleItems(actor, "act.person_id", "act.category", "act.owner_organisation_id",
						ItemKind.PLAN_ACTION, "act.id"),
				new CarePlanRepository.WithheldReasons(objectiveReason(actor), reason(actor, "cv", "organisation_id"),
						actionReason(actor), reason(actor, "cnt", "source_organisation_id"),
						reason(actor, "rv", "source_organisation_id")),
				visible(actor, "cnt", "source_organisation_id"),
				accessPolicy.visibleItems(actor, "rsk.person_id", "rsk.category", "rsk.source_organisation_id"),
				accessPolicy.visibleItems(actor, "dcs.person_id", "dcs.category", "dcs.source_organisation_id"),
				visible(actor, "rv", "source_organisation_id"), visible(actor, "obj", "source_organisation_id"), null);
	}

	/** The plan put together from its parts as this viewer may see them. */
	CarePlanView view(Actor actor, CarePlanRepository.PlanRow plan, @Nullable Audience audience,
			PlanPartsRepository.Parts parts) {
		UUID id = plan.id();
		PlanAccess.Names names = access.names();
		Set<OrganisationId> organisations = new HashSet<>();
		Set<PractitionerId> practitioners = new HashSet<>();
		parts.objectives().forEach(o -> organisations.add(o.sourceOrganisation()));
		parts.partners().forEach(p -> {
			organisations.add(p.organisationId());
			if (p.practitionerId() != null) {
				practitioners.add(p.practitionerId());
			}
		});
		parts.carers().forEach(c -> organisations.add(c.organisation()));
		parts.actions().forEach(a -> {
			organisations.add(a.ownerOrganisation());
			if (a.offeredTo() != null) {
				organisations.add(a.offeredTo());
			}
			practitioners.add(a.owner());
		});
		parts.options().stream().map(DiscussionRepository.OptionRow::view).filter(Objects::nonNull).forEach(v -> {
			organisations.add(v.organisation());
			practitioners.add(v.practitioner());
		});
		parts.withheld().forEach(w -> organisations.add(w.source()));
		if (audience == null && actor.practitionerId() != null) {
			practitioners.add(actor.practitionerId());
		}
		names.prefetch(organisations, practitioners);
		Audience words = audience != null ? audience : access.audienceOf(actor, names);
		List<Objective> objectives = objectives(parts.objectives(), parts.partners(), parts.carers(), parts.views(),
				words, names);
		List<Action> visibleActions = parts.actions().stream().map(row -> action(row, names)).toList();
		// Distinct across parts too: the notice names each reason and organisation once.
		Set<WithheldPart> withheld = new LinkedHashSet<>();
		parts.withheld().forEach(w -> withheld.add(part(w, names)));
		return new CarePlanView(id, plan.personId(), plan.assessmentEpisodeId(), plan.nextReviewOn(), plan.version(),
				parts.outcomes(), objectives, visibleActions, parts.contingency(), parts.risks(),
				decisions(parts.decisions(), parts.options(), names), parts.reviews(), parts.agreed(),
				outstanding(objectives), List.copyOf(withheld));
	}

	private SqlCondition objectiveReason(Actor actor) {
		return accessPolicy.withheldReason(actor, "obj.person_id", "obj.category", "obj.source_organisation_id",
				ItemKind.PLAN_OBJECTIVE, "obj.id");
	}

	private SqlCondition actionReason(Actor actor) {
		return accessPolicy.withheldReason(actor, "act.person_id", "act.category", "act.owner_organisation_id",
				ItemKind.PLAN_ACTION, "act.id");
	}

	private SqlCondition visible(Actor actor, String alias, String sourceColumn) {
		return access.visible(actor, alias, sourceColumn);
	}

	private SqlCondition reason(Actor actor, String alias, String sourceColumn) {
		return accessPolicy.withheldReason(actor, alias + ".person_id", alias + ".category",
				alias + "." + sourceColumn);
	}

	private List<Objective> objectives(List<CarePlanRepository.ObjectiveRow> rows,
			List<SignatureRepository.PartnerRow> partnerRows, List<CarerViewRepository.Row> carerRows,
			List<SignatureRepository.ViewRow> viewRows, Audience audience, PlanAccess.Names names) {
		Map<UUID, List<SignatureRepository.PartnerRow>> partners = partnerRows.stream()
			.collect(Collectors.groupingBy(SignatureRepository.PartnerRow::objectiveId));
		Map<UUID, SignatureRepository.ViewRow> views = viewRows.stream()
			.collect(Collectors.toMap(SignatureRepository.ViewRow::objectiveId, v -> v));
		Map<UUID, List<CarersView>> carers = carerRows.stream()
			.collect(
					Collectors.groupingBy(CarerViewRepository.Row::objectiveId,
							Collectors.mapping(
									v -> new CarersView(v.id(), v.carer(), v.carerName(), v.view(), v.words(),
											v.recordedBy(), names.of(v.organisation()), v.recordedAt()),
									Collectors.toList())));
		return rows.stream()
			.map(row -> new Objective(row.id(), row.outcomeId(), row.section(), row.description(), row.target(),
					row.measure(), row.targetDate(),
					row.needCodes().stream().map(code -> new Need(code, terminology.display(code, audience))).toList(),
					row.category(), names.of(row.sourceOrganisation()),
					partners.getOrDefault(row.id(), List.of()).stream().map(p -> signUp(p, names)).toList(),
					personsView(views.get(row.id())), carers.getOrDefault(row.id(), List.of()), row.version()))
			.toList();
	}

	private static PartnerSignUp signUp(SignatureRepository.PartnerRow row, PlanAccess.Names names) {
		boolean signed = Boolean.TRUE.equals(row.signed());
		return new PartnerSignUp(row.organisationId(), names.of(row.organisationId()), signed,
				row.practitionerId() == null ? null : names.of(row.practitionerId()), row.at(),
				signed ? null : row.reason());
	}

	private static PersonsView personsView(SignatureRepository.ViewRow row) {
		if (row == null) {
			return null;
		}
		boolean byPerson = "PERSON".equals(row.givenBy());
		return new PersonsView(row.view(), byPerson ? "PERSON" : row.representative(), byPerson ? null : row.givenBy(),
				row.reason(), row.recordedBy(), row.recordedAt());
	}

	private static Action action(ActionRepository.Row row, PlanAccess.Names names) {
		return new Action(row.id(), row.personId(), row.objectiveId(), row.kind(), row.description(), row.category(),
				row.ownerOrganisation(), names.of(row.ownerOrganisation()), row.owner(), names.of(row.owner()),
				row.dueOn(), row.status(), row.offeredTo(), row.offeredTo() == null ? null : names.of(row.offeredTo()),
				row.escalatedAt(), row.version());
	}

	private static List<Decision> decisions(List<DiscussionRepository.DecisionRow> rows,
			List<DiscussionRepository.OptionRow> optionRows, PlanAccess.Names names) {
		Map<UUID, List<Decision.Option>> options = DiscussionRepository.optionsByDecision(optionRows,
				v -> new Decision.ProfessionalView(names.of(v.practitioner()), names.of(v.organisation()), v.view()));
		return rows.stream()
			.map(d -> new Decision(d.id(), d.question(), options.getOrDefault(d.id(), List.of()), d.chosenOptionId(),
					d.choiceInOwnWords(), d.chosenAt(), d.version()))
			.toList();
	}

	private static WithheldPart part(CarePlanRepository.Withheld withheld, PlanAccess.Names names) {
		return new WithheldPart(WithheldReason.valueOf(withheld.reason()), names.of(withheld.source()));
	}

	static List<Outstanding> outstanding(List<Objective> objectives) {
		List<Outstanding> outstanding = new ArrayList<>();
		for (Objective objective : objectives) {
			for (PartnerSignUp partner : objective.partners()) {
				if (!partner.signed()) {
					outstanding.add(new Outstanding(objective.id(), objective.description(),
							Outstanding.Kind.PARTNER_NOT_SIGNED, partner.organisationName()));
				}
			}
			if (objective.personsView() == null || objective.personsView().view() == PersonsView.View.WITHDRAWN) {
				outstanding.add(new Outstanding(objective.id(), objective.description(),
						Outstanding.Kind.PERSON_NOT_ASKED, null));
			}
			else if (objective.personsView().view() == PersonsView.View.DISAGREES) {
				outstanding.add(new Outstanding(objective.id(), objective.description(),
						Outstanding.Kind.PERSON_DISAGREES, null));
			}
		}
		return outstanding;
	}

}
