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
import java.util.UUID;
import java.util.stream.Collectors;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.careplan.ActionQueues;
import care.seamless.careplan.QueueItem;
import care.seamless.careplan.QueueKey;
import care.seamless.funding.DirectPayments;
import care.seamless.notification.Notice;
import care.seamless.notification.Notifications;
import care.seamless.partnership.Partnerships;
import care.seamless.partnership.WorkingTogether;
import care.seamless.referral.ReferralSummary;
import care.seamless.referral.Referrals;
import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import care.seamless.team.Directory;
import care.seamless.team.Team;
import care.seamless.training.Training;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * One worklist per practitioner and their teams: referrals held by their teams, breached
 * referrals they sent, plan actions from the care-plan queues, and unread notices, due
 * soonest first. Each source decides what the reader may see in its own SQL; this page
 * only merges and filters. The items part is also served alone for htmx to refresh in
 * place.
 */
@PageController
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

	/**
	 * One line of the worklist; {@code due} null sorts last. {@code key} tells apart
	 * items of one kind due at the same time (an action's id, say), so that every item
	 * has its own place in the list's order.
	 */
	record WorkItem(String kind, @Nullable String personName, String detail, String link, @Nullable Instant due,
			boolean breached, String key) {

		Place place() {
			return new Place(due, kind, key);
		}
	}

	/**
	 * A place in the worklist's order (due, then kind, then key): a page lists what comes
	 * after the place the "next page" link names, so a page's contents depend only on
	 * that place, never on how many items came before it (ADR 0058).
	 */
	record Place(@Nullable Instant due, String kind, String key) implements Comparable<Place> {

		private static final Comparator<Place> ORDER = Comparator
			.comparing(Place::due, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
			.thenComparing(Place::kind)
			.thenComparing(Place::key);

		@Override
		public int compareTo(Place other) {
			return ORDER.compare(this, other);
		}

		String text() {
			return (due == null ? "-" : due.toString()) + '~' + kind + '~' + key;
		}

		/** The place a "next page" link names, or null for the first page. */
		static @Nullable Place parse(@Nullable String text) {
			if (text == null || text.isBlank()) {
				return null;
			}
			String[] parts = text.split("~", 3);
			try {
				if (parts.length != 3 || !KINDS.contains(parts[1]) || parts[2].isEmpty()) {
					throw new IllegalArgumentException(text);
				}
				Instant due = parts[0].equals("-") ? null : Instant.parse(parts[0]);
				if (parts[1].startsWith("action.")) {
					UUID.fromString(parts[2]);
				}
				return new Place(due, parts[1], parts[2]);
			}
			catch (IllegalArgumentException | java.time.format.DateTimeParseException ex) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
						"This link to a page of the worklist is not valid. Open the worklist from its first page.");
			}
		}
	}

	private static final List<String> KINDS = List.of("referral.incoming", "referral.outgoing", "action.offered",
			"action.overdue", "action.escalated", "partnership.review", "partnership.action", "training.due",
			"funding.review", "notice");

	/** The action queues in the worklist, with the kind of item each gives. */
	private static final Map<String, ActionQueues.Queue> ACTION_QUEUES = new java.util.LinkedHashMap<>(
			Map.of("action.offered", ActionQueues.Queue.OFFERED, "action.overdue", ActionQueues.Queue.OVERDUE,
					"action.escalated", ActionQueues.Queue.ESCALATED));

	@GetMapping("/worklist")
	String page(Actor actor, @RequestParam(defaultValue = "all") String show,
			@RequestParam(required = false) @Nullable String after, Model model) {
		audit(actor, read(actor, show, Place.parse(after), model), "opened");
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
			@RequestParam(required = false) @Nullable String after,
			@RequestParam(required = false) @Nullable String seen, Model model, HttpServletResponse response) {
		Shown shown = read(actor, show, Place.parse(after), model);
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
		return fingerprint(account, filter, total, items, "");
	}

	static String fingerprint(String account, String filter, int total, List<WorkItem> items, String more) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((account + '\u0000' + filter + '\u0000' + total + '\u0000' + more)
				.getBytes(StandardCharsets.UTF_8));
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

	private Shown read(Actor actor, String show, @Nullable Place after, Model model) {
		Shown shown = reads.execute(status -> fill(actor, show, after, model));
		return java.util.Objects.requireNonNull(shown);
	}

	private Shown fill(Actor actor, String show, @Nullable Place after, Model model) {
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
		boolean withActions = filter.equals("all") || filter.equals("actions") || filter.equals("breaches");
		// Only what is overdue, asked of the queues themselves so a page of them is
		// whole.
		java.time.LocalDate dueBefore = filter.equals("breaches") ? java.time.LocalDate.now(LONDON)
				: QueueKey.END.dueOn();
		// The action queues can be thousands long: each gives one page more than is
		// shown, after the place asked for, and the page ends no later than the last item
		// read of any queue that had more, so nothing beyond what was read can belong in
		// it.
		Place readTo = null;
		if (withActions) {
			for (Map.Entry<String, ActionQueues.Queue> queue : ACTION_QUEUES.entrySet()) {
				List<QueueItem> page = actions.page(actor, queue.getValue(), actionsAfter(after, queue.getKey()),
						dueBefore, SHOWN + 1);
				page.forEach(a -> items.add(action(queue.getKey(), a)));
				if (page.size() > SHOWN) {
					Place last = action(queue.getKey(), page.get(page.size() - 1)).place();
					readTo = readTo == null || last.compareTo(readTo) < 0 ? last : readTo;
				}
			}
		}
		if (filter.equals("all") || filter.equals("actions") || filter.equals("breaches")) {
			// Partnership work is no person's: reviews of the register and actions from
			// the assessment tool, each with one owner.
			java.time.LocalDate today = java.time.LocalDate.now(LONDON);
			partnerships.reviewsDue(actor)
				.forEach(r -> items.add(new WorkItem("partnership.review", null, r.name(), "/partnerships/" + r.id(),
						endOfDay(r.reviewDate()), r.reviewDate().isBefore(today), r.id().toString())));
			workingTogether.openActionsOwnedBy(actor)
				.forEach(a -> items
					.add(new WorkItem("partnership.action", null, a.partnershipName() + ": " + a.description(),
							"/partnerships/rounds/" + a.roundId() + "#actions", endOfDay(a.dueDate()),
							a.dueDate().isBefore(today), a.id().toString())));
			// Training that runs out soon, the reader's own and their teams' staff.
			training.dueFor(actor)
				.forEach(t -> items.add(
						new WorkItem("training.due", null, (t.name().isEmpty() ? "" : t.name() + ": ") + t.courseName(),
								"/training", endOfDay(t.expiresOn()), !t.expiresOn().isAfter(today),
								t.practitionerId().id() + ":" + t.topic())));
		}
		if (filter.equals("all") || filter.equals("actions") || filter.equals("breaches")) {
			// Direct payment reviews (first within six months, then yearly) for the
			// budgets of the reader's teams.
			java.time.LocalDate today = java.time.LocalDate.now(LONDON);
			directPayments.reviewsDue(actor, 14)
				.forEach(r -> items.add(new WorkItem("funding.review", r.personName(), "",
						"/people/" + r.personId().id() + "/budget#direct-payment", endOfDay(r.due()),
						r.due().isBefore(today), r.id().toString())));
		}
		if (filter.equals("all") || filter.equals("notices")) {
			notifications.inbox(actor)
				.stream()
				.filter(Notice::unread)
				.forEach(n -> items.add(new WorkItem("notice", n.personName(), "notice." + n.kind(), "/notifications",
						null, false, n.id().toString())));
		}
		Place end = readTo;
		List<WorkItem> shown = items.stream()
			.filter(i -> !filter.equals("breaches") || i.breached())
			.filter(i -> after == null || i.place().compareTo(after) > 0)
			.filter(i -> end == null || i.place().compareTo(end) <= 0)
			.sorted(Comparator.comparing(WorkItem::place))
			.toList();
		List<WorkItem> listed = shown.size() > SHOWN ? shown.subList(0, SHOWN) : shown;
		Place next = shown.size() > SHOWN || end != null
				? (listed.isEmpty() ? end : listed.get(listed.size() - 1).place()) : null;
		boolean withheld = withActions && withheld(actor, after, next, listed, dueBefore);
		String more = (next == null ? "" : next.text()) + (withheld ? "~withheld" : "");
		String fingerprint = fingerprint(actor.username(), filter + (after == null ? "" : after.text()), listed.size(),
				listed, more);
		model.addAttribute("show", filter);
		model.addAttribute("total", listed.size());
		model.addAttribute("items", listed);
		model.addAttribute("after", after == null ? "" : after.text());
		model.addAttribute("next", next == null ? null : next.text());
		model.addAttribute("withheld", withheld);
		model.addAttribute("fingerprint", fingerprint);
		return new Shown(fingerprint, listed.size(), new java.util.TreeMap<>(
				listed.stream().collect(Collectors.groupingBy(WorkItem::kind, Collectors.counting()))));
	}

	/**
	 * Whether plan actions of the organisation's queues in the stretch this page covers
	 * are not shown: a yes or no from a count of the queue's index over that stretch
	 * against what the page shows of it, so it costs no access rule and tells neither how
	 * many nor why (the care plan queue page says why).
	 */
	private boolean withheld(Actor actor, @Nullable Place after, @Nullable Place next, List<WorkItem> listed,
			java.time.LocalDate dueBefore) {
		for (Map.Entry<String, ActionQueues.Queue> queue : ACTION_QUEUES.entrySet()) {
			long shown = listed.stream().filter(i -> i.kind().equals(queue.getKey())).count();
			if (queue.getValue() != ActionQueues.Queue.ESCALATED
					&& actions.withholds(actor, queue.getValue(), actionsAfter(after, queue.getKey()),
							next == null ? QueueKey.END : actionsAfter(next, queue.getKey()), dueBefore, shown)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The key in a queue's own order (due date, id) after which come exactly the queue's
	 * items that come after {@code place} in the worklist's order. An action is due at
	 * 17:00 London time on its day, so only a place at that very time needs the kind and
	 * key to decide.
	 */
	static QueueKey actionsAfter(@Nullable Place place, String kind) {
		if (place == null) {
			return QueueKey.START;
		}
		if (place.due() == null) {
			return QueueKey.END;
		}
		java.time.LocalDate day = place.due().atZone(LONDON).toLocalDate();
		int byTime = endOfDay(day).compareTo(place.due());
		int byKind = kind.compareTo(place.kind());
		if (byTime > 0 || byTime == 0 && byKind > 0) {
			return QueueKey.startOf(day);
		}
		if (byTime < 0 || byKind < 0) {
			return QueueKey.endOf(day);
		}
		return new QueueKey(day, UUID.fromString(place.key()));
	}

	private static Instant endOfDay(java.time.LocalDate day) {
		return day.atTime(LocalTime.of(17, 0)).atZone(LONDON).toInstant();
	}

	private static WorkItem referral(String kind, ReferralSummary r, @Nullable String team) {
		return new WorkItem(kind, r.personName(), team == null ? "" : team, "/referrals/" + r.id(), r.dueAt(),
				r.breached(), r.id().toString());
	}

	private static WorkItem action(String kind, QueueItem a) {
		String link = a.openable() && a.personId() != null
				? "/people/" + a.personId() + "/care-plan#action-" + a.actionId() : "/care-plans/queue";
		return new WorkItem(kind, a.personName(), a.description() == null ? "" : a.description(), link,
				endOfDay(a.dueOn()), a.overdue(), a.actionId().toString());
	}

}
