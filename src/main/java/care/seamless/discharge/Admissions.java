package care.seamless.discharge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessGrants;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.AccessRequest;
import care.seamless.consent.SqlCondition;
import care.seamless.person.People;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;
import care.seamless.team.Directory;
import care.seamless.team.Team;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's stays in hospital: the ward records the admission (its team gets
 * time-limited access, the care team is told), the planned and actual discharge, the
 * pathway and checklist, and the notices of the rule set in force on the admission date.
 * Every read asks the access policy, and the same rule is in the SQL that reads.
 */
@Service
public class Admissions {

	static final String RECORD = "Admission";

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final int MAX_TEXT = 200;

	private static final int MAX_WORDS = 5000;

	private final AdmissionRepository repository;

	private final DelayedDayRepository days;

	private final RuleSetRepository ruleSets;

	private final AccessPolicy accessPolicy;

	private final AccessGrants grants;

	private final People people;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration wardAccess;

	Admissions(AdmissionRepository repository, DelayedDayRepository days, RuleSetRepository ruleSets,
			AccessPolicy accessPolicy, AccessGrants grants, People people, Directory directory,
			ApplicationEventPublisher events, Clock clock,
			@Value("${seamless.discharge.ward-access-days:120}") int wardAccessDays) {
		this.repository = repository;
		this.days = days;
		this.ruleSets = ruleSets;
		this.accessPolicy = accessPolicy;
		this.grants = grants;
		this.people = people;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
		this.wardAccess = Duration.ofDays(wardAccessDays);
	}

	/** The plan part of an admission a ward changes in one go. */
	public record PlanChange(@Nullable LocalDate plannedDischarge, @Nullable Instant dischargedAt,
			@Nullable Pathway pathway, Checklist checklist) {
	}

	/**
	 * Records the admission under the rule set in force on the admission date, gives the
	 * ward team access to the person's general information, and tells the care team.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID record(Actor actor, NewAdmission admission) {
		PractitionerId self = requirePractitioner(actor);
		List<DischargeRule.Violation> problems = check(actor, admission);
		if (!problems.isEmpty()) {
			throw new DischargeRule(problems);
		}
		PersonId person = people.registeredWithNhsNumber(admission.nhsNumber()).orElseThrow();
		LocalDate admitted = day(admission.admittedAt());
		RuleSet rules = ruleSets.inForce(admitted)
			.orElseThrow(() -> new DischargeRule("admittedAt", "No discharge rules are in force on that date"));
		UUID id = UUID.randomUUID();
		grants.grantToAdmittingWard(actor, person, admission.wardTeamId(), clock.instant().plus(wardAccess),
				"admission:" + id);
		accessPolicy.require(actor, change(person, "record-admission", id, actor.organisationId()));
		repository.insert(id, person, actor.organisationId(), admission.wardTeamId(), admission, rules.id(), self,
				clock.instant());
		events.publishEvent(new AdmissionRecorded(id, person, admission.wardTeamId(), self, admission.admittedAt()));
		return id;
	}

	/**
	 * Every problem with a new admission, without saving anything: what the form shows at
	 * once. Says whether an NHS number is registered, as the person search does, and
	 * nothing else about the person.
	 */
	@Transactional(readOnly = true)
	public List<DischargeRule.Violation> check(Actor actor, NewAdmission admission) {
		PractitionerId self = requirePractitioner(actor);
		DischargeRule.Collector problems = new DischargeRule.Collector();
		if (blank(admission.nhsNumber())) {
			problems.add("nhsNumber", "Enter the person's NHS number");
		}
		else if (admission.nhsNumber().length() > 20
				|| people.registeredWithNhsNumber(admission.nhsNumber()).isEmpty()) {
			problems.add("nhsNumber", "No person with this NHS number is registered");
		}
		if (admission.wardTeamId() == null) {
			problems.add("wardTeamId", "Choose the ward team");
		}
		else if (directory.teamsOf(self).stream().map(Team::id).noneMatch(admission.wardTeamId()::equals)) {
			problems.add("wardTeamId", "Choose one of your own teams");
		}
		text(problems, "hospital", admission.hospital(), "Enter the hospital");
		text(problems, "ward", admission.ward(), "Enter the ward");
		if (admission.admittedAt() == null) {
			problems.add("admittedAt", "Enter the date of admission");
		}
		else if (admission.admittedAt().isAfter(clock.instant())) {
			problems.add("admittedAt", "The date of admission cannot be in the future");
		}
		else if (admission.plannedDischarge() != null
				&& admission.plannedDischarge().isBefore(day(admission.admittedAt()))) {
			problems.add("plannedDischarge", "The planned discharge date cannot be before the admission");
		}
		return problems.found();
	}

	/** One admission, if the reader may see it; the look is audited. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public AdmissionView admission(Actor actor, UUID id) {
		AdmissionRepository.Keys keys = keys(id);
		accessPolicy.require(actor,
				AccessRequest.toOpen(keys.personId(), "read", RECORD)
					.item(DataCategory.GENERAL, keys.organisationId())
					.about(id));
		AdmissionRepository.Row row = repository.read(id, visible(actor))
			.orElseThrow(() -> new NotFoundException(RECORD, id));
		return view(actor, row);
	}

	/** The person's admissions the reader may see, newest first; one audited look. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<AdmissionView> forPerson(Actor actor, PersonId person) {
		accessPolicy.require(actor, AccessRequest.toOpen(person, "read-admissions", RECORD));
		SqlCondition visible = visible(actor);
		return repository.forPerson(person, visible)
			.stream()
			.map(id -> repository.read(id, visible).map(row -> view(actor, row)).orElseThrow())
			.toList();
	}

	/**
	 * The people still in hospital on a ward team's list that the reader may see, with
	 * their delayed and disputed days: what a worklist shows.
	 */
	@Transactional(readOnly = true)
	public List<OpenAdmission> openFor(Actor actor, TeamId ward) {
		return repository.openForTeam(ward, visible(actor));
	}

	/** The ward teams the actor may record admissions for. */
	@Transactional(readOnly = true)
	public List<Team> wardsOf(Actor actor) {
		return actor.practitionerId() == null ? List.of() : directory.teamsOf(actor.practitionerId());
	}

	/**
	 * Changes the planned or actual discharge, the pathway and the checklist; only the
	 * admitting ward does, naming the version it read.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void updatePlan(Actor actor, UUID id, long version, PlanChange change) {
		AdmissionRepository.Keys keys = keys(id);
		requireWard(actor, keys);
		accessPolicy.require(actor, change(keys.personId(), "update-discharge", id, keys.organisationId()));
		DischargeRule.Collector problems = new DischargeRule.Collector();
		LocalDate admitted = day(keys.admittedAt());
		if (change.plannedDischarge() != null && change.plannedDischarge().isBefore(admitted)) {
			problems.add("plannedDischarge", "The planned discharge date cannot be before the admission");
		}
		if (change.dischargedAt() != null && change.dischargedAt().isBefore(keys.admittedAt())) {
			problems.add("dischargedAt", "The discharge date cannot be before the admission");
		}
		else if (change.dischargedAt() != null && change.dischargedAt().isAfter(clock.instant())) {
			problems.add("dischargedAt", "The discharge date cannot be in the future");
		}
		problems.refuseIfAny();
		if (!repository.updatePlan(id, version, new AdmissionRepository.Plan(change.plannedDischarge(),
				change.dischargedAt(), change.pathway(), change.checklist()))) {
			throw new ConcurrentEditException(RECORD, id);
		}
	}

	/**
	 * Records the person's own view of going home, in their words, as told to the
	 * practitioner. Nothing edits it: a later view, or a correction the person asks for,
	 * is a new entry and the earlier one stays.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID recordOwnView(Actor actor, UUID id, @Nullable String words, @Nullable UUID corrects) {
		PractitionerId self = requirePractitioner(actor);
		AdmissionRepository.Keys keys = keys(id);
		accessPolicy.require(actor, change(keys.personId(), "record-own-view", id, keys.organisationId()));
		if (blank(words)) {
			throw new DischargeRule("words", "Write down what the person said about going home, in their words");
		}
		if (words.length() > MAX_WORDS) {
			throw new DischargeRule("words", "The person's words must be " + MAX_WORDS + " characters or fewer");
		}
		if (corrects != null && !repository.ownViewBelongs(corrects, id)) {
			throw new DischargeRule("corrects", "The view to correct is not one of this admission's");
		}
		UUID view = UUID.randomUUID();
		repository.insertOwnView(view, keys, words, self, clock.instant(), corrects);
		return view;
	}

	/**
	 * Gives social care a notice of the admission's rule set, with its minimum periods
	 * checked: refused where the rule set has no statutory notices.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void giveNotice(Actor actor, UUID id, @Nullable NoticeKind kind, @Nullable LocalDate givenOn,
			@Nullable LocalDate proposedDischarge) {
		AdmissionRepository.Keys keys = keys(id);
		PractitionerId self = requireWard(actor, keys);
		accessPolicy.require(actor, change(keys.personId(), "give-notice", id, keys.organisationId()));
		RuleSet rules = ruleSets.byId(keys.ruleSetId());
		if (kind == null) {
			throw new DischargeRule("kind", "Choose the notice to give");
		}
		if (!rules.statutoryNotices()) {
			throw new DischargeRule("kind", "The rules for this admission (" + rules.name()
					+ ") have no statutory notices: plan the discharge with the care team instead");
		}
		new NoticeRules(rules, day(keys.admittedAt()), LocalDate.now(clock)).check(kind, givenOn, proposedDischarge,
				repository.notices(id));
		if (!repository.insertNotice(UUID.randomUUID(), keys, kind, givenOn, proposedDischarge, self,
				clock.instant())) {
			throw new DischargeRule("kind", "This notice has already been given");
		}
		events.publishEvent(new DischargeNoticeGiven(id, keys.personId(), kind, self));
	}

	AdmissionRepository.Keys keys(UUID id) {
		return repository.keys(id).orElseThrow(() -> new NotFoundException(RECORD, id));
	}

	SqlCondition visible(Actor actor) {
		return accessPolicy.visibleItems(actor, "a.person_id", "'GENERAL'", "a.organisation_id");
	}

	static AccessRequest change(PersonId person, String action, UUID id,
			care.seamless.shared.@Nullable OrganisationId source) {
		return new AccessRequest(person, action, RECORD, id, DataCategory.GENERAL, source,
				AccessRequest.Who.PRACTITIONER, null);
	}

	static LocalDate day(Instant at) {
		return at.atZone(LONDON).toLocalDate();
	}

	private PractitionerId requireWard(Actor actor, AdmissionRepository.Keys keys) {
		PractitionerId self = requirePractitioner(actor);
		if (directory.teamsOf(self).stream().map(Team::id).noneMatch(keys.wardTeamId()::equals)) {
			throw new DischargeRefused("Only the admitting ward team changes the admission or gives its notices");
		}
		return self;
	}

	private static PractitionerId requirePractitioner(Actor actor) {
		if (actor.practitionerId() == null || actor.organisationId() == null) {
			throw new DischargeRefused("Only practitioners of a partner organisation record hospital discharge");
		}
		return actor.practitionerId();
	}

	private AdmissionView view(Actor actor, AdmissionRepository.Row row) {
		AdmissionRepository.Keys keys = row.keys();
		RuleSet rules = ruleSets.byId(keys.ruleSetId());
		List<AdmissionView.NoticeView> notices = repository.notices(keys.id())
			.stream()
			.map(n -> new AdmissionView.NoticeView(n.kind(), n.givenOn(), n.proposedDischarge(), name(n.by())))
			.toList();
		List<AdmissionView.OwnView> views = repository.ownViews(keys.id())
			.stream()
			.map(v -> new AdmissionView.OwnView(v.id(), v.words(), name(v.toldTo()), v.recordedAt(), v.corrects()))
			.toList();
		List<DelayedDayView> delayed = days.days(keys.id()).stream().map(this::dayView).toList();
		boolean ward = actor.practitionerId() != null
				&& directory.teamsOf(actor.practitionerId()).stream().map(Team::id).anyMatch(keys.wardTeamId()::equals);
		Side side = actor.organisationId() == null ? null
				: Side.of(directory.organisation(actor.organisationId()).kind());
		return new AdmissionView(keys.id(), keys.personId(), row.personName(), keys.organisationId(),
				row.organisationName(), keys.wardTeamId(), row.hospital(), row.ward(), keys.admittedAt(),
				row.plannedDischarge(), keys.dischargedAt(), row.pathway(), row.checklist(), rules, views, notices,
				NoticeRules.relevantDay(rules, notices), delayed, keys.version(), ward, side);
	}

	private DelayedDayView dayView(DelayedDayRepository.DayRows rows) {
		return new DelayedDayView(rows.id(), rows.admissionId(), rows.day(), rows.reason(), rows.version(),
				rows.steps()
					.stream()
					.map(s -> new DelayedDayView.Step(s.id(), s.step(), s.side(), s.attribution(), s.note(),
							name(s.by()), directory.organisation(s.organisation()).name(), s.at()))
					.toList());
	}

	private String name(PractitionerId practitioner) {
		return directory.practitioner(practitioner).displayName();
	}

	private static void text(DischargeRule.Collector problems, String field, @Nullable String value, String missing) {
		if (blank(value)) {
			problems.add(field, missing);
		}
		else if (value.length() > MAX_TEXT) {
			problems.add(field, "Must be " + MAX_TEXT + " characters or fewer");
		}
	}

	/** Blank text, for the pages' own checks of a form's missing answers. */
	public static boolean blankText(@Nullable String value) {
		return blank(value);
	}

	static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
