package care.seamless.partnership;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.AccountId;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.Role;
import care.seamless.shared.Violations;
import care.seamless.team.Account;
import care.seamless.team.Directory;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "How well do we work together?": rounds of the Partnership Assessment Tool, ratings by
 * members of each partner, results per principle and per partner with the principles
 * where partners disagree most shown first, and actions with one owner for low scores.
 * Ratings are opinions about the partnership, not personal data about people who use
 * services; a rater's own ratings are shown only to them, results only as means.
 */
@Service
public class WorkingTogether {

	static final int TITLE_MAX = 200;

	static final int ACTION_MAX = 2_000;

	private final WorkingTogetherRepository repository;

	private final Partnerships partnerships;

	private final Directory directory;

	private final AuditLog auditLog;

	private final Clock clock;

	WorkingTogether(WorkingTogetherRepository repository, Partnerships partnerships, Directory directory,
			AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.partnerships = partnerships;
		this.directory = directory;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** Keepers of the register and board members run rounds and agree actions. */
	public static boolean mayRun(Actor actor) {
		return Partnerships.mayKeep(actor) || actor.has(Role.BOARD_MEMBER);
	}

	@Transactional
	public UUID openRound(Actor actor, UUID partnershipId, String title) {
		requireRunner(actor);
		Partnership partnership = partnerships.find(partnershipId);
		Violations problems = new Violations();
		String cleaned = title.strip();
		if (cleaned.isEmpty()) {
			problems.add("title", "Enter a title for the round, for example the quarter");
		}
		else if (cleaned.length() > TITLE_MAX) {
			problems.add("title", "The title must be " + TITLE_MAX + " characters or fewer");
		}
		if (partnership.status() == PartnershipStatus.ENDED) {
			problems.add("title", "This partnership has ended");
		}
		problems.refuseIfAny(PartnershipRule::new);
		UUID id = UUID.randomUUID();
		repository.openRound(id, partnershipId, cleaned, actor.accountId());
		auditLog.record(AuditEvent.permitted(actor, "open-assessment-round", "Partnership", partnershipId, null));
		return id;
	}

	@Transactional
	public void closeRound(Actor actor, UUID roundId, long version) {
		requireRunner(actor);
		AssessmentRound round = round(roundId);
		if (repository.closeRound(roundId, version) == 0) {
			throw new ConcurrentEditException("Assessment round", roundId);
		}
		auditLog
			.record(AuditEvent.permitted(actor, "close-assessment-round", "Partnership", round.partnershipId(), null));
	}

	/**
	 * Records the actor's ratings, one per statement code, each 1 to 4; a blank leaves
	 * the statement unrated. Only staff of a partner organisation rate, for their
	 * organisation.
	 */
	@Transactional
	public void rate(Actor actor, UUID roundId, Map<String, String> answers) {
		AssessmentRound round = round(roundId);
		Partnership partnership = partnerships.find(round.partnershipId());
		if (!partnership.hasPartner(actor.organisationId())) {
			throw new AccessDeniedException("Only staff of a partner organisation rate this partnership");
		}
		Violations problems = new Violations();
		if (!round.open()) {
			problems.add("round", "This round has closed");
		}
		List<String> known = Principle.allStatements();
		Map<String, Integer> scores = new HashMap<>();
		for (Map.Entry<String, String> answer : answers.entrySet()) {
			String value = answer.getValue() == null ? "" : answer.getValue().strip();
			if (!known.contains(answer.getKey())) {
				problems.add("round", "Rate only the statements shown");
			}
			else if (!value.isEmpty()) {
				Optional<Integer> score = score(value);
				if (score.isPresent()) {
					scores.put(answer.getKey(), score.get());
				}
				else {
					problems.add(answer.getKey(), "Choose from strongly disagree to strongly agree");
				}
			}
		}
		if (scores.isEmpty() && problems.isEmpty()) {
			problems.add("round", "Rate at least one statement");
		}
		problems.refuseIfAny(PartnershipRule::new);
		repository.rate(roundId, actor.accountId(), actor.organisationId(), scores);
		auditLog.record(AuditEvent.permitted(actor, "rate-partnership", "Partnership", round.partnershipId(), null));
	}

	@Transactional(readOnly = true)
	public Map<String, Integer> myRatings(Actor actor, UUID roundId) {
		return repository.ratingsOf(roundId, actor.accountId());
	}

	/**
	 * The principles of one round, where partners disagree most first, then lowest first.
	 */
	@Transactional(readOnly = true)
	public List<PrincipleResult> results(Actor actor, UUID roundId) {
		AssessmentRound round = round(roundId);
		requireReader(actor, partnerships.find(round.partnershipId()));
		Map<Principle, BigDecimal> overall = repository.overall(roundId);
		Map<Principle, List<PrincipleResult.PartnerScore>> byPartner = new HashMap<>();
		for (WorkingTogetherRepository.PartnerRow row : repository.byPartner(roundId)) {
			byPartner.computeIfAbsent(row.principle(), (p) -> new ArrayList<>())
				.add(new PrincipleResult.PartnerScore(row.organisationName(), row.mean(), row.raters()));
		}
		List<PrincipleResult> results = new ArrayList<>();
		for (Map.Entry<Principle, BigDecimal> principle : overall.entrySet()) {
			List<PrincipleResult.PartnerScore> partners = byPartner.getOrDefault(principle.getKey(), List.of());
			results.add(new PrincipleResult(principle.getKey(), principle.getValue(), spread(partners), partners));
		}
		results.sort(Comparator.comparing(PrincipleResult::spread)
			.reversed()
			.thenComparing(PrincipleResult::mean)
			.thenComparing(PrincipleResult::principle));
		return results;
	}

	/**
	 * The results of every rated round of the partnership, oldest first, per principle
	 * and per partner, for charts over time; for the same readers as one round's results.
	 */
	@Transactional(readOnly = true)
	public ResultsOverTime overTime(Actor actor, UUID partnershipId) {
		requireReader(actor, partnerships.find(partnershipId));
		List<WorkingTogetherRepository.OverTimeRow> rows = repository.overTime(partnershipId);
		List<UUID> roundIds = new ArrayList<>();
		List<String> titles = new ArrayList<>();
		for (WorkingTogetherRepository.OverTimeRow row : rows) {
			if (!roundIds.contains(row.round())) {
				roundIds.add(row.round());
				titles.add(row.title());
			}
		}
		Map<Principle, List<@Nullable BigDecimal>> overall = new java.util.EnumMap<>(Principle.class);
		Map<String, Map<Principle, List<@Nullable BigDecimal>>> byPartner = new java.util.TreeMap<>();
		for (WorkingTogetherRepository.OverTimeRow row : rows) {
			Map<Principle, List<@Nullable BigDecimal>> target = row.organisationName() == null ? overall : byPartner
				.computeIfAbsent(row.organisationName(), (n) -> new java.util.EnumMap<>(Principle.class));
			target.computeIfAbsent(row.principle(), (p) -> blanks(roundIds.size()))
				.set(roundIds.indexOf(row.round()), row.mean());
		}
		return ResultsOverTime.of(titles, overall, byPartner);
	}

	private static List<@Nullable BigDecimal> blanks(int size) {
		List<@Nullable BigDecimal> means = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			means.add(null);
		}
		return means;
	}

	/** How far apart the partners' means are: the highest less the lowest. */
	static BigDecimal spread(List<PrincipleResult.PartnerScore> partners) {
		if (partners.size() < 2) {
			return BigDecimal.ZERO.setScale(2);
		}
		BigDecimal high = partners.stream()
			.map(PrincipleResult.PartnerScore::mean)
			.max(Comparator.naturalOrder())
			.get();
		BigDecimal low = partners.stream().map(PrincipleResult.PartnerScore::mean).min(Comparator.naturalOrder()).get();
		return high.subtract(low);
	}

	@Transactional(readOnly = true)
	public List<AssessmentRound> rounds(UUID partnershipId) {
		return repository.rounds(partnershipId);
	}

	@Transactional(readOnly = true)
	public AssessmentRound round(UUID roundId) {
		return repository.round(roundId).orElseThrow(() -> new NotFoundException("Assessment round", roundId));
	}

	@Transactional
	public UUID addAction(Actor actor, UUID roundId, String principleCode, String description, String ownerId,
			String dueDate) {
		requireRunner(actor);
		AssessmentRound round = round(roundId);
		Violations problems = new Violations();
		Principle principle = null;
		try {
			principle = Principle.valueOf(principleCode.strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add("principle", "Choose the principle the action is for");
		}
		String text = description.strip();
		if (text.isEmpty()) {
			problems.add("description", "Say what will be done");
		}
		else if (text.length() > ACTION_MAX) {
			problems.add("description", "The action must be " + ACTION_MAX + " characters or fewer");
		}
		Account owner = enabledStaff(ownerId).orElse(null);
		if (owner == null) {
			problems.add("owner", "Choose the one person who owns the action");
		}
		LocalDate due = null;
		try {
			due = LocalDate.parse(dueDate.strip());
			if (due.isBefore(LocalDate.now(clock))) {
				problems.add("dueDate", "The due date must be today or later");
			}
			else if (due.isAfter(LocalDate.now(clock).plusYears(3))) {
				problems.add("dueDate", "The due date must be within three years");
			}
		}
		catch (java.time.format.DateTimeParseException ex) {
			problems.add("dueDate", "Enter a real date, for example 2027-03-31");
		}
		problems.refuseIfAny(PartnershipRule::new);
		UUID id = UUID.randomUUID();
		repository.addAction(id, roundId, principle, text, owner.id(), due, actor.accountId());
		auditLog
			.record(AuditEvent.permitted(actor, "add-partnership-action", "Partnership", round.partnershipId(), null));
		return id;
	}

	@Transactional
	public void completeAction(Actor actor, UUID actionId, long version) {
		WorkingTogetherRepository.ActionRow action = repository.action(actionId)
			.orElseThrow(() -> new NotFoundException("Partnership action", actionId));
		if (!action.owner().equals(actor.accountId()) && !mayRun(actor)) {
			throw new AccessDeniedException("Only the action's owner or the board completes it");
		}
		if (repository.completeAction(actionId, version) == 0) {
			throw new ConcurrentEditException("Partnership action", actionId);
		}
		auditLog.record(AuditEvent.permitted(actor, "complete-partnership-action", "Partnership",
				action.partnershipId(), null));
	}

	@Transactional(readOnly = true)
	public List<AssessmentAction> actions(UUID roundId) {
		return named(repository.actions(roundId));
	}

	/** The actor's own open actions, for the worklist. */
	@Transactional(readOnly = true)
	public List<AssessmentAction> openActionsOwnedBy(Actor actor) {
		return named(repository.openActionsOwnedBy(actor.accountId()));
	}

	/** Accounts that may own an action: enabled staff accounts. */
	@Transactional(readOnly = true)
	public List<Account> possibleOwners() {
		return directory.accounts()
			.stream()
			.filter((a) -> a.enabled() && !a.roles().contains(Role.PERSON))
			.sorted(Comparator.comparing(WorkingTogether::name))
			.toList();
	}

	private List<AssessmentAction> named(List<WorkingTogetherRepository.ActionRow> rows) {
		// The worklist asks on every refresh, and most people own no partnership action:
		// the directory's accounts are read only when there is an owner to name.
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<AccountId, String> names = new HashMap<>();
		for (Account account : directory.accounts()) {
			names.put(account.id(), name(account));
		}
		return rows.stream()
			.map((r) -> new AssessmentAction(r.id(), r.roundId(), r.partnershipId(), r.partnershipName(), r.principle(),
					r.description(), r.owner(), names.getOrDefault(r.owner(), "?"), r.dueDate(), r.doneAt(),
					r.version()))
			.toList();
	}

	private Optional<Account> enabledStaff(String id) {
		return possibleOwners().stream().filter((a) -> a.id().id().toString().equals(id.strip())).findFirst();
	}

	static String name(Account account) {
		return account.displayName() != null ? account.displayName() : account.username();
	}

	private static Optional<Integer> score(String value) {
		return switch (value) {
			case "1", "2", "3", "4" -> Optional.of(Integer.parseInt(value));
			default -> Optional.empty();
		};
	}

	private static void requireRunner(Actor actor) {
		if (!mayRun(actor)) {
			throw new AccessDeniedException("Only commissioners, board members and administrators run assessments");
		}
	}

	/** Whether the actor may see a partnership's rounds and results over time. */
	public static boolean maySeeResults(Actor actor, Partnership partnership) {
		return mayRun(actor) || partnership.hasPartner(actor.organisationId());
	}

	private static void requireReader(Actor actor, Partnership partnership) {
		if (!maySeeResults(actor, partnership)) {
			throw new AccessDeniedException("Only the partnership's partners and its board see the results");
		}
	}

}
