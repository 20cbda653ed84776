package care.seamless.discharge;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PractitionerId;
import care.seamless.team.Directory;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Days a person who no longer meets the criteria to reside stays in hospital, each with a
 * coded reason and an attribution one partner proposes and the other agrees or disputes.
 * Every step is a new row: a dispute keeps both views, and nothing is overwritten; a step
 * names the version it answered, so of two answers at once the second is refused.
 */
@Service
public class DelayedDays {

	static final String RECORD = "DelayedDay";

	private static final int MAX_NOTE = 2000;

	private final DelayedDayRepository repository;

	private final Admissions admissions;

	private final AccessPolicy accessPolicy;

	private final Directory directory;

	private final Clock clock;

	DelayedDays(DelayedDayRepository repository, Admissions admissions, AccessPolicy accessPolicy, Directory directory,
			Clock clock) {
		this.repository = repository;
		this.admissions = admissions;
		this.accessPolicy = accessPolicy;
		this.directory = directory;
		this.clock = clock;
	}

	/** Records a delayed day and the recording partner's proposed attribution. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID record(Actor actor, UUID admissionId, @Nullable LocalDate day, @Nullable DelayReason reason,
			@Nullable Attribution attribution, @Nullable String note) {
		AdmissionRepository.Keys keys = admissions.keys(admissionId);
		Side side = side(actor);
		accessPolicy.require(actor,
				Admissions.change(keys.personId(), "record-delayed-day", admissionId, keys.organisationId()));
		DischargeRule.Collector problems = new DischargeRule.Collector();
		LocalDate today = LocalDate.now(clock);
		if (day == null) {
			problems.add("day", "Enter the day the person stayed in hospital");
		}
		else if (day.isAfter(today)) {
			problems.add("day", "A delayed day cannot be in the future");
		}
		else if (day.isBefore(Admissions.day(keys.admittedAt()))) {
			problems.add("day", "A delayed day cannot be before the admission");
		}
		else if (keys.dischargedAt() != null && day.isAfter(Admissions.day(keys.dischargedAt()))) {
			problems.add("day", "A delayed day cannot be after the discharge");
		}
		if (reason == null) {
			problems.add("reason", "Choose the reason for the delay");
		}
		if (attribution == null) {
			problems.add("attribution", "Choose who the delay is attributed to");
		}
		note(problems, note);
		problems.refuseIfAny();
		UUID id = UUID.randomUUID();
		PractitionerId self = actor.practitionerId();
		if (!repository.insertDay(id, keys, day, reason, self, clock.instant())) {
			throw new DischargeRule("day", "This day is already recorded for this admission");
		}
		repository.insertStep(id, keys.personId(), "PROPOSED", side, attribution, blankToNull(note), self,
				actor.organisationId(), clock.instant());
		return id;
	}

	/**
	 * The other partner agrees with the latest view, or disputes it with a view of its
	 * own; both stay on record. Refused when the day was answered since {@code version}.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void answer(Actor actor, UUID dayId, long version, boolean agree, @Nullable Attribution view,
			@Nullable String note) {
		DelayedDayRepository.DayKeys day = repository.keys(dayId)
			.orElseThrow(() -> new NotFoundException(RECORD, dayId));
		AdmissionRepository.Keys keys = admissions.keys(day.admissionId());
		Side side = side(actor);
		DelayedDayView current = current(day);
		// A second tab's answer to what it read is stale once anyone answered: say so
		// first, rather than a rule about whose turn it is.
		if (current.version() != version) {
			throw new ConcurrentEditException(RECORD, dayId);
		}
		if (current.status() == DelayedDayView.Status.AGREED) {
			throw new DischargeRefused("Both partners have agreed this delay already");
		}
		DelayedDayView.Step last = current.steps().get(current.steps().size() - 1);
		if (last.side() == side) {
			throw new DischargeRefused("The other partner answers your side's view of this delay");
		}
		accessPolicy.require(actor, Admissions.change(keys.personId(), agree ? "agree-delay" : "dispute-delay",
				day.admissionId(), keys.organisationId()));
		DischargeRule.Collector problems = new DischargeRule.Collector();
		if (!agree && view == null) {
			problems.add("attribution", "Choose who you think the delay is attributed to");
		}
		else if (!agree && view == last.attribution()) {
			problems.add("attribution", "To dispute, choose a different attribution, or agree with this one");
		}
		note(problems, note);
		problems.refuseIfAny();
		if (!repository.bump(dayId, version)) {
			throw new ConcurrentEditException(RECORD, dayId);
		}
		repository.insertStep(dayId, keys.personId(), agree ? "AGREED" : "DISPUTED", side,
				agree ? last.attribution() : view, blankToNull(note), actor.practitionerId(), actor.organisationId(),
				clock.instant());
	}

	private DelayedDayView current(DelayedDayRepository.DayKeys day) {
		List<DelayedDayRepository.DayRows> rows = repository.days(day.admissionId());
		DelayedDayRepository.DayRows mine = rows.stream()
			.filter(r -> r.id().equals(day.id()))
			.findFirst()
			.orElseThrow();
		return new DelayedDayView(mine.id(), mine.admissionId(), mine.day(), mine.reason(), mine.version(), mine.steps()
			.stream()
			.map(s -> new DelayedDayView.Step(s.id(), s.step(), s.side(), s.attribution(), null, "", "", s.at()))
			.toList());
	}

	private Side side(Actor actor) {
		if (actor.practitionerId() == null || actor.organisationId() == null) {
			throw new DischargeRefused("Only practitioners of a partner organisation attribute delays");
		}
		Side side = Side.of(directory.organisation(actor.organisationId()).kind());
		if (side == null) {
			throw new DischargeRefused("Only the NHS and the council's adult social care attribute delays");
		}
		return side;
	}

	private static void note(DischargeRule.Collector problems, @Nullable String note) {
		if (note != null && note.length() > MAX_NOTE) {
			problems.add("note", "The note must be " + MAX_NOTE + " characters or fewer");
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return Admissions.blank(value) ? null : value.strip();
	}

}
