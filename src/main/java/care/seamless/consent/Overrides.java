package care.seamless.consent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Role;
import care.seamless.shared.Violation;
import care.seamless.shared.Violations;
import care.seamless.team.Directory;
import care.seamless.team.Team;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Break glass: a practitioner states a listed reason and their own words, gets
 * time-limited, read-only (unless the reason permits change) access to everything about
 * the person, and the Caldicott guardian of their organisation (or the partnership's
 * fallback guardian when it has none) is alerted and must review it. "Not appropriate"
 * ends the access at once and tells the practitioner's team managers. Reviews left too
 * long escalate to every guardian.
 */
@Service
public class Overrides {

	private static final Logger log = LoggerFactory.getLogger(Overrides.class);

	private final OverrideRepository repository;

	private final AuditLog auditLog;

	private final Clock clock;

	private final Duration duration;

	private final Duration reviewWithin;

	private final Guardians guardians;

	private final Directory directory;

	private final ObjectProvider<PersonFacts> personFacts;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<StaffTraining> training;

	Overrides(OverrideRepository repository, AuditLog auditLog, Clock clock, Guardians guardians, Directory directory,
			ObjectProvider<PersonFacts> personFacts, ApplicationEventPublisher events,
			ObjectProvider<StaffTraining> training, @Value("${seamless.override.duration:PT24H}") Duration duration,
			@Value("${seamless.override.review-within:PT72H}") Duration reviewWithin) {
		this.repository = repository;
		this.guardians = guardians;
		this.directory = directory;
		this.personFacts = personFacts;
		this.events = events;
		this.training = training;
		this.auditLog = auditLog;
		this.clock = clock;
		this.duration = duration;
		this.reviewWithin = reviewWithin;
	}

	/**
	 * What is wrong with a request for emergency access, all at once, saving nothing: a
	 * form whose reason could not be read passes null and still hears about the text.
	 */
	public List<Violation> problemsWith(@Nullable OverrideReason reason, @Nullable String text) {
		Violations problems = new Violations();
		if (reason == null) {
			problems.add("reasonCode", "Choose why you need emergency access");
		}
		if (text == null || text.trim().length() < 10) {
			problems.add("reasonText",
					"Say in your own words why you need this information now (at least 10 characters)");
		}
		return problems.list();
	}

	/**
	 * Whether the actor would break the glass without current information-governance
	 * training: allowed in an emergency, but recorded and flagged to the guardian. False
	 * when no module keeps training records.
	 */
	@Transactional(readOnly = true)
	public boolean withoutTraining(Actor actor) {
		StaffTraining records = training.getIfAvailable();
		return records != null && actor.practitionerId() != null
				&& !records.informationGovernanceCurrent(actor.practitionerId());
	}

	@Transactional
	public UUID breakGlass(Actor actor, PersonId person, @Nullable OverrideReason reason, @Nullable String text) {
		if (actor.practitionerId() == null) {
			throw new AccessDeniedException("Only practitioners may use emergency access");
		}
		List<Violation> problems = problemsWith(reason, text);
		if (!problems.isEmpty()) {
			throw new ConsentRule(problems);
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		boolean untrained = withoutTraining(actor);
		repository.insert(id, person, actor.username(), actor.practitionerId(), actor.organisationId(), reason,
				text.trim(), now, now.plus(duration), untrained);
		auditLog.record(AuditEvent.permitted(actor, "break-glass", "Override", id, person)
			.withReason("override: " + reason.name()
					+ (untrained ? "; without current information-governance training" : ""))
			.asOverride());
		Set<PractitionerId> toTell = guardians
			.concernedWith(actor.organisationId() == null ? List.of() : List.of(actor.organisationId()));
		toTell.remove(actor.practitionerId());
		events.publishEvent(new EmergencyAccessStarted(id, person, toTell, untrained));
		return id;
	}

	@Transactional(readOnly = true)
	public Optional<Override> active(Actor actor, PersonId person) {
		return repository.active(person, actor.username());
	}

	@Transactional
	public void review(Actor actor, UUID overrideId, long version, boolean appropriate, String note) {
		requireGuardian(actor);
		Override override = repository.find(overrideId)
			.orElseThrow(() -> new NotFoundException("Override", overrideId));
		if (override.account().equals(actor.username())) {
			throw new ConsentRule("note", "Someone else must review your own emergency access");
		}
		if (note == null || note.isBlank()) {
			throw new ConsentRule("note", "Add a note explaining the review");
		}
		Override.ReviewStatus outcome = appropriate ? Override.ReviewStatus.APPROPRIATE
				: Override.ReviewStatus.INAPPROPRIATE;
		if (repository.review(overrideId, version, outcome, actor.username(), note.trim(), clock.instant()) == 0) {
			throw new ConcurrentEditException("Override", overrideId);
		}
		auditLog.record(AuditEvent.permitted(actor, "review-" + outcome.name().toLowerCase(java.util.Locale.ROOT),
				"Override", overrideId, override.personId()));
		if (!appropriate) {
			auditLog.record(AuditEvent.permitted(actor, "end-override", "Override", overrideId, override.personId())
				.withReason("override: judged not appropriate by the Caldicott guardian"));
			events.publishEvent(new EmergencyAccessEnded(overrideId, override.personId(), managersOf(override)));
		}
	}

	private Set<PractitionerId> managersOf(Override override) {
		Set<PractitionerId> managers = new LinkedHashSet<>();
		if (override.practitionerId() != null) {
			for (Team team : directory.teamsOf(override.practitionerId())) {
				directory.managers(team.id()).forEach(m -> managers.add(m.id()));
			}
			managers.remove(override.practitionerId());
		}
		return managers;
	}

	/**
	 * Names the partnership's fallback guardian, who reviews emergency access by any
	 * organisation without a guardian of its own. Administrators only; audited.
	 */
	@Transactional
	public void nameFallbackGuardian(Actor actor, String username) {
		if (!actor.has(Role.ADMINISTRATOR)) {
			throw new AccessDeniedException("Only administrators name the partnership's fallback guardian");
		}
		if (!guardians.isGuardian(username)) {
			throw new ConsentRule("fallbackGuardian", "Choose an account that holds the Caldicott guardian role");
		}
		guardians.nameFallback(username, actor.username(), clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "name-fallback-guardian", "FallbackGuardian", username, null));
	}

	@Transactional(readOnly = true)
	public Optional<String> fallbackGuardian() {
		return guardians.fallback().map(a -> a.username());
	}

	/**
	 * Pending reviews with the person each concerns named: the guardian must know whose
	 * record was opened to judge whether it was right.
	 */
	@Transactional(readOnly = true)
	public Map<PersonId, String> namesFor(Actor actor, List<Override> reviews) {
		requireGuardian(actor);
		PersonFacts facts = personFacts.getIfAvailable();
		Map<PersonId, String> names = new HashMap<>();
		for (Override o : reviews) {
			names.computeIfAbsent(o.personId(), p -> facts == null ? p.toString() : facts.displayName(p));
		}
		return names;
	}

	@Transactional(readOnly = true)
	public List<Override> awaitingReview(Actor actor) {
		requireGuardian(actor);
		return repository.awaitingReview(actor.organisationId(), guardians.isFallback(actor.username()),
				guardians.guardedOrganisations());
	}

	@Transactional(readOnly = true)
	public List<Override> reviewed(Actor actor, int limit) {
		requireGuardian(actor);
		return repository.reviewed(limit);
	}

	/**
	 * Marks overrides still unreviewed after the review window; escalated ones show to
	 * every guardian.
	 */
	@Scheduled(fixedDelayString = "${seamless.override.escalation-check:PT5M}")
	@SchedulerLock(name = "override-escalation", lockAtMostFor = "PT5M", lockAtLeastFor = "PT30S")
	void escalateOnSchedule() {
		// One statement, so it needs no transaction of its own here. Void, as ShedLock
		// cannot skip a run of a method that must return a number.
		escalateOverdueReviews();
	}

	@Transactional
	public int escalateOverdueReviews() {
		Instant now = clock.instant();
		int escalated = repository.escalateOlderThan(now.minus(reviewWithin), now);
		if (escalated > 0) {
			log.info("Escalated {} emergency accesses not reviewed within {}", escalated, reviewWithin);
		}
		return escalated;
	}

	private static void requireGuardian(Actor actor) {
		if (!actor.has(Role.CALDICOTT_GUARDIAN)) {
			throw new AccessDeniedException("Only Caldicott guardians review emergency access");
		}
	}

}
