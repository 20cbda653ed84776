package care.seamless.web;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import care.seamless.careplan.ActionQueues;
import care.seamless.careplan.QueueItem;
import care.seamless.careplan.WorkQueues;
import care.seamless.notification.Notice;
import care.seamless.notification.Notifications;
import care.seamless.partnership.Partnerships;
import care.seamless.partnership.WorkingTogether;
import care.seamless.referral.ReferralSummary;
import care.seamless.referral.Referrals;
import care.seamless.shared.Actor;
import care.seamless.team.Directory;
import care.seamless.team.Team;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
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

	WorklistController(Referrals referrals, ActionQueues actions, Notifications notifications, Directory directory,
			Partnerships partnerships, WorkingTogether workingTogether) {
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
		fill(actor, show, model);
		return "worklist";
	}

	@GetMapping("/worklist/items")
	String items(Actor actor, @RequestParam(defaultValue = "all") String show, Model model) {
		fill(actor, show, model);
		return "worklist :: items";
	}

	private void fill(Actor actor, String show, Model model) {
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
			WorkQueues queues = actions.queues(actor);
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
		model.addAttribute("show", filter);
		model.addAttribute("total", shown.size());
		model.addAttribute("items", shown.size() > SHOWN ? shown.subList(0, SHOWN) : shown);
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
