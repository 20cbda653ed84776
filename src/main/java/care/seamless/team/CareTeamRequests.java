package care.seamless.team;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;
import care.seamless.team.CareTeamChange.Kind;
import care.seamless.team.CareTeamChanged.Change;
import care.seamless.team.CareTeamRequest.Status;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Building a care team from empty, as a partnership does: the lead professional or a team
 * manager adds colleagues of their own organisation and invites practitioners of other
 * organisations, who accept or decline; the lead hands over to a new lead, who accepts;
 * someone refused the record asks to join; a team manager allocates people who have no
 * lead yet; involvements end with a reason. The access module allows each change first
 * ({@link CareTeamPermissions}), every change is audited, and each answer waits on the
 * request's version so a second tab cannot answer twice.
 */
@Service
public class CareTeamRequests {

	private static final String ACCESS_DENIED = "care.seamless.consent.AccessDenied";

	private static final String REQUEST = "CareTeamRequest";

	private static final String MEMBER = "CareTeamMember";

	static final int MAX_ROLE = 120;

	static final int MAX_TEXT = 2000;

	private final CareTeamRequestRepository requests;

	private final CareTeamRepository members;

	private final Directory directory;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ObjectProvider<CareTeamPermissions> permissions;

	private final ObjectProvider<MembershipEndingCheck> endingChecks;

	private final ObjectProvider<CareTeamPeople> people;

	private final ObjectProvider<Workloads> workloads;

	CareTeamRequests(CareTeamRequestRepository requests, CareTeamRepository members, Directory directory,
			AuditLog auditLog, ApplicationEventPublisher events, Clock clock,
			ObjectProvider<CareTeamPermissions> permissions, ObjectProvider<MembershipEndingCheck> endingChecks,
			ObjectProvider<CareTeamPeople> people, ObjectProvider<Workloads> workloads) {
		this.requests = requests;
		this.members = members;
		this.directory = directory;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
		this.permissions = permissions;
		this.endingChecks = endingChecks;
		this.people = people;
		this.workloads = workloads;
	}

	/**
	 * What happened to an addition: a colleague of the actor's own organisation joins at
	 * once; a practitioner of another organisation is invited and joins when they (or
	 * their team manager) accept.
	 */
	public record Added(UUID id, boolean invited) {
	}

	@Transactional(noRollbackForClassName = ACCESS_DENIED)
	public Added add(Actor actor, PersonId person, @Nullable PractitionerId practitioner, @Nullable String role) {
		Practitioner newcomer = practitioner(practitioner, "Choose who to add to the care team");
		String checkedRole = text("role", role, MAX_ROLE, "Say what they will do in this person's care");
		List<CareTeamMember> current = current(person);
		if (current.isEmpty()) {
			throw new CareTeamRule("practitioner",
					"This person has no lead professional yet: a team manager allocates them first");
		}
		if (current.stream().anyMatch(m -> m.practitionerId().equals(newcomer.id()))) {
			throw new CareTeamRule("practitioner", newcomer.displayName() + " is already in this care team");
		}
		if (requests.pending(person, newcomer.id(), CareTeamRequest.Kind.INVITATION)) {
			throw new CareTeamRule("practitioner",
					newcomer.displayName() + " has already been invited and has not answered yet");
		}
		String reason = require(actor, Kind.INVITE, person, newcomer.id());
		TeamId team = teamOf(newcomer.id(), List.of());
		if (newcomer.organisationId().equals(actor.organisationId())) {
			UUID id = UUID.randomUUID();
			members.insert(id, person, newcomer.id(), team, checkedRole, false, today());
			auditLog.record(AuditEvent.permitted(actor, "add-member", MEMBER, id, person).withReason(reason));
			publish(person, Change.ADDED, null, Set.of(newcomer.id()), actor);
			return new Added(id, false);
		}
		UUID id = insert(new CareTeamRequestRepository.NewRequest(person, CareTeamRequest.Kind.INVITATION,
				newcomer.id(), team, checkedRole, null, actor.username(), actor.practitionerId(), now(), null));
		auditLog.record(AuditEvent.permitted(actor, "invite", REQUEST, id, person).withReason(reason));
		Set<PractitionerId> tell = new LinkedHashSet<>(Set.of(newcomer.id()));
		tell.addAll(managersOf(newcomer.id()));
		publish(person, Change.INVITED, id, tell, actor);
		return new Added(id, true);
	}

	/**
	 * Asks {@code incoming} to take over as lead professional. The outgoing lead asking
	 * (or a manager of their team, on their behalf) is the outgoing side's acceptance;
	 * the change happens when the incoming lead accepts.
	 */
	@Transactional(noRollbackForClassName = ACCESS_DENIED)
	public UUID proposeHandover(Actor actor, PersonId person, @Nullable PractitionerId incoming,
			@Nullable String message) {
		Practitioner next = practitioner(incoming, "Choose who will be the new lead professional");
		String note = optionalText("message", message, MAX_TEXT);
		CareTeamMember lead = currentLead(person)
			.orElseThrow(() -> new CareTeamRule("practitioner", "This person has no lead professional to hand over"));
		if (lead.practitionerId().equals(next.id())) {
			throw new CareTeamRule("practitioner", next.displayName() + " is already the lead professional");
		}
		if (requests.pendingHandover(person)) {
			throw new CareTeamRule("practitioner",
					"A handover is already waiting to be accepted: it must be answered first");
		}
		String reason = require(actor, Kind.HAND_OVER, person, next.id());
		Optional<CareTeamMember> existing = currentMembership(person, next.id());
		String role = existing.map(CareTeamMember::role).orElse("Lead professional");
		TeamId team = teamOf(next.id(), List.of());
		UUID id = insert(new CareTeamRequestRepository.NewRequest(person, CareTeamRequest.Kind.HANDOVER, next.id(),
				team, role, note, actor.username(), actor.practitionerId(), now(), lead.practitionerId()));
		auditLog.record(AuditEvent.permitted(actor, "hand-over", REQUEST, id, person).withReason(reason));
		publish(person, Change.HANDOVER_ASKED, id, Set.of(next.id()), actor);
		return id;
	}

	/**
	 * A practitioner refused the person's record asks to join their care team; the lead
	 * professional or a manager of the lead's team answers.
	 */
	@Transactional(noRollbackForClassName = ACCESS_DENIED)
	public UUID askToJoin(Actor actor, PersonId person, @Nullable String role, @Nullable String reason) {
		String checkedRole = text("role", role, MAX_ROLE, "Say what you would do in this person's care");
		String why = text("reason", reason, MAX_TEXT, "Say why you need to join this person's care team");
		PractitionerId self = actor.practitionerId();
		if (self != null) {
			if (currentMembership(person, self).isPresent()) {
				throw new CareTeamRule("reason", "You are already in this person's care team");
			}
			if (requests.pending(person, self, CareTeamRequest.Kind.JOIN)) {
				throw new CareTeamRule("reason",
						"You have already asked to join; your request is waiting for an answer");
			}
		}
		String permission = require(actor, Kind.ASK_TO_JOIN, person,
				self == null ? new PractitionerId(new UUID(0, 0)) : self);
		CareTeamMember lead = currentLead(person).orElseThrow(() -> new CareTeamRule("reason",
				"This person has no lead professional to ask yet: ask your team manager, who allocates new people"));
		UUID id = insert(new CareTeamRequestRepository.NewRequest(person, CareTeamRequest.Kind.JOIN, self,
				teamOf(self, List.of()), checkedRole, why, actor.username(), self, now(), null));
		auditLog.record(AuditEvent.permitted(actor, "ask-to-join", REQUEST, id, person).withReason(permission));
		Set<PractitionerId> tell = new LinkedHashSet<>(Set.of(lead.practitionerId()));
		tell.addAll(managersOf(lead.practitionerId()));
		publish(person, Change.JOIN_ASKED, id, tell, actor);
		return id;
	}

	/** Accepts an invitation, a handover or a request to join. */
	@Transactional(noRollbackForClassName = ACCESS_DENIED)
	public void accept(Actor actor, UUID requestId, long version) {
		CareTeamRequest request = pendingRequest(requestId);
		PersonId person = request.personId();
		switch (request.kind()) {
			case INVITATION -> {
				String reason = require(actor, Kind.ACCEPT_INVITATION, person, request.practitionerId());
				decide(actor, request, version, Status.ACCEPTED, null);
				join(request, false);
				audit(actor, "accept-invitation", request, reason);
				publish(person, Change.INVITATION_ACCEPTED, requestId, requester(request), actor);
			}
			case HANDOVER -> {
				String reason = require(actor, Kind.ACCEPT_HANDOVER, person, request.practitionerId());
				CareTeamMember lead = currentLead(person).orElse(null);
				if (lead == null || !lead.practitionerId().equals(request.outgoingLead())) {
					throw new CareTeamRule(null,
							"The lead professional has changed since this handover was asked: it can no longer be accepted");
				}
				decide(actor, request, version, Status.ACCEPTED, null);
				members.stepDownCurrentLead(person);
				join(request, true);
				audit(actor, "accept-handover", request, reason);
				Set<PractitionerId> tell = new LinkedHashSet<>(Set.of(lead.practitionerId()));
				tell.addAll(requester(request));
				publish(person, Change.HANDOVER_ACCEPTED, requestId, tell, actor);
			}
			case JOIN -> {
				String reason = require(actor, Kind.ACCEPT_JOIN, person, request.practitionerId());
				decide(actor, request, version, Status.ACCEPTED, null);
				join(request, false);
				audit(actor, "accept-join", request, reason);
				publish(person, Change.JOIN_ACCEPTED, requestId, requester(request), actor);
			}
		}
	}

	/** Declines an invitation, a handover or a request to join, saying why. */
	@Transactional(noRollbackForClassName = ACCESS_DENIED)
	public void decline(Actor actor, UUID requestId, long version, @Nullable String reason) {
		CareTeamRequest request = pendingRequest(requestId);
		String why = text("reason", reason, MAX_TEXT, "Say why, so the person who asked knows what to do next");
		Kind kind = switch (request.kind()) {
			case INVITATION -> Kind.DECLINE_INVITATION;
			case HANDOVER -> Kind.DECLINE_HANDOVER;
			case JOIN -> Kind.DECLINE_JOIN;
		};
		String permission = require(actor, kind, request.personId(), request.practitionerId());
		decide(actor, request, version, Status.DECLINED, why);
		audit(actor, kind.action(), request, permission);
		Change change = switch (request.kind()) {
			case INVITATION -> Change.INVITATION_DECLINED;
			case HANDOVER -> Change.HANDOVER_DECLINED;
			case JOIN -> Change.JOIN_DECLINED;
		};
		publish(request.personId(), change, requestId, requester(request), actor);
	}

	/**
	 * Withdraws a request before it is answered: whoever made it may; so may the lead
	 * professional (or a manager of a team in the care team) for an invitation, and the
	 * lead (or their manager) for a handover. The request leaves the queue it waited in,
	 * and can no longer be accepted.
	 */
	@Transactional(noRollbackForClassName = ACCESS_DENIED)
	public void withdraw(Actor actor, UUID requestId, long version) {
		CareTeamRequest request = pendingRequest(requestId);
		Kind kind = withdrawal(request.kind());
		String permission = permissions.getObject()
			.requirePermission(actor, new CareTeamChange(kind, request.personId(), request.practitionerId(),
					request.requestedByPractitioner()));
		decide(actor, request, version, Status.WITHDRAWN, null);
		audit(actor, kind.action(), request, permission);
		Set<PractitionerId> tell = new LinkedHashSet<>();
		if (request.kind() == CareTeamRequest.Kind.JOIN) {
			currentLead(request.personId()).ifPresent(lead -> {
				tell.add(lead.practitionerId());
				tell.addAll(managersOf(lead.practitionerId()));
			});
		}
		else {
			tell.add(request.practitionerId());
			if (request.kind() == CareTeamRequest.Kind.INVITATION) {
				tell.addAll(managersOf(request.practitionerId()));
			}
		}
		tell.addAll(requester(request));
		publish(request.personId(), Change.WITHDRAWN, requestId, tell, actor);
	}

	/**
	 * A team manager makes a practitioner of their team the lead professional of someone
	 * who has no care team yet.
	 */
	@Transactional(noRollbackForClassName = ACCESS_DENIED)
	public UUID allocate(Actor actor, PersonId person, @Nullable PractitionerId practitioner) {
		Practitioner lead = practitioner(practitioner, "Choose who will be the lead professional");
		if (!current(person).isEmpty()) {
			throw new CareTeamRule("practitioner", "This person already has a lead professional");
		}
		String reason = require(actor, Kind.ALLOCATE, person, lead.id());
		List<TeamId> managed = actor.practitionerId() == null ? List.of()
				: directory.managedTeams(actor.practitionerId()).stream().map(Team::id).toList();
		UUID id = UUID.randomUUID();
		members.insert(id, person, lead.id(), teamOf(lead.id(), managed), "Lead professional", true, today());
		auditLog.record(AuditEvent.permitted(actor, "allocate", MEMBER, id, person).withReason(reason));
		publish(person, Change.ALLOCATED, null, Set.of(lead.id()), actor);
		return id;
	}

	/**
	 * Ends someone's involvement, with the reason kept beside it. The lead hands over
	 * first, and a module that gave the member work may refuse until it has a new owner
	 * ({@link MembershipEndingCheck}).
	 */
	@Transactional(noRollbackForClassName = ACCESS_DENIED)
	public void endInvolvement(Actor actor, UUID memberId, long version, @Nullable String reason) {
		CareTeamMember member = members.member(memberId)
			.orElseThrow(() -> new NotFoundException("CareTeamMember", memberId));
		String why = text("reason", reason, MAX_TEXT, "Say why their involvement ends");
		if (member.periodEnd() != null) {
			throw new CareTeamRule("reason", "This involvement has already ended");
		}
		if (member.lead()) {
			throw new CareTeamRule("reason",
					"Hand over to a new lead professional before the current lead leaves the care team");
		}
		String permission = require(actor, Kind.END_INVOLVEMENT, member.personId(), member.practitionerId());
		endingChecks.orderedStream()
			.map(check -> check.objectionToLeaving(member.personId(), member.practitionerId()))
			.flatMap(Optional::stream)
			.findFirst()
			.ifPresent(objection -> {
				throw new CareTeamRule("reason", objection);
			});
		if (members.endWithReason(memberId, version, today(), why, actor.username()) == 0) {
			throw new ConcurrentEditException("Care team membership", memberId);
		}
		auditLog.record(AuditEvent.permitted(actor, "end-involvement", MEMBER, memberId, member.personId())
			.withReason(permission));
		publish(member.personId(), Change.ENDED, null, Set.of(member.practitionerId()), actor);
	}

	/**
	 * The care team page: members now and before, and requests, for a reader of the
	 * record.
	 */
	@Transactional(noRollbackForClassName = ACCESS_DENIED)
	public CareTeamView careTeam(Actor actor, PersonId person) {
		permissions.getObject().requireRead(actor, person, "read-care-team");
		LocalDate today = today();
		List<CareTeamMember> all = members.members(person);
		List<CareTeamRequest> asked = requests.ofPerson(person);
		String name = names(actor, Set.of(person)).getOrDefault(person, "");
		return new CareTeamView(person, name, all.stream().filter(m -> m.isCurrent(today)).toList(),
				all.stream().filter(m -> !m.isCurrent(today)).toList(),
				asked.stream().filter(CareTeamRequest::pending).toList(),
				asked.stream().filter(r -> !r.pending()).toList());
	}

	/**
	 * The changes to this care team its reader may make, so the page offers only those:
	 * the same "who may" rule each change requires, without an audit entry.
	 */
	public Offers offers(Actor actor, CareTeamView team) {
		CareTeamPermissions rules = permissions.getObject();
		PractitionerId self = actor.practitionerId();
		if (self == null) {
			return new Offers(false, false, Set.of(), Set.of());
		}
		PersonId person = team.personId();
		boolean add = !team.current().isEmpty()
				&& rules.mayChange(actor, new CareTeamChange(Kind.INVITE, person, self));
		boolean handOver = team.hasLead() && rules.mayChange(actor, new CareTeamChange(Kind.HAND_OVER, person, self));
		Set<UUID> end = team.current()
			.stream()
			.filter(m -> !m.lead())
			.filter(m -> rules.mayChange(actor, new CareTeamChange(Kind.END_INVOLVEMENT, person, m.practitionerId())))
			.map(CareTeamMember::id)
			.collect(Collectors.toSet());
		Set<UUID> withdraw = team.pending()
			.stream()
			.filter(r -> rules.mayChange(actor,
					new CareTeamChange(withdrawal(r.kind()), person, r.practitionerId(), r.requestedByPractitioner())))
			.map(CareTeamRequest::id)
			.collect(Collectors.toSet());
		return new Offers(add, handOver, end, withdraw);
	}

	/** What the care team's page offers its reader. */
	public record Offers(boolean add, boolean handOver, Set<UUID> endable, Set<UUID> withdrawable) {

		public boolean mayEnd(UUID member) {
			return endable.contains(member);
		}

		public boolean mayWithdraw(UUID request) {
			return withdrawable.contains(request);
		}

	}

	private static Kind withdrawal(CareTeamRequest.Kind kind) {
		return switch (kind) {
			case INVITATION -> Kind.WITHDRAW_INVITATION;
			case HANDOVER -> Kind.WITHDRAW_HANDOVER;
			case JOIN -> Kind.WITHDRAW_JOIN;
		};
	}

	/** One request, for the page that answers it. */
	@Transactional(readOnly = true)
	public CareTeamRequest request(UUID id) {
		return requests.find(id).orElseThrow(() -> new NotFoundException(REQUEST, id));
	}

	/** What waits for the actor to answer, and what they asked; audited as one read. */
	@Transactional
	public RequestQueue queue(Actor actor) {
		PractitionerId me = actor.practitionerId();
		if (me == null) {
			return new RequestQueue(List.of(), List.of());
		}
		List<CareTeamRequest> waiting = requests.waitingFor(me);
		List<CareTeamRequest> mine = requests.askedBy(me);
		Map<PersonId, String> names = names(actor,
				Stream.concat(waiting.stream(), mine.stream())
					.map(CareTeamRequest::personId)
					.collect(Collectors.toSet()));
		auditLog.record(AuditEvent.permitted(actor, "read-care-team-requests", REQUEST, null, null));
		return new RequestQueue(waiting.stream().map(r -> new RequestQueue.Item(r, names.get(r.personId()))).toList(),
				mine.stream().map(r -> new RequestQueue.Item(r, names.get(r.personId()))).toList());
	}

	/** How many care-team requests wait for the actor's answer. */
	@Transactional(readOnly = true)
	public int waitingCount(Actor actor) {
		return actor.practitionerId() == null ? 0 : requests.waitingFor(actor.practitionerId()).size();
	}

	/**
	 * The teams the actor manages, with caseloads and workloads, and people to allocate.
	 */
	@Transactional
	public TeamWork teamWork(Actor actor) {
		if (actor.practitionerId() == null) {
			return new TeamWork(List.of(), List.of());
		}
		List<Team> managed = directory.managedTeams(actor.practitionerId());
		if (managed.isEmpty()) {
			return new TeamWork(List.of(), List.of());
		}
		Map<TeamId, List<Practitioner>> staff = managed.stream()
			.collect(Collectors.toMap(Team::id, t -> directory.teamMembers(t.id())));
		Set<PractitionerId> everyone = staff.values()
			.stream()
			.flatMap(List::stream)
			.map(Practitioner::id)
			.collect(Collectors.toSet());
		Map<PractitionerId, Long> led = requests.peopleLed(everyone);
		Workloads source = workloads.getIfAvailable();
		Map<PractitionerId, Workloads.Load> loads = source == null ? Map.of() : source.loads(everyone);
		List<TeamWork.TeamLoad> teams = managed.stream().map(team -> {
			Set<PractitionerId> bosses = directory.managers(team.id())
				.stream()
				.map(Practitioner::id)
				.collect(Collectors.toSet());
			return new TeamWork.TeamLoad(team, staff.get(team.id()).stream().map(p -> {
				Workloads.Load load = loads.getOrDefault(p.id(), Workloads.Load.NONE);
				return new TeamWork.PractitionerLoad(p, bosses.contains(p.id()), led.getOrDefault(p.id(), 0L),
						load.open(), load.overdue());
			}).toList());
		}).toList();
		CareTeamPeople source2 = people.getIfAvailable();
		auditLog.record(AuditEvent.permitted(actor, "read-team-workload", "Team", null, null));
		return new TeamWork(teams, source2 == null ? List.of() : source2.unallocated(actor));
	}

	private String require(Actor actor, Kind kind, PersonId person, PractitionerId subject) {
		return permissions.getObject().requirePermission(actor, new CareTeamChange(kind, person, subject));
	}

	private Map<PersonId, String> names(Actor actor, Collection<PersonId> ids) {
		CareTeamPeople source = people.getIfAvailable();
		return source == null || ids.isEmpty() ? Map.of() : source.visibleNames(actor, ids);
	}

	private void join(CareTeamRequest request, boolean lead) {
		if (currentMembership(request.personId(), request.practitionerId()).isPresent()) {
			if (lead) {
				members.makeLead(request.personId(), request.practitionerId());
			}
			return;
		}
		members.insert(UUID.randomUUID(), request.personId(), request.practitionerId(), request.teamId(),
				request.role(), lead, today());
	}

	private void decide(Actor actor, CareTeamRequest request, long version, Status status, @Nullable String reason) {
		if (requests.decide(request.id(), version, status, actor.username(), now(), reason) == 0) {
			throw new ConcurrentEditException("Care team request", request.id());
		}
	}

	private void audit(Actor actor, String action, CareTeamRequest request, String reason) {
		auditLog
			.record(AuditEvent.permitted(actor, action, REQUEST, request.id(), request.personId()).withReason(reason));
	}

	private CareTeamRequest pendingRequest(UUID id) {
		CareTeamRequest request = request(id);
		if (request.status() == Status.WITHDRAWN) {
			throw new CareTeamRule(null,
					"This request was withdrawn before it was answered: it can no longer be " + "accepted or declined");
		}
		if (!request.pending()) {
			throw new CareTeamRule(null, "This request has already been answered");
		}
		return request;
	}

	private UUID insert(CareTeamRequestRepository.NewRequest request) {
		try {
			return requests.insert(request);
		}
		catch (DuplicateKeyException ex) {
			throw new CareTeamRule("practitioner", "The same request is already waiting for an answer");
		}
	}

	private Practitioner practitioner(@Nullable PractitionerId id, String missing) {
		if (id == null) {
			throw new CareTeamRule("practitioner", missing);
		}
		try {
			return directory.practitioner(id);
		}
		catch (RuntimeException ex) {
			throw new CareTeamRule("practitioner", "Choose a practitioner from the list");
		}
	}

	private List<CareTeamMember> current(PersonId person) {
		LocalDate today = today();
		return members.members(person).stream().filter(m -> m.isCurrent(today)).toList();
	}

	private Optional<CareTeamMember> currentLead(PersonId person) {
		return current(person).stream().filter(CareTeamMember::lead).findFirst();
	}

	private Optional<CareTeamMember> currentMembership(PersonId person, PractitionerId practitioner) {
		return current(person).stream().filter(m -> m.practitionerId().equals(practitioner)).findFirst();
	}

	/** The practitioner's team, preferring one of {@code preferred}. */
	private @Nullable TeamId teamOf(PractitionerId practitioner, List<TeamId> preferred) {
		List<TeamId> teams = directory.teamsOf(practitioner).stream().map(Team::id).toList();
		return teams.stream().filter(preferred::contains).findFirst().orElse(teams.isEmpty() ? null : teams.get(0));
	}

	private Set<PractitionerId> managersOf(PractitionerId practitioner) {
		return directory.teamsOf(practitioner)
			.stream()
			.flatMap(t -> directory.managers(t.id()).stream())
			.map(Practitioner::id)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static Set<PractitionerId> requester(CareTeamRequest request) {
		return request.requestedByPractitioner() == null ? Set.of() : Set.of(request.requestedByPractitioner());
	}

	private void publish(PersonId person, Change change, @Nullable UUID request, Set<PractitionerId> tell,
			Actor actor) {
		Set<PractitionerId> others = tell.stream()
			.filter(p -> !p.equals(actor.practitionerId()))
			.collect(Collectors.toCollection(LinkedHashSet::new));
		if (!others.isEmpty()) {
			events.publishEvent(new CareTeamChanged(person, change, request, Set.copyOf(others)));
		}
	}

	private static String text(String field, @Nullable String value, int max, String missing) {
		if (value == null || value.isBlank()) {
			throw new CareTeamRule(field, missing);
		}
		return optionalText(field, value, max);
	}

	private static @Nullable String optionalText(String field, @Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.length() > max) {
			throw new CareTeamRule(field, "Use " + max + " characters or fewer");
		}
		if (trimmed.indexOf('\0') >= 0) {
			throw new CareTeamRule(field, "Remove the character that cannot be stored");
		}
		return trimmed;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private Instant now() {
		return clock.instant();
	}

}
