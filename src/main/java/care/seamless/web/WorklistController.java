package care.seamless.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.careplan.ActionQueues;
import care.seamless.careplan.QueueItem;
import care.seamless.careplan.WorkQueues;
import care.seamless.funding.DirectPayments;
import care.seamless.notification.Notice;
import care.seamless.notification.Notifications;
import care.seamless.partnership.Partnerships;
import care.seamless.partnership.WorkingTogether;
import care.seamless.referral.ReferralSummary;
import care.seamless.referral.Referrals;
import care.seamless.shared.Actor;
import care.seamless.team.Directory;
import care.seamless.team.Team;
import care.seamless.training.Training;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One worklist per practitioner and their teams: referrals held by their teams, breached
 * referrals they sent, plan actions from the care-plan queues, and unread notices, due
 * soonest first. Each source decides what the reader may see in its own SQL; this page
 * only merges and filters. The items part is also served alone for htmx to refresh in
 * place.
 */
@Controller
class WorklistController {

	static final int SHOWN = 200;

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final Referrals referrals;

	private final ActionQueues actions;

	private final Notifications notifications;

	private final Directory directory;

	private final Partnerships partnerships;

	private final WorkingTogether workingTogether;

	private final Training training;

	private final DirectPayments directPayments;

	private final AuditLog auditLog;

	private final TransactionTemplate transactions;

	private final TransactionTemplate reads;

	WorklistController(Referrals referrals, ActionQueues actions, Notifications notifications, Directory directory,
			Partnerships partnerships, WorkingTogether workingTogether, Training training,
			DirectPayments directPayments, AuditLog auditLog, PlatformTransactionManager transactionManager) {
		this.training = training;
		this.directPayments = directPayments;
		this.auditLog = auditLog;
		this.transactions = new TransactionTemplate(transactionManager);
		// Every section's read in one read-only transaction: one snapshot for the whole
		// list, and one commit instead of one per section.
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
		this.referrals = referrals;
		this.actions = actions;
		this.notifications = notifications;
		this.directory = directory;
		this.partnerships = partnerships;
		this.workingTogether = workingTogether;
	}

	/** One line of the worklist; {@code due} null sorts last. */
	record WorkItem(String kind, @Nullable String personName, String detail, String link, @Nullable Instant due,
			boolean breached) {
	}

	@GetMapping("/worklist")
	String page(Actor actor, @RequestParam(defaultValue = "all") String show, Model model) {
		audit(actor, read(actor, show, model), "opened");
		return "worklist";
	}

	/**
	 * The list part, for htmx. The page sends the fingerprint of what it shows
	 * ({@code seen}); when nothing changed the answer is 204 with no body (htmx leaves
	 * the page as it is) and no audit entry, because nothing was disclosed. Anything
	 * shown is audited (ADR 0029).
	 */
	@GetMapping("/worklist/items")
	@Nullable String items(Actor actor, @RequestParam(defaultValue = "all") String show,
			@RequestParam(required = false) @Nullable String seen, Model model, HttpServletResponse response) {
		Shown shown = read(actor, show, model);
		if (shown.fingerprint().equals(seen)) {
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return null;
		}
		audit(actor, shown, seen == null ? "refreshed" : "changed");
		return "worklist :: items";
	}

	/** What one answer shows: how many of each kind, and a fingerprint of all of it. */
	record Shown(String fingerprint, int total, Map<String, Long> kinds) {
	}

	private void audit(Actor actor, Shown shown, String why) {
		// The audit log writes only inside a transaction; the page's reads each have
		// their own.
		transactions.executeWithoutResult(
				status -> auditLog.record(AuditEvent.permitted(actor, "read-worklist", "Worklist", null, null)
					.withReason(why + "; " + shown.total() + " items " + shown.kinds())));
	}

	/**
	 * A digest of everything the list shows (the viewer's account too), so equal
	 * fingerprints mean the viewer already holds exactly this; it reveals nothing itself.
	 */
	static String fingerprint(String account, String filter, int total, List<WorkItem> items) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((account + '\u0000' + filter + '\u0000' + total).getBytes(StandardCharsets.UTF_8));
			for (WorkItem i : items) {
				digest.update(('\u0001' + i.kind() + '\u0000' + i.personName() + '\u0000' + i.detail() + '\u0000'
						+ i.link() + '\u0000' + i.due() + '\u0000' + i.breached())
					.getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(digest.digest(), 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private Shown read(Actor actor, String show, Model model) {
		Shown shown = reads.execute(status -> fill(actor, show, model));
		return java.util.Objects.requireNonNull(shown);
	}

	private Shown fill(Actor actor, String show, Model model) {
		String filter = List.of("all", "referrals", "actions", "notices", "breaches").contains(show) ? show : "all";
		List<WorkItem> items = new ArrayList<>();
		if (filter.equals("all") || filter.equals("referrals") || filter.equals("breaches")) {
			Map<care.seamless.shared.TeamId, String> teams = directory.teams()
				.stream()
				.collect(Collectors.toMap(Team::id, t -> t.name() + ", " + t.organisationName()));
			referrals.incoming(actor, Referrals.open())
				.forEach(r -> items.add(referral("referral.incoming", r, teams.get(r.fromTeam()))));
			referrals.outgoing(actor, Referrals.open())
				.stream()
				.filter(ReferralSummary::breached)
				.forEach(r -> items.add(referral("referral.outgoing", r, teams.get(r.holder()))));
		}
		if (filter.equals("all") || filter.equals("actions") || filter.equals("breaches")) {
			WorkQueues queues = actions.queuesAuditedByCaller(actor);
			queues.offeredIn().forEach(a -> items.add(action("action.offered", a)));
			queues.overdue().forEach(a -> items.add(action("action.overdue", a)));
			queues.escalated().forEach(a -> items.add(action("action.escalated", a)));
		}
		if (filter.equals("all") || filter.equals("actions") || filter.equals("breaches")) {
			// Partnership work is no person's: reviews of the register and actions from
			// the
			// assessment tool, each with one owner.
			java.time.LocalDate today = java.time.LocalDate.now(LONDON);
			partnerships.reviewsDue(actor)
				.forEach(r -> items.add(new WorkItem("partnership.review", null, r.name(), "/partnerships/" + r.id(),
						endOfDay(r.reviewDate()), r.reviewDate().isBefore(today))));
			workingTogether.openActionsOwnedBy(actor)
				.forEach(a -> items
					.add(new WorkItem("partnership.action", null, a.partnershipName() + ": " + a.description(),
							"/partnerships/rounds/" + a.roundId() + "#actions", endOfDay(a.dueDate()),
							a.dueDate().isBefore(today))));
			// Training that runs out soon, the reader's own and their teams' staff.
			training.dueFor(actor)
				.forEach(t -> items.add(
						new WorkItem("training.due", null, (t.name().isEmpty() ? "" : t.name() + ": ") + t.courseName(),
								"/training", endOfDay(t.expiresOn()), !t.expiresOn().isAfter(today))));
		}
		if (filter.equals("all") || filter.equals("actions") || filter.equals("breaches")) {
			// Direct payment reviews (first within six months, then yearly) for the
			// budgets of the reader's teams.
			java.time.LocalDate today = java.time.LocalDate.now(LONDON);
			directPayments.reviewsDue(actor, 14)
				.forEach(r -> items.add(new WorkItem("funding.review", r.personName(), "",
						"/people/" + r.personId().id() + "/budget#direct-payment", endOfDay(r.due()),
						r.due().isBefore(today))));
		}
		if (filter.equals("all") || filter.equals("notices")) {
			notifications.inbox(actor)
				.stream()
				.filter(Notice::unread)
				.forEach(n -> items
					.add(new WorkItem("notice", n.personName(), "notice." + n.kind(), "/notifications", null, false)));
		}
		List<WorkItem> shown = items.stream()
			.filter(i -> !filter.equals("breaches") || i.breached())
			.sorted(Comparator.comparing(WorkItem::due, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
		List<WorkItem> listed = shown.size() > SHOWN ? shown.subList(0, SHOWN) : shown;
		String fingerprint = fingerprint(actor.username(), filter, shown.size(), listed);
		model.addAttribute("show", filter);
		model.addAttribute("total", shown.size());
		model.addAttribute("items", listed);
		model.addAttribute("fingerprint", fingerprint);
		return new Shown(fingerprint, shown.size(), new java.util.TreeMap<>(
				listed.stream().collect(Collectors.groupingBy(WorkItem::kind, Collectors.counting()))));
	}

	private static Instant endOfDay(java.time.LocalDate day) {
		return day.atTime(LocalTime.of(17, 0)).atZone(LONDON).toInstant();
	}

	private static WorkItem referral(String kind, ReferralSummary r, @Nullable String team) {
		return new WorkItem(kind, r.personName(), team == null ? "" : team, "/referrals/" + r.id(), r.dueAt(),
				r.breached());
	}

	private static WorkItem action(String kind, QueueItem a) {
		String link = a.openable() && a.personId() != null
				? "/people/" + a.personId() + "/care-plan#action-" + a.actionId() : "/care-plans/queue";
		return new WorkItem(kind, a.personName(), a.description() == null ? "" : a.description(), link,
				a.dueOn().atTime(LocalTime.of(17, 0)).atZone(LONDON).toInstant(), a.overdue());
	}

}
