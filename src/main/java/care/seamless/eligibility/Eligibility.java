package care.seamless.eligibility;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import care.seamless.assessment.AssessmentSummaries;
import care.seamless.assessment.EpisodeId;
import care.seamless.assessment.OutcomeFinding;
import care.seamless.consent.AccessDenied;
import care.seamless.terminology.CareActOutcome;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.AccessRequest;
import care.seamless.consent.WithheldReason;
import care.seamless.person.People;
import care.seamless.person.PersonDetails;
import care.seamless.person.PersonRecord;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.team.Directory;
import care.seamless.team.Practitioner;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and shows eligibility determinations. Only practitioners the access policy lets
 * into the person's record may record one; a new Care Act determination supersedes the
 * current one of its kind and the old one stays in the history.
 */
@Service
public class Eligibility {

	static final DataCategory CATEGORY = DataCategory.GENERAL;

	static final String RECORD = "EligibilityDetermination";

	private final EligibilityRepository repository;

	private final AccessPolicy accessPolicy;

	private final Directory directory;

	private final People people;

	private final Clock clock;

	private final AssessmentSummaries summaries;

	Eligibility(EligibilityRepository repository, AccessPolicy accessPolicy, Directory directory, People people,
			Clock clock, AssessmentSummaries summaries) {
		this.summaries = summaries;
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.directory = directory;
		this.people = people;
		this.clock = clock;
	}

	/**
	 * Decides from the facts and saves the determination, or throws
	 * {@link EligibilityRuleViolation} and saves nothing.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID record(Actor actor, PersonId person, NewDetermination command) {
		UUID id = UUID.randomUUID();
		access(actor, person, "create", id, null);
		PractitionerId practitionerId = actor.practitionerId();
		EligibilityResult result = EligibilityRules.decide(command.facts());
		List<Problem> problems = check(command);
		if (!problems.isEmpty()) {
			throw new EligibilityRuleViolation(problems);
		}
		Practitioner practitioner = directory.practitioner(Objects.requireNonNull(practitionerId));
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		supersedeCurrent(person, command, id, now);
		Determination determination = new Determination(id, person, command.assessmentEpisodeId(), command.facts(),
				result.eligible(), command.rationale().trim(), blankToNull(command.personView()), practitioner.id(),
				practitioner.displayName(), practitioner.profession(), practitioner.organisationId(),
				practitioner.organisationName(), now, null, null, 0);
		try {
			repository.insert(determination, CATEGORY.name(), actor.username());
		}
		catch (DuplicateKeyException ex) {
			// Someone recorded a determination of this kind between our read and insert.
			throw new ConcurrentEditException(RECORD, person);
		}
		recordPreTicks(actor, person, id, command);
		return id;
	}

	/**
	 * Keeps, with the decision, what the assessment pre-ticked and whether the
	 * practitioner kept each: worked out again from the assessment, not taken from the
	 * form, so it says what the findings were.
	 */
	private void recordPreTicks(Actor actor, PersonId person, UUID id, NewDetermination command) {
		if (command.assessmentEpisodeId() == null || command.facts().kind() != DeterminationKind.ADULT) {
			return;
		}
		Set<String> ticked = command.facts()
			.unable()
			.stream()
			.map(Unable::outcome)
			.collect(java.util.stream.Collectors.toSet());
		findings(actor, person, new EpisodeId(command.assessmentEpisodeId())).forEach((outcome, found) -> repository
			.insertPreTicked(id, person, outcome, String.join("\n", found), ticked.contains(outcome)));
	}

	/**
	 * The outcomes an assessment's findings bear on, each with the findings it came from
	 * in words (section, question, answer, who, organisation, date), in the order of the
	 * ten outcomes.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public Map<String, List<String>> findings(Actor actor, PersonId person, EpisodeId episode) {
		Map<CareActOutcome, List<String>> byOutcome = new java.util.EnumMap<>(CareActOutcome.class);
		for (OutcomeFinding finding : summaries.outcomeFindings(actor, person, episode)) {
			byOutcome.computeIfAbsent(finding.outcome(), (o) -> new ArrayList<>())
				.add(finding.describe(Eligibility::day));
		}
		Map<String, List<String>> result = new LinkedHashMap<>();
		byOutcome.forEach((outcome, found) -> result.put(outcome.code(), List.copyOf(found)));
		return result;
	}

	/** What the assessment pre-ticked for this decision and whether it was kept. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<PreTicked> preTicked(Actor actor, PersonId person, UUID id) {
		Determination determination = repository.find(person, id).orElseThrow(() -> new NotFoundException(RECORD, id));
		access(actor, person, "read", id, determination.organisationId());
		return repository.preTicked(id);
	}

	private static String day(Instant at) {
		return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)
			.format(at.atZone(java.time.ZoneId.of("Europe/London")));
	}

	/** Everything wrong with a determination before it may be saved; empty when none. */
	public static List<Problem> check(NewDetermination command) {
		List<Problem> problems = new ArrayList<>(EligibilityRules.decide(command.facts()).problems());
		if (command.rationale().isBlank()) {
			problems.add(new Problem("rationale", "Explain the decision in your own words"));
		}
		return problems;
	}

	private void supersedeCurrent(PersonId person, NewDetermination command, UUID by, Instant now) {
		if (command.facts().kind().historic()) {
			return;
		}
		Optional<EligibilityRepository.Current> current = repository.current(person, command.facts().kind());
		UUID currentId = current.map(EligibilityRepository.Current::id).orElse(null);
		if (!Objects.equals(currentId, command.supersedes())) {
			throw new ConcurrentEditException(RECORD, person);
		}
		if (currentId != null && repository.supersede(currentId, command.supersedesVersion(), by, now) == 0) {
			throw new ConcurrentEditException(RECORD, currentId);
		}
	}

	/**
	 * The determinations the actor may see, current ones first, with notes for the rest.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public EligibilityOverview overview(Actor actor, PersonId person) {
		PersonDetails details = people.summary(actor, person).details();
		access(actor, person, "read", null, null);
		List<Determination> history = repository.forPerson(person,
				accessPolicy.visibleItems(actor, "d.person_id", "d.category", "d.organisation_id"));
		List<EligibilityOverview.Withheld> withheld = repository
			.withheld(person, accessPolicy.withheldReason(actor, "d.person_id", "d.category", "d.organisation_id"))
			.stream()
			.map(w -> new EligibilityOverview.Withheld(WithheldReason.valueOf(w.reason()).note(), w.organisationName()))
			.toList();
		return new EligibilityOverview(person, details.givenName() + " " + details.familyName(),
				current(history, DeterminationKind.ADULT), current(history, DeterminationKind.CARER), history,
				withheld);
	}

	@Transactional(noRollbackFor = AccessDenied.class)
	public Determination determination(Actor actor, PersonId person, UUID id) {
		Determination determination = repository.find(person, id).orElseThrow(() -> new NotFoundException(RECORD, id));
		access(actor, person, "read", id, determination.organisationId());
		return determination;
	}

	/** The determination and whom to write to, for the person's letter. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public Letter letter(Actor actor, PersonId person, UUID id) {
		Determination determination = repository.find(person, id).orElseThrow(() -> new NotFoundException(RECORD, id));
		access(actor, person, "read-letter", id, determination.organisationId());
		PersonRecord record = people.summary(actor, person);
		PersonDetails details = record.details();
		String name = Stream.of(details.title(), details.givenName(), details.familyName())
			.filter(Objects::nonNull)
			.reduce((a, b) -> a + " " + b)
			.orElse("");
		List<String> address = record.restricted() || record.detailsWithheld() != null ? List.of()
				: Stream.of(details.addressLine1(), details.addressLine2(), details.town(), details.postcode())
					.filter(Objects::nonNull)
					.toList();
		// The letter greets the person by the name they asked to be called, if they gave
		// one.
		String greeting = (details.preferredName() != null && !details.preferredName().isBlank())
				? details.preferredName() : name;
		return new Letter(determination, name, greeting, address, directory.contact(determination.organisationId()));
	}

	/**
	 * One decision and one audit entry per request: the record must be open to the actor
	 * and, for one determination, that determination visible to them.
	 */
	private void access(Actor actor, PersonId person, String action, @Nullable UUID id,
			@Nullable OrganisationId source) {
		AccessRequest request = AccessRequest.toOpen(person, action, RECORD).about(id);
		if (action.equals("create")) {
			request = request.by(AccessRequest.Who.PRACTITIONER);
		}
		accessPolicy.require(actor, source == null ? request : request.item(CATEGORY, source));
	}

	private static @Nullable Determination current(List<Determination> history, DeterminationKind kind) {
		return history.stream().filter(d -> d.kind() == kind && d.current()).findFirst().orElse(null);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
