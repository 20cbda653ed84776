package care.seamless.training;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Role;
import care.seamless.shared.TeamId;
import care.seamless.shared.Violations;
import care.seamless.team.Directory;
import care.seamless.team.Practitioner;
import care.seamless.team.Team;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joint training: courses, sessions, attendance across the partner organisations, and
 * coverage. Team managers and administrators record courses, sessions and attendance;
 * every staff account sees coverage (counts only) and the list of sessions; who attended
 * is shown to those who record it. Every value arrives as typed text and is checked here,
 * so a form names every problem at once and saves nothing when any is wrong.
 */
@Service
public class Training {

	static final int NAME_MAX = 200;

	static final int TEXT_MAX = 500;

	/** Training expiring within this many days falls due in the worklist. */
	static final int DUE_WITHIN_DAYS = 60;

	private final TrainingRepository repository;

	private final Directory directory;

	private final AuditLog auditLog;

	private final Clock clock;

	Training(TrainingRepository repository, Directory directory, AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.directory = directory;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** Team managers and administrators record courses, sessions and attendance. */
	public static boolean mayRecord(Actor actor) {
		return actor.has(Role.TEAM_MANAGER) || actor.has(Role.ADMINISTRATOR);
	}

	@Transactional
	public UUID addCourse(Actor actor, String topicText, String nameText, String validityText) {
		requireRecorder(actor);
		Violations problems = new Violations();
		Topic topic = choice(Topic.class, topicText, "topic", "Choose what the course is about", problems);
		String name = clean(nameText);
		if (name.isEmpty()) {
			problems.add("name", "Enter the course's name");
		}
		else if (name.length() > NAME_MAX) {
			problems.add("name", "The name must be " + NAME_MAX + " characters or fewer");
		}
		else if (repository.courseNamed(name)) {
			problems.add("name", "There is already a course with this name");
		}
		Integer validity = null;
		try {
			validity = Integer.valueOf(clean(validityText));
			if (validity < 1 || validity > 120) {
				problems.add("validityMonths", "Enter a number of months from 1 to 120");
			}
		}
		catch (NumberFormatException ex) {
			problems.add("validityMonths", "Enter how many months the training stays valid, as a number, like 24");
		}
		problems.refuseIfAny(TrainingRule::new);
		UUID id = UUID.randomUUID();
		repository.insertCourse(id, topic, name, validity, actor.accountId());
		auditLog.record(AuditEvent.permitted(actor, "add-course", "TrainingCourse", id, null));
		return id;
	}

	@Transactional
	public UUID recordSession(Actor actor, String courseText, String heldOnText, String placeText, String trainerText) {
		requireRecorder(actor);
		Violations problems = new Violations();
		Course course = null;
		try {
			course = repository.course(UUID.fromString(clean(courseText))).orElse(null);
		}
		catch (IllegalArgumentException ex) {
			// an id that is not one is treated like an unknown course
		}
		if (course == null) {
			problems.add("course", "Choose the course from the list");
		}
		LocalDate heldOn = null;
		try {
			heldOn = LocalDate.parse(clean(heldOnText));
			LocalDate today = LocalDate.now(clock);
			if (heldOn.isAfter(today.plusYears(1)) || heldOn.isBefore(today.minusYears(10))) {
				problems.add("heldOn", "Enter a date within the last ten years or the next year");
			}
		}
		catch (DateTimeParseException ex) {
			problems.add("heldOn", "Enter a real date, for example 2027-03-14");
		}
		String place = text(placeText, "place", "Enter where the session is held", problems);
		String trainer = text(trainerText, "trainer", "Enter who runs the session", problems);
		problems.refuseIfAny(TrainingRule::new);
		UUID id = UUID.randomUUID();
		repository.insertSession(id, course.id(), heldOn, place, trainer, actor.accountId());
		auditLog.record(AuditEvent.permitted(actor, "record-training-session", "TrainingSession", id, null));
		return id;
	}

	/**
	 * Replaces who attended a session: {@code marks} maps practitioner ids (as typed) to
	 * {@link Mark} names; absent staff may be left out. Version-checked on the session,
	 * so a second tab's stale form is a conflict, not an overwrite.
	 */
	@Transactional
	public void recordAttendance(Actor actor, UUID sessionId, long version, Map<String, String> marks) {
		requireRecorder(actor);
		TrainingSession session = session(sessionId);
		Map<String, Practitioner> staff = new HashMap<>();
		for (Practitioner p : directory.practitioners()) {
			staff.put(p.id().id().toString(), p);
		}
		Violations problems = new Violations();
		List<TrainingRepository.NewAttendance> rows = new ArrayList<>();
		LocalDate expiry = session.heldOn().plusMonths(session.validityMonths());
		for (Map.Entry<String, String> mark : marks.entrySet()) {
			Practitioner practitioner = staff.get(clean(mark.getKey()));
			Mark value = choice(Mark.class, mark.getValue(), "a-" + clean(mark.getKey()),
					"Choose absent, attended or completed", problems);
			if (practitioner == null) {
				problems.add("attendance", "Record only the staff listed");
			}
			else if (value != null && value != Mark.ABSENT) {
				boolean completed = value == Mark.COMPLETED;
				rows.add(new TrainingRepository.NewAttendance(practitioner.id(), practitioner.organisationId(),
						completed, completed ? expiry : null));
			}
		}
		if (session.heldOn().isAfter(LocalDate.now(clock)) && !rows.isEmpty()) {
			problems.add("attendance", "Record attendance once the session has been held");
		}
		problems.refuseIfAny(TrainingRule::new);
		if (repository.replaceAttendance(sessionId, version, rows, actor.accountId()) == 0) {
			throw new ConcurrentEditException("Training session", sessionId);
		}
		auditLog.record(AuditEvent.permitted(actor, "record-training-attendance", "TrainingSession", sessionId, null)
			.withReason(rows.size() + " attended"));
	}

	@Transactional(readOnly = true)
	public List<Course> courses() {
		return repository.courses();
	}

	@Transactional(readOnly = true)
	public List<TrainingSession> sessions() {
		return repository.sessions();
	}

	@Transactional(readOnly = true)
	public TrainingSession session(UUID id) {
		return repository.session(id).orElseThrow(() -> new NotFoundException("Training session", id));
	}

	/** Who attended, for those who record attendance. */
	@Transactional(readOnly = true)
	public List<Attendee> attendees(Actor actor, UUID sessionId) {
		requireRecorder(actor);
		session(sessionId);
		Map<PractitionerId, String> names = new HashMap<>();
		directory.practitioners().forEach((p) -> names.put(p.id(), p.displayName()));
		return repository.attendance(sessionId)
			.stream()
			.map((a) -> new Attendee(a.practitioner(), names.getOrDefault(a.practitioner(), "?"), a.organisationName(),
					a.completed(), a.expiresOn()))
			.sorted(Comparator.comparing(Attendee::organisationName).thenComparing(Attendee::name))
			.toList();
	}

	/** Staff who may be marked at a session, by organisation then name. */
	@Transactional(readOnly = true)
	public List<Practitioner> staff(Actor actor) {
		requireRecorder(actor);
		return directory.practitioners()
			.stream()
			.sorted(Comparator.comparing(Practitioner::organisationName).thenComparing(Practitioner::displayName))
			.toList();
	}

	/** Coverage today, per organisation and per team (counts only). */
	@Transactional(readOnly = true)
	public Coverage coverage() {
		LocalDate today = LocalDate.now(clock);
		Map<TeamId, String> teamNames = new LinkedHashMap<>();
		for (Team team : directory.teams()) {
			teamNames.put(team.id(), team.name() + ", " + team.organisationName());
		}
		Map<PractitionerId, Set<TeamId>> teamsOf = directory.teamMemberships();
		List<Coverage.Staff> staff = directory.practitioners()
			.stream()
			.map((p) -> new Coverage.Staff(p.id(), p.organisationId(), p.organisationName(),
					teamsOf.getOrDefault(p.id(), Set.of())))
			.toList();
		return Coverage.of(staff, teamNames, repository.currentCompletions(today), repository.jointSessions(),
				repository.sessionCount(), today);
	}

	/**
	 * Training that runs out within {@value #DUE_WITHIN_DAYS} days, or has run out with
	 * nothing newer, of the actor and of the staff in the teams they manage.
	 */
	@Transactional(readOnly = true)
	public List<TrainingDue> dueFor(Actor actor) {
		if (actor.practitionerId() == null) {
			return List.of();
		}
		Map<PractitionerId, String> whom = new LinkedHashMap<>();
		whom.put(actor.practitionerId(), "");
		for (Team team : directory.managedTeams(actor.practitionerId())) {
			directory.teamMembers(team.id()).forEach((m) -> whom.putIfAbsent(m.id(), m.displayName()));
		}
		List<TrainingRepository.DueRow> rows = repository.due(whom.keySet(),
				LocalDate.now(clock).plusDays(DUE_WITHIN_DAYS));
		return rows.stream()
			.map((r) -> new TrainingDue(r.practitioner(), whom.get(r.practitioner()), r.topic(), r.courseName(),
					r.expiresOn()))
			.toList();
	}

	/** Whether the practitioner holds a current completion of a course on the topic. */
	@Transactional(readOnly = true)
	public boolean current(PractitionerId practitioner, Topic topic) {
		return repository.current(practitioner, topic, LocalDate.now(clock));
	}

	private static String text(@Nullable String value, String field, String missing, Violations problems) {
		String text = clean(value);
		if (text.isEmpty()) {
			problems.add(field, missing);
		}
		else if (text.length() > TEXT_MAX) {
			problems.add(field, "This must be " + TEXT_MAX + " characters or fewer");
		}
		return text;
	}

	static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value, String field, String message,
			Violations problems) {
		String text = clean(value);
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(text)) {
				return constant;
			}
		}
		problems.add(field, message);
		return null;
	}

	/** Trims, and drops NUL and other control characters that have no place in a name. */
	static String clean(@Nullable String value) {
		return value == null ? "" : value.replaceAll("\\p{Cntrl}", "").strip();
	}

	private static void requireRecorder(Actor actor) {
		if (!mayRecord(actor)) {
			throw new AccessDeniedException("Only team managers and administrators record training");
		}
	}

}
