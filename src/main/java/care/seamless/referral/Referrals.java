package care.seamless.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDecision;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessGrants;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.AccessRequest;
import care.seamless.consent.SqlCondition;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import care.seamless.team.Practitioner;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.TeamId;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;
import care.seamless.team.Team;
import care.seamless.terminology.Terminology;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals between teams: one holder at every moment, every step audited and timed by
 * the application's clock. What is sent is decided by the access policy
 * ({@link AccessPolicy#disclosure}) before anything is saved; the receiving team reads it
 * under a time-limited team grant ({@link AccessGrants}) while it decides, and the owner
 * it names joins the person's care team on acceptance.
 */
@Service
public class Referrals {

	static final String RECORD = "Referral";

	static final int MAX_TEXT = 2000;

	private static final SqlCondition ALL = new SqlCondition("true", java.util.Map.of());

	private final ReferralRepository repository;

	private final Directory directory;

	private final CareTeams careTeams;

	private final AccessPolicy accessPolicy;

	private final AccessGrants grants;

	private final AuditLog auditLog;

	private final Terminology terminology;

	private final WorkingCalendar calendar;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration pendingAccess;

	private final SendableItems sendable;

	Referrals(ReferralRepository repository, Directory directory, CareTeams careTeams, AccessPolicy accessPolicy,
			AccessGrants grants, AuditLog auditLog, Terminology terminology, WorkingCalendar calendar,
			ApplicationEventPublisher events, Clock clock,
			@Value("${seamless.referral.pending-access:P30D}") Duration pendingAccess, SendableItems sendable) {
		this.sendable = sendable;
		this.repository = repository;
		this.directory = directory;
		this.careTeams = careTeams;
		this.accessPolicy = accessPolicy;
		this.grants = grants;
		this.auditLog = auditLog;
		this.terminology = terminology;
		this.calendar = calendar;
		this.events = events;
		this.clock = clock;
		this.pendingAccess = pendingAccess;
	}

	/** What {@link #refer} did, and the open referral to the same team it duplicates. */
	public record Referred(ReferralId id, Optional<ReferralId> duplicateOf) {
	}

	/**
	 * Writes a referral and, when {@code send}, sends it at once: every input problem and
	 * every category the policy will not let go is refused together, and nothing is saved
	 * then.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public Referred refer(Actor actor, NewReferral request, boolean send) {
		Practitioner referrer = practitioner(actor);
		List<ReferralRefused.Problem> problems = new ArrayList<>();
		Team from = request.fromTeam() == null ? null : ownTeam(referrer, request.fromTeam());
		if (from == null) {
			problems.add(new ReferralRefused.Problem("fromTeam", "Choose which of your teams is referring"));
		}
		Team to = checkedReceiver(request.toTeam(), referrer, problems, "toTeam");
		String reasonCode = Inputs.text(request.reasonCode(), 100);
		if (reasonCode == null || terminology.find(reasonCode).isEmpty()) {
			problems.add(new ReferralRefused.Problem("reasonCode", "Choose the reason for the referral from the list"));
		}
		String reasonText = Inputs.required(request.reasonText(), "reasonText", "Say why you are referring", problems);
		String personView = Inputs.required(request.personView(), "personView",
				"Say what the person knows about the referral and what they have agreed to", problems);
		if (request.urgency() == null) {
			problems.add(new ReferralRefused.Problem("urgency", "Choose how urgent the referral is"));
		}
		if (request.basis() == null) {
			problems.add(new ReferralRefused.Problem("basis", "Choose on what basis the information is shared"));
		}
		if (!problems.isEmpty()) {
			throw new ReferralRefused(problems);
		}
		accessPolicy.require(actor, AccessRequest.toOpen(request.person(), "refer", RECORD));
		Set<DataCategory> categories = request.categories().isEmpty() ? Set.of(DataCategory.GENERAL)
				: request.categories();
		List<SendableItem> items = chosen(actor, request);
		String disclosure = disclosed(actor, request.person(), withItems(categories, items), from, to, request.basis());
		Instant now = clock.instant();
		Referral draft = Referral.draft(ReferralId.random(), request.person(), from.id(), from.organisationId(),
				referrer.id(), to.id(), to.organisationId(), reasonCode, reasonText, request.urgency(),
				request.personInformed(), personView, request.basis(), now);
		repository.insert(draft, categories);
		repository.insertItems(draft, items);
		repository.step(draft, ReferralStep.CREATE, actor.username(), null, now);
		auditLog.record(AuditEvent.permitted(actor, "referral-create", RECORD, draft.uuid(), draft.personId())
			.withReason(Inputs.clip(disclosure + "; items: " + items.size(), 500)));
		Optional<ReferralId> duplicate = repository.openToSameTeam(draft.id(), draft.personId(), to.id());
		if (send) {
			sendDraft(actor, draft, categories, items, disclosure);
		}
		return new Referred(draft.id(), duplicate);
	}

	/** Sends a draft (API: drafts are written first, then sent). */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void send(Actor actor, ReferralId id, long version) {
		Referral r = load(id, version);
		requireSender(actor, r);
		Set<DataCategory> categories = Set.copyOf(repository.categories(id));
		List<SendableItem> items = repository.items(id);
		Team from = team(r.fromTeam());
		Team to = team(r.holder());
		sendDraft(actor, r, categories, items,
				disclosed(actor, r.personId(), withItems(categories, items), from, to, r.basis()));
	}

	/**
	 * The items of the person's assessment and plan the actor may send, for the form.
	 * Reading them is audited by the modules that hold them.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<SendableItem> sendable(Actor actor, PersonId person) {
		return sendable.of(actor, person);
	}

	/**
	 * The chosen items, each one the referrer may see themselves: an id that is not among
	 * them (another person's, a withheld one, a made-up one) refuses the whole referral.
	 */
	private List<SendableItem> chosen(Actor actor, NewReferral request) {
		if (request.items().isEmpty()) {
			return List.of();
		}
		if (request.items().size() > 200) {
			throw new ReferralRefused("items", "Choose at most 200 sections and plan items");
		}
		List<SendableItem> offered = sendable.of(actor, request.person());
		List<SendableItem> chosen = offered.stream().filter(i -> request.items().contains(i.choice())).toList();
		if (chosen.size() != request.items().size()) {
			throw new ReferralRefused("items",
					"Choose only sections and plan items of this person's record that you can see yourself");
		}
		return chosen;
	}

	private static Set<DataCategory> withItems(Set<DataCategory> categories, List<SendableItem> items) {
		Set<DataCategory> all = new LinkedHashSet<>(categories);
		items.forEach(i -> all.add(i.category()));
		return all;
	}

	private static List<care.seamless.consent.GrantedItem> granted(List<SendableItem> items) {
		return items.stream().map(i -> new care.seamless.consent.GrantedItem(i.kind(), i.id(), i.category())).toList();
	}

	private void sendDraft(Actor actor, Referral draft, Set<DataCategory> categories, List<SendableItem> items,
			String disclosure) {
		Instant now = clock.instant();
		ReferralRepository.Target target = repository.target(draft.holder(), draft.urgency())
			.orElseThrow(() -> new IllegalStateException("No response target for " + draft.urgency()));
		WorkingHours hours = calendar.hours();
		Referral sent = draft.sent(now, due(hours, now, target.acknowledgeWithin(), target.acknowledgeUnit()),
				due(hours, now, target.acceptWithin(), target.acceptUnit()));
		save(sent);
		grants.grantChosen(Actor.system("referral"), sent.personId(), sent.holder(), categories, granted(items),
				now.plus(pendingAccess), sent.grantSource());
		finish(actor, sent, ReferralStep.SEND, disclosure, teamAndManagers(sent.holder()));
	}

	private static Instant due(WorkingHours hours, Instant from, int within, String unit) {
		return "WORKING_HOURS".equals(unit) ? hours.plus(from, Duration.ofHours(within))
				: hours.plusWorkingDays(from, within);
	}

	@Transactional
	public void acknowledge(Actor actor, ReferralId id, long version) {
		Referral r = load(id, version);
		requireHolder(actor, r);
		Referral after = r.acknowledged(clock.instant());
		save(after);
		finish(actor, after, ReferralStep.ACKNOWLEDGE, null, Set.of(r.referrer()));
	}

	/**
	 * Accepts with a named owner from the holding team, who joins the person's care team
	 * (as lead when it has none) through the team module; the pending grant ends.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void accept(Actor actor, ReferralId id, long version, @Nullable PractitionerId owner) {
		Referral r = load(id, version);
		requireHolder(actor, r);
		if (owner == null || directory.teamMembers(r.holder()).stream().noneMatch(p -> p.id().equals(owner))) {
			throw new ReferralRefused("owner", "Choose who in your team will own this referral");
		}
		Instant now = clock.instant();
		Referral after = r.accepted(owner, now);
		save(after);
		grants.revoke(Actor.system("referral"), r.personId(), r.holder(), r.grantSource());
		joinCareTeam(r, owner);
		finish(actor, after, ReferralStep.ACCEPT, directory.practitioner(owner).displayName(),
				Set.of(r.referrer(), owner));
		events.publishEvent(new ReferralAccepted(r.id(), r.personId(), r.holder(), owner, now));
	}

	private void joinCareTeam(Referral r, PractitionerId owner) {
		LocalDate today = LocalDate.now(clock);
		var members = careTeams.members(r.personId()).stream().filter(m -> m.isCurrent(today)).toList();
		if (members.stream().anyMatch(m -> m.practitionerId().equals(owner))) {
			return;
		}
		boolean lead = members.stream().noneMatch(m -> m.lead());
		// The referral is the authority for the addition: the referrer asked this team to
		// take the person on. The team module still applies the person's objections.
		careTeams.addMember(Actor.system("referral:" + r.id()), r.personId(), owner, r.holder(),
				"Owner of an accepted referral", lead);
	}

	@Transactional
	public void decline(Actor actor, ReferralId id, long version, @Nullable DeclineReason reason,
			@Nullable String signposting) {
		Referral r = load(id, version);
		requireHolder(actor, r);
		List<ReferralRefused.Problem> problems = new ArrayList<>();
		if (reason == null) {
			problems.add(new ReferralRefused.Problem("declineReason", "Choose why you are declining"));
		}
		String signpost = Inputs.required(signposting, "signposting",
				"Say where the person or the referrer could turn instead", problems);
		if (!problems.isEmpty()) {
			throw new ReferralRefused(problems);
		}
		Referral after = r.declined(reason, signpost, clock.instant());
		save(after);
		grants.revoke(Actor.system("referral"), r.personId(), r.holder(), r.grantSource());
		finish(actor, after, ReferralStep.DECLINE, reason.name(), Set.of(r.referrer()));
	}

	/**
	 * Passes the referral to another team; the clock carries on from the first sending,
	 * and what was sent goes to the new team only if the policy lets it.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void redirect(Actor actor, ReferralId id, long version, @Nullable TeamId toTeam, @Nullable String note) {
		Referral r = load(id, version);
		requireHolder(actor, r);
		List<ReferralRefused.Problem> problems = new ArrayList<>();
		Team to = checkedReceiver(toTeam, null, problems, "toTeam");
		if (to != null && (to.id().equals(r.holder()) || to.id().equals(r.fromTeam()))) {
			problems.add(new ReferralRefused.Problem("toTeam",
					"Choose another team: not the one holding it or the one that sent it"));
		}
		String reason = Inputs.required(note, "note", "Say why you are passing it on", problems);
		if (!problems.isEmpty()) {
			throw new ReferralRefused(problems);
		}
		Set<DataCategory> categories = Set.copyOf(repository.categories(id));
		List<SendableItem> items = repository.items(id);
		String disclosure = disclosed(actor, r.personId(), withItems(categories, items), team(r.fromTeam()), to,
				r.basis());
		Referral after = r.redirected(to.id(), to.organisationId());
		save(after);
		grants.revoke(Actor.system("referral"), r.personId(), r.holder(), r.grantSource());
		grants.grantChosen(Actor.system("referral"), r.personId(), to.id(), categories, granted(items),
				clock.instant().plus(pendingAccess), r.grantSource());
		Set<PractitionerId> tell = new LinkedHashSet<>(teamAndManagers(to.id()));
		tell.add(r.referrer());
		finish(actor, after, ReferralStep.REDIRECT, reason + " (" + disclosure + ")", tell);
	}

	@Transactional
	public void withdraw(Actor actor, ReferralId id, long version, @Nullable String note) {
		Referral r = load(id, version);
		requireSender(actor, r);
		List<ReferralRefused.Problem> problems = new ArrayList<>();
		String reason = Inputs.required(note, "note", "Say why you are withdrawing the referral", problems);
		if (!problems.isEmpty()) {
			throw new ReferralRefused(problems);
		}
		Referral after = r.withdrawn(clock.instant());
		save(after);
		if (r.status() != ReferralStatus.DRAFT) {
			grants.revoke(Actor.system("referral"), r.personId(), r.holder(), r.grantSource());
		}
		finish(actor, after, ReferralStep.WITHDRAW, reason, teamAndManagers(r.holder()));
	}

	@Transactional
	public void complete(Actor actor, ReferralId id, long version, @Nullable String outcome) {
		Referral r = load(id, version);
		requireHolder(actor, r);
		List<ReferralRefused.Problem> problems = new ArrayList<>();
		String result = Inputs.required(outcome, "outcome", "Record the outcome of the referral", problems);
		if (!problems.isEmpty()) {
			throw new ReferralRefused(problems);
		}
		Referral after = r.completed(result, clock.instant());
		save(after);
		finish(actor, after, ReferralStep.COMPLETE, result, Set.of(r.referrer()));
	}

	/**
	 * One referral for a party to it (the sending team, the holding team, the owner),
	 * audited as a read of the person's record and refused as the record would be.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public ReferralView view(Actor actor, ReferralId id) {
		Referral r = repository.find(id).orElseThrow(() -> new NotFoundException(RECORD, id));
		Set<TeamId> mine = teamIds(actor);
		boolean holds = mine.contains(r.holder());
		boolean sent = mine.contains(r.fromTeam());
		if (!holds && !sent && !(actor.practitionerId() != null && actor.practitionerId().equals(r.owner()))) {
			throw new NotFoundException(RECORD, id);
		}
		accessPolicy.require(actor, AccessRequest.toOpen(r.personId(), "read", RECORD));
		return ReferralViews.of(r, repository, directory, terminology, holds, sent);
	}

	/**
	 * Open referrals held by the actor's teams (incoming) or sent by them (outgoing), due
	 * soonest first. Every referral of one's own teams is listed; the person is named
	 * only where the actor may open the record, decided in the query.
	 */
	@Transactional(readOnly = true)
	public List<ReferralSummary> incoming(Actor actor, Set<ReferralStatus> statuses) {
		return repository.list("to_team_id", teamIds(actor), statuses, ALL,
				accessPolicy.visibleRecords(actor, "r.person_id"), 2000);
	}

	@Transactional(readOnly = true)
	public List<ReferralSummary> outgoing(Actor actor, Set<ReferralStatus> statuses) {
		return repository.list("from_team_id", teamIds(actor), statuses, ALL,
				accessPolicy.visibleRecords(actor, "r.person_id"), 2000);
	}

	public static Set<ReferralStatus> open() {
		return EnumSet.of(ReferralStatus.SENT, ReferralStatus.ACKNOWLEDGED, ReferralStatus.ACCEPTED);
	}

	/** The teams the actor may refer from and the teams they may refer to. */
	@Transactional(readOnly = true)
	public List<Team> teamsOf(Actor actor) {
		return actor.practitionerId() == null ? List.of() : directory.teamsOf(actor.practitionerId());
	}

	private String disclosed(Actor sender, PersonId person, Set<DataCategory> categories, Team from, Team to,
			SharingBasis basis) {
		List<ReferralRefused.Problem> problems = new ArrayList<>();
		List<String> reasons = new ArrayList<>();
		for (DataCategory category : categories) {
			AccessDecision decision = accessPolicy.disclosure(sender, person, category, from.organisationId(),
					to.organisationId());
			boolean safeguarding = basis == SharingBasis.SAFEGUARDING && !decision.permitted()
					&& !"agreement".equals(decision.policy());
			if (decision.permitted() || safeguarding) {
				reasons.add(category.name() + ": "
						+ (safeguarding ? "safeguarding, shared without consent" : decision.policy()));
			}
			else {
				problems.add(new ReferralRefused.Problem("categories", Categories.label(category)
						+ " cannot be sent to " + to.organisationName() + ": " + decision.reason()));
			}
		}
		if (!problems.isEmpty()) {
			throw new ReferralRefused(problems);
		}
		return basis.name() + "; " + String.join(", ", reasons);
	}

	private @Nullable Team checkedReceiver(@Nullable TeamId toTeam, @Nullable Practitioner referrer,
			List<ReferralRefused.Problem> problems, String field) {
		if (toTeam == null) {
			problems.add(new ReferralRefused.Problem(field, "Choose the team you are referring to"));
			return null;
		}
		Optional<Team> to = directory.teams().stream().filter(t -> t.id().equals(toTeam)).findFirst();
		if (to.isEmpty()) {
			problems.add(new ReferralRefused.Problem(field, "There is no such team: choose one from the list"));
			return null;
		}
		if (referrer != null && directory.teamsOf(referrer.id()).stream().anyMatch(t -> t.id().equals(toTeam))) {
			problems.add(new ReferralRefused.Problem(field, "You cannot refer to your own team"));
			return null;
		}
		return to.get();
	}

	private Referral load(ReferralId id, long version) {
		Referral r = repository.find(id).orElseThrow(() -> new NotFoundException(RECORD, id));
		if (r.version() != version) {
			throw new ConcurrentEditException(RECORD, id);
		}
		return r;
	}

	private void save(Referral r) {
		if (!repository.update(r)) {
			throw new ConcurrentEditException(RECORD, r.id());
		}
	}

	private void finish(Actor actor, Referral after, ReferralStep step, @Nullable String note,
			Set<PractitionerId> tell) {
		Instant now = clock.instant();
		repository.step(after, step, actor.username(), note, now);
		AuditEvent event = AuditEvent.permitted(actor, "referral-" + step.key(), RECORD, after.uuid(),
				after.personId());
		auditLog.record(note == null ? event : event.withReason(Inputs.clip(note, 500)));
		Set<PractitionerId> recipients = new LinkedHashSet<>(tell);
		if (actor.practitionerId() != null) {
			recipients.remove(actor.practitionerId());
		}
		events.publishEvent(new ReferralChanged(after.id(), after.personId(), step, after.holder(), recipients));
	}

	private void requireHolder(Actor actor, Referral r) {
		Set<TeamId> mine = teamIds(actor);
		if (!mine.contains(r.holder())) {
			if (mine.contains(r.fromTeam())) {
				throw new StepNotAllowed("Only the team that holds this referral can do that");
			}
			throw new NotFoundException(RECORD, r.id());
		}
	}

	private void requireSender(Actor actor, Referral r) {
		Set<TeamId> mine = teamIds(actor);
		if (!mine.contains(r.fromTeam())) {
			if (mine.contains(r.holder())) {
				throw new StepNotAllowed("Only the team that sent this referral can do that");
			}
			throw new NotFoundException(RECORD, r.id());
		}
	}

	private Set<TeamId> teamIds(Actor actor) {
		return teamsOf(actor).stream().map(Team::id).collect(Collectors.toSet());
	}

	private Set<PractitionerId> teamAndManagers(TeamId team) {
		Set<PractitionerId> all = new LinkedHashSet<>();
		directory.teamMembers(team).forEach(p -> all.add(p.id()));
		directory.managers(team).forEach(p -> all.add(p.id()));
		return all;
	}

	private Team team(TeamId id) {
		return directory.teams()
			.stream()
			.filter(t -> t.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Team", id));
	}

	private @Nullable Team ownTeam(Practitioner referrer, TeamId id) {
		return directory.teamsOf(referrer.id()).stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
	}

	private Practitioner practitioner(Actor actor) {
		if (actor.practitionerId() == null) {
			throw new StepNotAllowed("Only practitioners refer");
		}
		return directory.practitioner(actor.practitionerId());
	}

}
