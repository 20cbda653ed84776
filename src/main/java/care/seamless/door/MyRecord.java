package care.seamless.door;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.AccessRequest;
import care.seamless.consent.ActingFor;
import care.seamless.consent.ActingKind;
import care.seamless.consent.Representation;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.PersonId;
import care.seamless.shared.Role;
import care.seamless.team.Account;
import care.seamless.team.Directory;
import care.seamless.team.Organisation;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the person (or someone acting for them) reads about their own record through the
 * door, beyond the plan: who they act for, who has looked at the record, and questions
 * about a look for the Caldicott guardian.
 */
@Service
public class MyRecord {

	/** How many of the latest looks the person sees. */
	public static final int HISTORY_LIMIT = 100;

	private final DoorRepository repository;

	private final ActingFor actingFor;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final Directory directory;

	private final Clock clock;

	MyRecord(DoorRepository repository, ActingFor actingFor, AccessPolicy accessPolicy, AuditLog auditLog,
			Directory directory, Clock clock) {
		this.repository = repository;
		this.actingFor = actingFor;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * A carer of the person, and what the person shares with them (core details always).
	 */
	public record CarerShare(UUID id, String name, Set<DataCategory> categories, long version) {
	}

	/**
	 * The person's carers with what each may see: only the person themselves reads and
	 * changes this.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<CarerShare> carers(Actor actor, PersonId person) {
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, "read-own-carers", "Person").by(AccessRequest.Who.THE_PERSON));
		return actingFor.representatives(actor, person)
			.stream()
			.filter(r -> r.kind() == ActingKind.CARER)
			.map(r -> new CarerShare(r.id(), repository.account(r.account()).map(PersonAccount::displayName).orElse(""),
					r.categories(), r.version()))
			.toList();
	}

	/**
	 * The person changes what a carer sees; it takes effect on the carer's next request.
	 * A carer who is not the person's, or a stale version, is refused.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void shareWithCarer(Actor actor, PersonId person, UUID carer, long version, Set<DataCategory> categories) {
		boolean theirs = carers(actor, person).stream().anyMatch(c -> c.id().equals(carer));
		if (!theirs) {
			throw new DoorRule("carer", "door.carers.unknown");
		}
		actingFor.shareWithCarer(actor, person, carer, version, categories);
	}

	/** The people the account acts for, the person themselves first. */
	@Transactional(readOnly = true)
	public List<ActingForView> people(Actor actor) {
		return actingFor.of(actor)
			.stream()
			.sorted(java.util.Comparator.comparing((Representation r) -> r.kind().ordinal()))
			.map(r -> new ActingForView(r.person(), repository.displayName(r.person()), r.kind()))
			.toList();
	}

	/**
	 * Opens the record from the door: the access policy decides, and the look is audited,
	 * refusals included.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public ActingForView open(Actor actor, PersonId person) {
		accessPolicy.require(actor, AccessRequest.toOpen(person, "read-own-record", "Person"));
		Representation representation = actingFor.of(actor, person).orElseThrow();
		return new ActingForView(person, repository.displayName(person), representation.kind());
	}

	/**
	 * Who has looked at the record: only the person themselves sees it (a carer could
	 * learn from it which services the person uses). Audited.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<Looked> whoLooked(Actor actor, PersonId person) {
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, "read-own-access-history", "AuditLog").by(AccessRequest.Who.THE_PERSON));
		Map<String, String> organisations = directory.organisations()
			.stream()
			.collect(Collectors.toMap(Organisation::code, Organisation::name, (a, b) -> a));
		Map<String, String> names = new java.util.HashMap<>();
		Function<String, String> name = username -> names.computeIfAbsent(username,
				u -> directory.accountForSignIn(u).map(Account::displayName).filter(n -> n != null).orElse(u));
		return auditLog.historyOf(person, HISTORY_LIMIT)
			.stream()
			.map(entry -> looked(actor, entry, organisations, name))
			.toList();
	}

	private static Looked looked(Actor actor, AuditEntry entry, Map<String, String> organisations,
			Function<String, String> name) {
		boolean byPersonSide = Role.PERSON.name().equals(entry.role());
		boolean byYou = byPersonSide && entry.account().equals(actor.username());
		String who = byPersonSide ? "" : name.apply(entry.account());
		return new Looked(entry.id(), entry.occurredAt(), who,
				entry.organisationCode() == null ? null : organisations.get(entry.organisationCode()), entry.action(),
				entry.purpose(), "PERMITTED".equals(entry.outcome()), byYou);
	}

	/**
	 * The person asks about one look at their record; the question goes to the Caldicott
	 * guardians' queue.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID askAbout(Actor actor, PersonId person, long seq, @Nullable String words) {
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, "ask-about-access", "AccessQuestion").by(AccessRequest.Who.THE_PERSON));
		String text = words == null ? "" : words.strip();
		if (text.isEmpty()) {
			throw new DoorRule("words", "door.looked.ask.missing");
		}
		if (text.length() > 2000 || text.indexOf('\0') >= 0) {
			throw new DoorRule("words", "door.looked.ask.tooLong");
		}
		if (auditLog.historyOf(person, HISTORY_LIMIT).stream().noneMatch(e -> e.id() == seq)) {
			throw new DoorRule("words", "door.looked.ask.unknown");
		}
		UUID id = UUID.randomUUID();
		repository.insertQuestion(id, person, actor.accountId(), seq, text, clock.instant());
		auditLog.record(AuditEvent.permitted(actor, "ask-about-access", "AccessQuestion", id, person));
		return id;
	}

	/** Questions waiting for a Caldicott guardian; the listing is audited. */
	@Transactional
	public List<AccessQuestion> openQuestions(Actor actor) {
		if (!actor.has(Role.CALDICOTT_GUARDIAN)) {
			throw new AccessDeniedException("Only a Caldicott guardian sees people's questions about access");
		}
		auditLog.record(AuditEvent.permitted(actor, "read-access-questions", "AccessQuestion", null, null));
		return repository.openQuestions();
	}

}
