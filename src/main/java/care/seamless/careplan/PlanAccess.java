package care.seamless.careplan;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import care.seamless.consent.AccessPolicy;
import care.seamless.consent.AccessRequest;
import care.seamless.consent.SqlCondition;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.team.Directory;
import care.seamless.team.DirectoryNames;
import care.seamless.team.Practitioner;
import care.seamless.terminology.Audience;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The checks every plan operation starts with: the access policy for the person (audited,
 * refusals included), the plan itself, and for changes a practitioner who is in the
 * person's care team now.
 */
@Component
class PlanAccess {

	static final String RECORD = "CarePlan";

	private final AccessPolicy accessPolicy;

	private final CarePlanRepository plans;

	private final Directory directory;

	PlanAccess(AccessPolicy accessPolicy, CarePlanRepository plans, Directory directory) {
		this.accessPolicy = accessPolicy;
		this.plans = plans;
		this.directory = directory;
	}

	/**
	 * Checks and audits a read of the person's plan; the caller's transaction keeps the
	 * entry.
	 */
	CarePlanRepository.PlanRow read(Actor actor, PersonId person, String action) {
		accessPolicy.require(actor, AccessRequest.toOpen(person, action, RECORD));
		return plans.planFor(person).orElseThrow(() -> new NotFoundException(RECORD, person));
	}

	/**
	 * Checks a change: the actor may open the record and is a practitioner in the
	 * person's care team (an emergency override lets people read, not plan).
	 */
	CarePlanRepository.PlanRow change(Actor actor, PersonId person, String action) {
		requireChange(actor, person, action);
		return plans.planFor(person).orElseThrow(() -> new NotFoundException(RECORD, person));
	}

	/**
	 * Checks a change only the person themselves makes, through their own account, to one
	 * item of their plan they may see; audited once, refusals included.
	 */
	void requireOwn(Actor actor, PersonId person, String action, DataCategory category, @Nullable OrganisationId source,
			Object itemId) {
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, action, "CarePlanObjective")
					.item(category, source)
					.about(itemId)
					.by(AccessRequest.Who.THE_PERSON));
	}

	/**
	 * Whether the actor may change the person's plan: the question every change asks
	 * ({@link #changing}), without auditing, so that pages offer the plan's forms only to
	 * those whose change would count. A change to one item also needs the item to be
	 * visible, which it is wherever the page shows it.
	 */
	boolean mayChange(Actor actor, PersonId person) {
		return accessPolicy.allows(actor, changing(person, "change"));
	}

	/** {@link #change} for a plan that need not exist yet. */
	void requireChange(Actor actor, PersonId person, String action) {
		accessPolicy.require(actor, changing(person, action));
	}

	/**
	 * Checks a change to one item of the plan, in one audited decision: a care-team
	 * member who could not see the item (another organisation's mental health objective,
	 * say) must not overwrite it, and the audit must not say the change was allowed
	 * before it is refused. {@code find} looks the item up in the plan; when there is
	 * none the record-level check still comes first, so nobody learns what a plan holds
	 * without access.
	 */
	<T> Change<T> change(Actor actor, PersonId person, String action,
			Function<CarePlanRepository.PlanRow, Optional<Item<T>>> find, String itemType, Object itemId) {
		Optional<CarePlanRepository.PlanRow> plan = plans.planFor(person);
		Optional<Item<T>> item = plan.flatMap(find);
		if (item.isEmpty()) {
			change(actor, person, action);
			throw new NotFoundException(itemType, itemId);
		}
		accessPolicy.require(actor,
				changing(person, action).item(item.get().category(), item.get().source()).about(itemId));
		return new Change<>(plan.get(), item.get().row());
	}

	private static AccessRequest changing(PersonId person, String action) {
		return AccessRequest.toOpen(person, action, RECORD).by(AccessRequest.Who.CARE_TEAM_MEMBER);
	}

	/** One item of a plan with what the access policy decides it by. */
	record Item<T>(T row, DataCategory category, @Nullable OrganisationId source) {
	}

	/** The plan and the item a checked change applies to. */
	record Change<T>(CarePlanRepository.PlanRow plan, T item) {
	}

	/**
	 * The item-level policy over a plan table's alias, whose rows carry
	 * {@code person_id}, {@code category} and the given source column.
	 */
	SqlCondition visible(Actor actor, String alias, String sourceColumn) {
		return accessPolicy.visibleItems(actor, alias + ".person_id", alias + ".category", alias + "." + sourceColumn);
	}

	/**
	 * The reader's words, from their own practitioner entry, read with the rest of a
	 * view's names rather than on its own.
	 */
	Audience audienceOf(Actor actor, Names names) {
		PractitionerId reader = actor.practitionerId();
		return Audience.forReader(reader == null ? null : names.practitioner(reader).profession());
	}

	/** Looks names up once per request. */
	Names names() {
		return new Names(directory);
	}

	static final class Names {

		private final Directory directory;

		private final Map<Object, String> cache = new HashMap<>();

		private final Map<PractitionerId, Practitioner> practitioners = new HashMap<>();

		Names(Directory directory) {
			this.directory = directory;
		}

		/**
		 * Reads the names a view will show in one statement instead of one per
		 * organisation and practitioner; anything not read here is still read on first
		 * use.
		 */
		void prefetch(Collection<OrganisationId> organisations, Collection<PractitionerId> people) {
			DirectoryNames read = directory.names(organisations, people);
			cache.putAll(read.organisations());
			read.practitioners().forEach((id, practitioner) -> {
				practitioners.put(id, practitioner);
				cache.put(id, practitioner.displayName());
			});
		}

		String of(OrganisationId organisation) {
			return cache.computeIfAbsent(organisation, id -> directory.organisation(organisation).name());
		}

		String of(PractitionerId practitioner) {
			return cache.computeIfAbsent(practitioner, id -> practitioner(practitioner).displayName());
		}

		Practitioner practitioner(PractitionerId id) {
			return practitioners.computeIfAbsent(id, directory::practitioner);
		}

	}

}
