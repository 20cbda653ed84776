package care.seamless.linkage;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.LinkedIdentities;
import care.seamless.person.KnownElsewhere;
import care.seamless.person.People;
import care.seamless.person.PersonDetails;
import care.seamless.person.RegistrationMatching;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Identity matching in the product: scores one incoming person against the candidates an
 * indexed query finds, queues possible matches for review, and links or unlinks records.
 * Linking moves and deletes nothing: each record keeps its rows and provenance, and the
 * access policy treats the linked records as one person.
 */
@Service
public class Matching implements RegistrationMatching {

	static final String MODEL_RESOURCE = "linkage/default-model.properties";

	private static final String CANDIDATE = "MatchCandidate";

	private static final Set<care.seamless.shared.Role> DECIDERS = EnumSet.of(care.seamless.shared.Role.TEAM_MANAGER,
			care.seamless.shared.Role.CALDICOTT_GUARDIAN, care.seamless.shared.Role.ADMINISTRATOR);

	private final MatchRepository repository;

	private final LinkedIdentities linkedIdentities;

	private final AuditLog auditLog;

	private final Clock clock;

	private final Matcher matcher;

	private final People people;

	Matching(MatchRepository repository, LinkedIdentities linkedIdentities, AuditLog auditLog, Clock clock,
			People people) {
		this.repository = repository;
		this.people = people;
		this.linkedIdentities = linkedIdentities;
		this.auditLog = auditLog;
		this.clock = clock;
		this.matcher = new Matcher(defaultModel());
	}

	static Model defaultModel() {
		try (Reader reader = new InputStreamReader(new ClassPathResource(MODEL_RESOURCE).getInputStream(),
				StandardCharsets.UTF_8)) {
			return ModelFile.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static boolean mayDecide(Actor actor) {
		return actor.roles().stream().anyMatch(DECIDERS::contains);
	}

	/**
	 * Existing people at or above the review threshold for these details, best first.
	 * Only who checked is audited: the details may be someone not yet registered.
	 */
	@Transactional
	public List<PossibleMatch> check(Actor actor, PersonDetails details) {
		List<PossibleMatch> matches = score(record("incoming", details), null);
		auditLog.record(AuditEvent.permitted(actor, "match-check", CANDIDATE, null, null));
		return matches;
	}

	@Override
	@Transactional
	public List<KnownElsewhere> possibleMatches(Actor actor, PersonDetails details) {
		List<KnownElsewhere> known = new ArrayList<>();
		for (PossibleMatch match : score(record("incoming", details), null)) {
			Demographics person = match.person();
			if (person.nhsNumber() != null && person.nhsNumber().equals(details.nhsNumber())) {
				// Not a possible match but a duplicate NHS number, which registration
				// refuses with its own message.
				continue;
			}
			known.add(new KnownElsewhere(person.id(), person.name(), person.dateOfBirth(), person.organisation(),
					match.score().probability()));
			// Showing even minimal demographics is a disclosure, so it is audited against
			// that person.
			auditLog.record(AuditEvent.permitted(actor, "match-hint", CANDIDATE, null, person.id()));
		}
		return known;
	}

	@Override
	@Transactional
	public void registered(Actor actor, PersonId person) {
		match(actor, person, false);
	}

	/**
	 * Matches a registered or imported person against everyone else. Possible matches are
	 * queued for review; when {@code autoLink}, as imports do, a match on the NHS number
	 * alone is linked at once. A match on names, dates and addresses, however strong, is
	 * queued too: a wrong link would open one person's record to another's care team.
	 * Returns the candidates found.
	 */
	@Transactional
	public List<PossibleMatch> match(Actor actor, PersonId person, boolean autoLink) {
		MatchRepository.Person incoming = repository.person(person)
			.orElseThrow(() -> new NotFoundException("Person", person));
		List<PossibleMatch> matches = score(incoming.record(), person);
		proposeAll(actor, person, matches, autoLink, new java.util.HashSet<>());
		return matches;
	}

	/**
	 * {@link #match} for an import that found its candidates for everyone at once
	 * ({@link MatchRepository#candidatesOfAll}): the same scoring, proposals, audit and
	 * links. Records merged by this import's earlier links are left out, as the candidate
	 * query would have left them out had it run after those links; the records this call
	 * merges are added to {@code mergedHere}.
	 */
	List<PossibleMatch> matchAmong(Actor actor, PersonId person, Record incoming,
			List<MatchRepository.Person> candidates, boolean autoLink, java.util.Set<PersonId> mergedHere) {
		List<MatchRepository.Person> left = candidates.stream()
			.filter(candidate -> !mergedHere.contains(candidate.demographics().id()))
			.toList();
		List<PossibleMatch> matches = scoreAmong(incoming, left);
		proposeAll(actor, person, matches, autoLink, mergedHere);
		return matches;
	}

	private void proposeAll(Actor actor, PersonId person, List<PossibleMatch> matches, boolean autoLink,
			java.util.Set<PersonId> merged) {
		for (PossibleMatch match : matches) {
			PersonId other = match.person().id();
			boolean proposed = repository.propose(person, other, match.score(), actor.username(), clock.instant());
			if (proposed) {
				auditLog.record(AuditEvent.permitted(actor, "match-propose", CANDIDATE, null, person));
			}
			if (proposed && autoLink && Matcher.IDENTIFIER_RULE.equals(match.score().rule())
					&& linkable(person, other).isPresent()) {
				MatchRepository.CandidateRow row = repository.pair(person, other).orElseThrow();
				repository.decide(row.id(), row.version(), MatchStatus.LINKED, actor.username(), clock.instant());
				link(actor, row, merged);
			}
		}
	}

	/**
	 * Links an imported record to the record already registered with the same NHS number,
	 * the one match that needs no review. The pair is recorded as a decided candidate,
	 * scored as usual (the identifier rule fires), so the link shows in the queue's
	 * history and is undone like any other. The importer joins no care team.
	 */
	@Transactional
	public PossibleMatch linkOnNhsNumber(Actor actor, PersonId imported, String nhsNumber, PersonId existing) {
		return linkOnNhsNumber(actor, imported, nhsNumber, existing, new java.util.HashSet<>());
	}

	/**
	 * {@link #linkOnNhsNumber}, adding the record it merges, if any, to {@code merged}.
	 */
	PossibleMatch linkOnNhsNumber(Actor actor, PersonId imported, String nhsNumber, PersonId existing,
			java.util.Set<PersonId> merged) {
		MatchRepository.Person known = repository.person(existing)
			.orElseThrow(() -> new NotFoundException("Person", existing));
		Record stored = repository.person(imported)
			.orElseThrow(() -> new NotFoundException("Person", imported))
			.record();
		// The imported record does not hold the number itself (the existing record does),
		// so it is scored with the number the file gave.
		Map<Role, String> values = new EnumMap<>(Role.class);
		values.putAll(stored.values());
		values.put(Role.NHS_NUMBER, nhsNumber);
		ScoredPair score = matcher.score(new Record(stored.id(), values), known.record());
		if (!Matcher.IDENTIFIER_RULE.equals(score.rule())) {
			throw new IllegalStateException("Not the same NHS number");
		}
		if (repository.propose(imported, existing, score, actor.username(), clock.instant())) {
			auditLog.record(AuditEvent.permitted(actor, "match-propose", CANDIDATE, null, imported));
		}
		MatchRepository.CandidateRow row = repository.pair(imported, existing).orElseThrow();
		if (row.status() == MatchStatus.PENDING && linkable(imported, existing).isPresent()) {
			repository.decide(row.id(), row.version(), MatchStatus.LINKED, actor.username(), clock.instant());
			link(actor, row, merged);
		}
		return new PossibleMatch(known.demographics(), score);
	}

	/**
	 * For a bulk import, which finds its candidate pairs for a whole file at once: the
	 * same model scores each pair, and a possible match is queued for review, audited, as
	 * {@link #match} queues it. Returns the score when the pair was queued.
	 */
	java.util.Optional<ScoredPair> proposeIfPossible(Actor actor, PersonId person, Record incoming, Record other) {
		ScoredPair score = matcher.score(incoming, other);
		if (score.decision() == Decision.NON_MATCH) {
			return java.util.Optional.empty();
		}
		PersonId otherId = new PersonId(java.util.UUID.fromString(other.id()));
		if (!repository.propose(person, otherId, score, actor.username(), clock.instant())) {
			return java.util.Optional.empty();
		}
		auditLog.record(AuditEvent.permitted(actor, "match-propose", CANDIDATE, null, person));
		return java.util.Optional.of(score);
	}

	/**
	 * Whether {@link #proposeIfPossible} could queue this pair: the model's decision
	 * alone, with nothing written, so a bulk import can set the non-matches aside on
	 * every core first (ADR 74).
	 */
	/** The dates of the record's birth year its candidates by year are fetched for. */
	List<LocalDate> birthDatesWorthFetching(Record incoming) {
		return matcher.birthDatesWorthFetching(incoming);
	}

	boolean possibleMatch(Record incoming, Record other) {
		return matcher.decision(incoming, other) != Decision.NON_MATCH;
	}

	private List<PossibleMatch> score(Record incoming, @Nullable PersonId self) {
		return withOrganisations(
				scoreAmong(incoming, repository.candidates(incoming, self, matcher.birthDatesWorthFetching(incoming))));
	}

	// Candidates are found without their organisation (most are never shown); the
	// possible matches, the only ones shown, are given theirs in one statement.
	private List<PossibleMatch> withOrganisations(List<PossibleMatch> matches) {
		if (matches.isEmpty()) {
			return matches;
		}
		Map<PersonId, String> organisations = repository
			.organisations(matches.stream().map(match -> match.person().id()).toList());
		return matches.stream().map(match -> {
			Demographics d = match.person();
			return new PossibleMatch(new Demographics(d.id(), d.givenName(), d.familyName(), d.dateOfBirth(), d.sex(),
					d.nhsNumber(), d.postcode(), d.address(), d.town(), organisations.get(d.id())), match.score());
		}).toList();
	}

	private List<PossibleMatch> scoreAmong(Record incoming, List<MatchRepository.Person> candidates) {
		Map<String, Demographics> byId = new java.util.HashMap<>();
		List<Record> records = new ArrayList<>(candidates.size());
		for (MatchRepository.Person candidate : candidates) {
			byId.put(candidate.record().id(), candidate.demographics());
			records.add(candidate.record());
		}
		return matcher.possibleMatches(incoming, records)
			.stream()
			.map(pair -> new PossibleMatch(byId.get(pair.rightId()), pair))
			.toList();
	}

	static Record record(String id, PersonDetails details) {
		Map<Role, String> values = new EnumMap<>(Role.class);
		MatchRepository.put(values, Role.NHS_NUMBER, details.nhsNumber());
		MatchRepository.put(values, Role.GIVEN_NAME, details.givenName());
		MatchRepository.put(values, Role.FAMILY_NAME, details.familyName());
		MatchRepository.put(values, Role.DATE_OF_BIRTH, details.dateOfBirth().toString());
		MatchRepository.put(values, Role.SEX, details.sex().name());
		MatchRepository.put(values, Role.ADDRESS_1, details.addressLine1());
		MatchRepository.put(values, Role.ADDRESS_2, details.addressLine2());
		MatchRepository.put(values, Role.LOCALITY, details.town());
		MatchRepository.put(values, Role.POSTCODE, details.postcode());
		MatchRepository.put(values, Role.PHONE, details.phone());
		MatchRepository.put(values, Role.EMAIL, details.email());
		return new Record(id, values);
	}

	/** The review queue: open candidates, strongest first. */
	@Transactional(noRollbackFor = NotAuthorisedToDecide.class)
	public List<MatchCandidate> queue(Actor actor) {
		requireDecider(actor, "read-match-queue", null);
		auditLog.record(AuditEvent.permitted(actor, "read-match-queue", CANDIDATE, null, null));
		return repository.open(50).stream().map(row -> view(row, List.of())).toList();
	}

	/**
	 * One candidate side by side with every field's weight; audited against both people.
	 */
	@Transactional(noRollbackFor = NotAuthorisedToDecide.class)
	public MatchCandidate candidate(Actor actor, UUID id) {
		MatchRepository.CandidateRow row = repository.find(id).orElseThrow(() -> new NotFoundException(CANDIDATE, id));
		requireDecider(actor, "read", row);
		auditLog.record(AuditEvent.permitted(actor, "read", CANDIDATE, id, row.left()));
		auditLog.record(AuditEvent.permitted(actor, "read", CANDIDATE, id, row.right()));
		return view(row, repository.contributions(id));
	}

	/**
	 * Records a reviewer's decision. LINKED links the two records (the one registered
	 * first survives); NOT_SAME is remembered so the pair is never proposed again.
	 */
	@Transactional(noRollbackFor = { NotAuthorisedToDecide.class, AccessDenied.class })
	public void decide(Actor actor, UUID id, long version, MatchStatus decision) {
		MatchRepository.CandidateRow row = repository.find(id).orElseThrow(() -> new NotFoundException(CANDIDATE, id));
		requireDecider(actor, "decide-" + decision.name().toLowerCase(java.util.Locale.ROOT), row);
		if (decision == MatchStatus.PENDING) {
			throw new IllegalArgumentException("A decision cannot be PENDING");
		}
		if (decision == MatchStatus.LINKED) {
			// First, so that a refused link leaves the candidate undecided.
			link(actor, row);
		}
		if (!repository.decide(id, version, decision, actor.username(), clock.instant())) {
			throw new ConcurrentEditException(CANDIDATE, id);
		}
		String action = "decide-" + decision.name().toLowerCase(java.util.Locale.ROOT);
		auditLog.record(AuditEvent.permitted(actor, action, CANDIDATE, id, row.left()));
		auditLog.record(AuditEvent.permitted(actor, action, CANDIDATE, id, row.right()));
	}

	private void link(Actor actor, MatchRepository.CandidateRow row) {
		link(actor, row, new java.util.HashSet<>());
	}

	private void link(Actor actor, MatchRepository.CandidateRow row, java.util.Set<PersonId> mergedHere) {
		if (repository.clusterOf(row.left()).equals(repository.clusterOf(row.right()))) {
			// Already one person through other links: the decision is recorded, nothing
			// more to link.
			return;
		}
		List<PersonId> pair = linkable(row.left(), row.right()).orElseThrow(AlreadyLinked::new);
		PersonId survivor = pair.get(0);
		PersonId merged = pair.get(1);
		// The access rule for linking decides (and audits) first, so a refusal leaves
		// nothing written.
		linkedIdentities.join(actor, survivor, people.holderOf(survivor).orElse(null), merged,
				people.holderOf(merged).orElse(null));
		repository.link(row.id(), survivor, merged, actor.username(), clock.instant());
		mergedHere.add(merged);
	}

	/**
	 * Survivor and merged record for linking {@code a} with {@code b}, or empty when both
	 * already lead clusters of their own. Links form stars: every record of a person is
	 * linked straight to one survivor, so undoing one link touches no other. A record
	 * joining a linked person joins its survivor, whichever of its records it matched;
	 * two unlinked records keep the older as survivor.
	 */
	private Optional<List<PersonId>> linkable(PersonId a, PersonId b) {
		PersonId rootA = repository.clusterOf(a);
		PersonId rootB = repository.clusterOf(b);
		if (rootA.equals(rootB)) {
			return Optional.empty();
		}
		boolean clusterA = repository.isLinked(rootA, true);
		boolean clusterB = repository.isLinked(rootB, true);
		if (clusterA && clusterB) {
			return Optional.empty();
		}
		if (clusterA || clusterB) {
			return Optional.of(clusterA ? List.of(rootA, rootB) : List.of(rootB, rootA));
		}
		return Optional.of(repository.olderFirst(rootA, rootB));
	}

	/**
	 * Undoes the link that put {@code merged} into another record: both records are as
	 * they were before, and the pair goes back to the queue.
	 */
	@Transactional(noRollbackFor = { NotAuthorisedToDecide.class, AccessDenied.class })
	public void unlink(Actor actor, PersonId merged) {
		requireDecider(actor, "unlink", null);
		MatchRepository.ActiveLink link = repository.activeLink(merged)
			.orElseThrow(() -> new NotFoundException("PersonLink", merged));
		linkedIdentities.separate(actor, link.survivor(), merged);
		repository.undo(link.id(), actor.username(), clock.instant());
		if (link.candidate() != null) {
			repository.reopen(link.candidate());
		}
	}

	private void requireDecider(Actor actor, String action, MatchRepository.@Nullable CandidateRow row) {
		if (!mayDecide(actor)) {
			NotAuthorisedToDecide refusal = new NotAuthorisedToDecide();
			auditLog.record(AuditEvent.denied(actor, action, CANDIDATE, row == null ? null : row.id(),
					row == null ? null : row.left(), refusal.getMessage()));
			throw refusal;
		}
	}

	private MatchCandidate view(MatchRepository.CandidateRow row, List<Contribution> contributions) {
		return new MatchCandidate(row.id(), demographics(row.left()), demographics(row.right()), row.weight(),
				row.probability(), row.rule(), contributions, row.status(), row.decidedBy(), row.decidedAt(),
				row.version());
	}

	private Demographics demographics(PersonId id) {
		return repository.person(id).orElseThrow(() -> new NotFoundException("Person", id)).demographics();
	}

}
