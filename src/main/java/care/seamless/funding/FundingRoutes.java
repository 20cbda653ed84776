package care.seamless.funding;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import care.seamless.careplan.CarePlanView;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.Need;
import care.seamless.careplan.Objective;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.AccessRequest;
import care.seamless.consent.SqlCondition;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Violations;
import care.seamless.team.Directory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who pays for each need the plan meets, and why: a route per need, attached to the
 * plan's objectives through careplan's API, never changed in place (a new route ends the
 * old one); the CHC checklist decisions; and disagreements between partners, which stand
 * beside the route, are told to the team managers, and are never overwritten. Every read
 * asks the access policy, and the same rule is in the SQL that reads.
 */
@Service
public class FundingRoutes {

	static final String RECORD = "FundingRoute";

	private static final int MAX_TEXT = 2000;

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	private final FundingRouteRepository repository;

	private final ChargingRateRepository rates;

	private final CarePlans carePlans;

	private final AccessPolicy accessPolicy;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FundingRoutes(FundingRouteRepository repository, ChargingRateRepository rates, CarePlans carePlans,
			AccessPolicy accessPolicy, Directory directory, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.rates = rates;
		this.carePlans = carePlans;
		this.accessPolicy = accessPolicy;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Every need met by the plan the reader may see, each with its current route (if the
	 * reader may see that too). Empty without a plan. Audited as one read.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<NeedFunding> forPerson(Actor actor, PersonId person) {
		accessPolicy.require(actor, AccessRequest.toOpen(person, "read-funding-routes", RECORD));
		Map<String, RouteView> routes = routes(actor, person).stream()
			.collect(Collectors.toMap(r -> key(r.objectiveId(), r.needCode()), r -> r));
		List<NeedFunding> needs = new ArrayList<>();
		carePlans.plan(actor, person).ifPresent(plan -> {
			for (Objective objective : plan.objectives()) {
				for (Need need : objective.needs()) {
					needs.add(new NeedFunding(objective.id(), objective.description(), need.code(), need.display(),
							routes.get(key(objective.id(), need.code()))));
				}
			}
		});
		return needs;
	}

	/** The current routes the reader may see (for the person's letter and the API). */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<RouteView> routes(Actor actor, PersonId person) {
		return repository.current(person, visible(actor, "r")).stream().map(this::view).toList();
	}

	/**
	 * Records who pays for one need of the plan, and why. When the need already has a
	 * route, it is ended (its version must be the one read) and the new one replaces it.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID record(Actor actor, PersonId person, NewRoute route) {
		PractitionerId self = requirePractitioner(actor);
		UUID id = UUID.randomUUID();
		accessPolicy.require(actor, change(person, "record-funding-route", id, actor.organisationId()));
		Violations problems = new Violations();
		String needDisplay = needDisplay(actor, person, route, problems);
		check(route, problems);
		problems.refuseIfAny(FundingRule::new);
		var current = repository.currentFor(person, route.objectiveId(), route.needCode());
		if (current.isPresent()) {
			Long read = route.replacesVersion();
			// One current route per need (a unique index): the old one ends first.
			if (read == null || !repository.end(current.get().id(), read, id, clock.instant())) {
				throw new ConcurrentEditException(RECORD, current.get().id());
			}
		}
		repository.insert(id, person, needDisplay, route, actor.organisationId(), self, clock.instant());
		return id;
	}

	/**
	 * Every problem with a new route, without saving anything: what the form shows at
	 * once.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<care.seamless.shared.Violation> problems(Actor actor, PersonId person, NewRoute route) {
		Violations problems = new Violations();
		needDisplay(actor, person, route, problems);
		check(route, problems);
		return problems.list();
	}

	/**
	 * A partner disagrees with a route: recorded beside it (the route is not changed),
	 * shown to everyone who sees the route, and told to the team managers.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID disagree(Actor actor, UUID routeId, long routeVersion, @Nullable FundingRouteKind proposed,
			@Nullable String reason) {
		PractitionerId self = requirePractitioner(actor);
		FundingRouteRepository.Keys route = repository.keys(routeId)
			.orElseThrow(() -> new NotFoundException(RECORD, routeId));
		accessPolicy.require(actor,
				change(route.personId(), "disagree-funding-route", routeId, route.organisationId()));
		Violations problems = new Violations();
		if (proposed == null) {
			problems.add("proposedKind", "Choose who you think should pay");
		}
		text(problems, "reason", reason, "Say why you disagree");
		problems.refuseIfAny(FundingRule::new);
		if (route.version() != routeVersion) {
			throw new ConcurrentEditException(RECORD, routeId);
		}
		UUID id = UUID.randomUUID();
		repository.insertDisagreement(id, route, actor.organisationId(), self, proposed, reason.strip(),
				clock.instant());
		events.publishEvent(new FundingDisagreementRaised(id, routeId, route.personId(), route.organisationId(),
				actor.organisationId(), self));
		return id;
	}

	/** Records how a disagreement was settled; the disagreement itself stays. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void resolve(Actor actor, UUID disagreementId, long version, @Nullable String resolution) {
		PractitionerId self = requirePractitioner(actor);
		FundingRouteRepository.Keys keys = repository.disagreementKeys(disagreementId)
			.orElseThrow(() -> new NotFoundException("FundingDisagreement", disagreementId));
		accessPolicy.require(actor,
				change(keys.personId(), "resolve-funding-disagreement", disagreementId, keys.organisationId()));
		Violations problems = new Violations();
		text(problems, "resolution", resolution, "Say how the disagreement was settled");
		problems.refuseIfAny(FundingRule::new);
		if (!repository.resolve(disagreementId, version, resolution.strip(), self, clock.instant())) {
			throw new ConcurrentEditException("FundingDisagreement", disagreementId);
		}
	}

	/** Records an NHS Continuing Healthcare checklist decision. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID recordChcScreening(Actor actor, PersonId person, java.time.@Nullable LocalDate screenedOn,
			@Nullable ChcOutcome outcome, @Nullable String note) {
		PractitionerId self = requirePractitioner(actor);
		UUID id = UUID.randomUUID();
		accessPolicy.require(actor, change(person, "record-chc-screening", id, actor.organisationId()));
		Violations problems = new Violations();
		if (screenedOn == null) {
			problems.add("screenedOn", "Enter the date of the checklist");
		}
		else if (screenedOn.isAfter(java.time.LocalDate.now(clock))) {
			problems.add("screenedOn", "The date of the checklist cannot be in the future");
		}
		if (outcome == null) {
			problems.add("outcome", "Choose the outcome of the checklist");
		}
		if (note != null && note.length() > MAX_TEXT) {
			problems.add("note", "The note must be " + MAX_TEXT + " characters or fewer");
		}
		problems.refuseIfAny(FundingRule::new);
		repository.insertChc(id, person, actor.organisationId(), screenedOn, outcome, self,
				note == null || note.isBlank() ? null : note.strip(), clock.instant());
		return id;
	}

	/** The CHC checklist decisions the reader may see, newest first. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<ChcScreeningView> chcScreenings(Actor actor, PersonId person) {
		return repository.chc(person, visible(actor, "c"))
			.stream()
			.map(c -> new ChcScreeningView(c.id(), c.screenedOn(), c.outcome(), name(c.decidedBy()),
					c.organisationName(), c.note(), c.recordedAt()))
			.toList();
	}

	private String needDisplay(Actor actor, PersonId person, NewRoute route, Violations problems) {
		if (route.objectiveId() == null || route.needCode() == null) {
			problems.add("need", "Choose the need in the plan this pays for");
			return "";
		}
		CarePlanView plan = carePlans.plan(actor, person).orElse(null);
		Objective objective = plan == null ? null : plan.objective(route.objectiveId());
		Need need = objective == null ? null
				: objective.needs().stream().filter(n -> n.code().equals(route.needCode())).findFirst().orElse(null);
		if (need == null) {
			problems.add("need", "Choose a need that is in this person's plan");
			return "";
		}
		return need.display();
	}

	private void check(NewRoute route, Violations problems) {
		if (route.kind() == null) {
			problems.add("kind", "Choose who pays");
		}
		text(problems, "reason", route.reason(), "Say why this is the right way to pay for the need");
		if (route.startsOn() == null) {
			problems.add("startsOn", "Enter the date the funding starts");
		}
		else if (route.endsOn() != null && route.endsOn().isBefore(route.startsOn())) {
			problems.add("endsOn", "The end date cannot be before the start date");
		}
		Amounts.check(problems, "cost", route.cost(), route.kind() == FundingRouteKind.MINOR_AIDS_AND_ADAPTATIONS,
				"Enter the cost of the aid or adaptation");
		if (route.kind() == null || route.startsOn() == null || problems.has("endsOn") || problems.has("cost")) {
			return;
		}
		var year = rates.forDate(route.startsOn());
		if (year.isEmpty()) {
			problems.add("startsOn", "There are no funding rates for the financial year of this date");
			return;
		}
		switch (route.kind()) {
			case INTERMEDIATE_CARE -> {
				int weeks = year.get().intermediateCareFreeWeeks();
				if (route.endsOn() == null) {
					problems.add("endsOn",
							"Enter the end date: intermediate care is free for up to " + weeks + " weeks");
				}
				else if (route.endsOn().isAfter(route.startsOn().plusWeeks(weeks))) {
					problems.add("endsOn", "Intermediate care is free for up to " + weeks
							+ " weeks: end this route then, and record how the care is paid for after that");
				}
			}
			case MINOR_AIDS_AND_ADAPTATIONS -> {
				if (route.cost().compareTo(year.get().minorAidsLimit()) > 0) {
					problems.add("cost", "Aids and minor adaptations are free only up to "
							+ ContributionRules.pounds(year.get().minorAidsLimit()) + " each");
				}
			}
			case JOINT_FUNDING -> shares(route.shares(), problems);
			default -> {
			}
		}
	}

	private void shares(List<NewRoute.Share> shares, Violations problems) {
		List<NewRoute.Share> given = shares.stream()
			.filter(s -> s.organisationId() != null || s.percent() != null)
			.toList();
		if (given.size() < 2) {
			problems.add("shares", "Name at least two partners and each one's share");
			return;
		}
		Set<OrganisationId> partners = new HashSet<>();
		BigDecimal total = BigDecimal.ZERO;
		for (NewRoute.Share share : given) {
			if (share.organisationId() == null || !partners.add(share.organisationId())) {
				problems.add("shares", "Name each partner once");
				return;
			}
			if (!Amounts.check(problems, "shares", share.percent(), true, "Enter each partner's share")) {
				return;
			}
			if (share.percent().signum() == 0 || share.percent().compareTo(HUNDRED) > 0) {
				problems.add("shares", "Each share must be more than 0% and no more than 100%");
				return;
			}
			total = total.add(share.percent());
		}
		if (total.compareTo(HUNDRED) != 0) {
			problems.add("shares", "The shares must add up to 100% (they add up to "
					+ total.stripTrailingZeros().toPlainString() + "%)");
		}
	}

	private RouteView view(FundingRouteRepository.Row row) {
		List<DisagreementView> disagreements = repository.disagreements(row.id())
			.stream()
			.map(d -> new DisagreementView(d.id(), d.routeId(), d.organisationName(), name(d.raisedBy()),
					d.proposedKind(), d.reason(), d.raisedAt(), d.resolution(),
					d.resolvedBy() == null ? null : name(d.resolvedBy()), d.resolvedAt(), d.version()))
			.toList();
		return new RouteView(row.id(), row.objectiveId(), row.needCode(), row.needDisplay(), row.kind(), row.reason(),
				row.startsOn(), row.endsOn(), row.cost(), repository.shares(row.id()), row.organisationName(),
				name(row.recordedBy()), row.recordedAt(), row.version(), disagreements);
	}

	private SqlCondition visible(Actor actor, String alias) {
		return accessPolicy.visibleItems(actor, alias + ".person_id", "'GENERAL'", alias + ".organisation_id");
	}

	/**
	 * Whether the actor may record or dispute who pays, or a CHC screening, for the
	 * person: the question those changes ask ({@link #change}), without auditing, so that
	 * the page offers their forms only to those whose change would count.
	 */
	@Transactional(readOnly = true)
	public boolean mayChange(Actor actor, PersonId person) {
		return actor.practitionerId() != null && actor.organisationId() != null
				&& accessPolicy.allows(actor, change(person, "record-funding-route", null, actor.organisationId()));
	}

	static AccessRequest change(PersonId person, String action, @Nullable UUID id, @Nullable OrganisationId source) {
		return new AccessRequest(person, action, RECORD, id, DataCategory.GENERAL, source,
				AccessRequest.Who.CARE_TEAM_MEMBER, null);
	}

	static PractitionerId requirePractitioner(Actor actor) {
		if (actor.practitionerId() == null || actor.organisationId() == null) {
			throw new FundingRule("actor", "Only practitioners of a partner organisation record funding");
		}
		return actor.practitionerId();
	}

	private String name(PractitionerId practitioner) {
		return directory.practitioner(practitioner).displayName();
	}

	static void text(Violations problems, String field, @Nullable String value, String missing) {
		if (value == null || value.isBlank()) {
			problems.add(field, missing);
		}
		else if (value.length() > MAX_TEXT) {
			problems.add(field, "Must be " + MAX_TEXT + " characters or fewer");
		}
	}

	private static String key(UUID objective, String need) {
		return objective + "|" + need;
	}

}
