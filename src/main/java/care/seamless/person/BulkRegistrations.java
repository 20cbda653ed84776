package care.seamless.person;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.ErrorCode;
import care.seamless.shared.Phases;
import care.seamless.shared.PersonId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a whole file of people at once, by the same rules as one at a time: each is
 * checked first and, if any breaks a rule, nobody is registered. The NHS numbers of the
 * whole file are checked against the register in one query; someone already registered
 * with a number keeps it, and the importer's record is registered without it and named as
 * theirs, as a single import does (so the caller can link the two). Within the file, the
 * first to give a number keeps it. Each registration is audited as a single one is.
 */
@Service
public class BulkRegistrations {

	private static final String RECORD = "Person";

	/**
	 * A person who could not be registered: their place in the list, the field, the rule.
	 */
	public record Problem(int index, String field, ErrorCode code) {
	}

	/**
	 * The ids given, in the order of the list; by place in the list, the record that
	 * already held the NHS number given; and the details as registered (checked and
	 * normalised, before a number held by someone else is left out), so a caller need not
	 * read them back.
	 */
	public record Registered(List<PersonId> ids, Map<Integer, PersonId> sameNhsNumber, List<PersonDetails> details) {
	}

	/** Either problems (and nothing registered) or the people registered. */
	public record Outcome(List<Problem> problems, Registered registered) {
	}

	private final BulkRegistrationRepository repository;

	private final AuditLog auditLog;

	private final Clock clock;

	BulkRegistrations(BulkRegistrationRepository repository, AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * Registers everyone for the actor's organisation, or nobody if any breaks a rule.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Outcome registerImported(Actor actor, List<PersonDetails> people) {
		return registerImported(actor, people, new Phases());
	}

	/** {@link #registerImported(Actor, List)}, timing its steps in {@code phases}. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Outcome registerImported(Actor actor, List<PersonDetails> people, Phases phases) {
		return registerImported(actor, people, phases, registered -> {
		});
	}

	/**
	 * {@link #registerImported(Actor, List, Phases)}, telling {@code beforeRows} who will
	 * be registered, with the NHS numbers settled, before the rows are written, so the
	 * caller can start work of its own that needs only that while PostgreSQL writes them
	 * (ADR 83). It runs on this thread, on the transaction's connection, and is not told
	 * if anyone breaks a rule (then nobody is registered).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Outcome registerImported(Actor actor, List<PersonDetails> people, Phases phases,
			Consumer<Registered> beforeRows) {
		LocalDate today = LocalDate.now(clock);
		// Each person's checks are their own, so they run on every core (ADR 83); the
		// problems are then listed in the list's order.
		Object[] results = IntStream.range(0, people.size()).parallel().mapToObj(i -> {
			try {
				return (Object) People.checked(people.get(i), today);
			}
			catch (PersonRuleViolation ex) {
				return new Problem(i, ex.field(), ex.code());
			}
		}).toArray();
		List<PersonDetails> checked = new ArrayList<>(people.size());
		List<Problem> problems = new ArrayList<>();
		for (Object result : results) {
			if (result instanceof Problem problem) {
				problems.add(problem);
			}
			else {
				checked.add((PersonDetails) result);
			}
		}
		phases.end("checks");
		if (!problems.isEmpty()) {
			return new Outcome(problems, new Registered(List.of(), Map.of(), List.of()));
		}
		int[] order = byNhsNumber(checked);
		List<PersonId> ascending = PersonId.timeOrdered(clock.instant(), checked.size());
		PersonId[] given = new PersonId[checked.size()];
		for (int k = 0; k < order.length; k++) {
			given[order[k]] = ascending.get(k);
		}
		List<PersonId> ids = Arrays.asList(given);
		phases.end("ids");
		List<PersonDetails> details = List.copyOf(checked);
		Map<Integer, PersonId> same = repository.register(ids, details, actor.organisationId(), order, phases,
				numbers -> beforeRows.accept(new Registered(ids, numbers, details)));
		// In the order of the ids, so that the audit's index by person is appended to;
		// with one time, the registration's, since one statement made them all: the
		// indexes by account and by action then hold one key for the lot (ADR 79).
		List<AuditEvent> created = new ArrayList<>(order.length);
		for (int k = 0; k < order.length; k++) {
			PersonId id = given[order[k]];
			created.add(AuditEvent.permitted(actor, "create", RECORD, id, id));
		}
		auditLog.recordTogether(created);
		phases.end("audit entries made");
		return new Outcome(List.of(), new Registered(ids, same, details));
	}

	/**
	 * The places of the list in NHS number order (people without one last, in list
	 * order). The ids are given out ascending in this order, so the rows go into the
	 * primary key and the NHS number's unique index in the order of both: each index is
	 * appended to rather than written on a random page per row (ADR 72).
	 */
	private static int[] byNhsNumber(List<PersonDetails> people) {
		if (people.size() >= 1 << PLACE_BITS) {
			return boxedByNhsNumber(people);
		}
		// A checked NHS number is ten digits: as a number, with the place in the low
		// bits, one primitive sort orders the list (a boxed sort by comparator took
		// seconds at a million).
		long[] keys = new long[people.size()];
		for (int i = 0; i < keys.length; i++) {
			String nhs = people.get(i).nhsNumber();
			long number = nhs == null ? NO_NUMBER : Long.parseLong(nhs);
			keys[i] = (number << PLACE_BITS) | i;
		}
		Arrays.parallelSort(keys);
		int[] order = new int[keys.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = (int) (keys[i] & ((1L << PLACE_BITS) - 1));
		}
		return order;
	}

	private static final int PLACE_BITS = 24;

	// After every ten-digit number.
	private static final long NO_NUMBER = 10_000_000_000L;

	private static int[] boxedByNhsNumber(List<PersonDetails> people) {
		Integer[] places = new Integer[people.size()];
		for (int i = 0; i < places.length; i++) {
			places[i] = i;
		}
		Arrays.sort(places, java.util.Comparator.comparing((Integer i) -> people.get(i).nhsNumber(),
				java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
		return Arrays.stream(places).mapToInt(Integer::intValue).toArray();
	}

}
