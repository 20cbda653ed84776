package care.seamless.assessment;

import care.seamless.assessment.AssessmentRepository.EpisodeRow;
import care.seamless.assessment.AssessmentRepository.SectionRow;
import care.seamless.assessment.AssessmentRuleViolation.Rule;
import care.seamless.assessment.instrument.Instrument;
import care.seamless.assessment.instrument.Instruments;
import care.seamless.assessment.instrument.Section;
import care.seamless.assessment.instrument.Stage;
import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.ItemKind;
import care.seamless.consent.SqlCondition;
import care.seamless.person.CaredFor;
import care.seamless.person.Carers;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import care.seamless.team.Directory;
import care.seamless.team.Practitioner;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The single shared assessment: episodes that move from contact to comprehensive,
 * sections contributed by practitioners of any partner organisation, and sign-off. Every
 * read and change passes the access policy and is audited.
 */
@Service
public class Assessments {

	static final String EPISODE = "AssessmentEpisode";

	static final String SECTION = "AssessmentSection";

	static final int MAX_REASON = 2000;

	private final AssessmentRepository repository;

	private final AnswerRepository answerRepository;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final Directory directory;

	private final Instruments instruments;

	private final Provenance provenance;

	private final SectionSaving saving;

	private final Clock clock;

	private final Carers carers;

	private final RecordFacts recordFacts;

	Assessments(AssessmentRepository repository, AnswerRepository answerRepository, AccessPolicy accessPolicy,
			AuditLog auditLog, Directory directory, Instruments instruments, Provenance provenance,
			SectionSaving saving, Clock clock, Carers carers, RecordFacts recordFacts) {
		this.recordFacts = recordFacts;
		this.carers = carers;
		this.repository = repository;
		this.answerRepository = answerRepository;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.directory = directory;
		this.instruments = instruments;
		this.provenance = provenance;
		this.saving = saving;
		this.clock = clock;
	}

	/**
	 * Starts an assessment at the stage the person's needs call for: a contact
	 * assessment, straight to an overview, or a carer's assessment.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public EpisodeId open(Actor actor, PersonId person, Stage stage) {
		return open(actor, person, stage, null);
	}

	/**
	 * Starts an assessment; a carer's assessment is on the carer's own record and names
	 * one of the people the record says they care for. It is never filled in from that
	 * person's answers: what is already known comes only from the carer's own record.
	 * @param caresFor for a carer's assessment, the record of the person cared for
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public EpisodeId open(Actor actor, PersonId person, Stage stage, @Nullable PersonId caresFor) {
		accessPolicy.check(actor, person, DataCategory.GENERAL, "create", EPISODE);
		Practitioner practitioner = practitioner(actor);
		if (stage != Stage.CONTACT && stage != Stage.OVERVIEW && stage != Stage.CARER) {
			throw new AssessmentRuleViolation(Rule.STAGE_ORDER,
					"An assessment starts with a contact, overview or carer's assessment");
		}
		String caresForName = null;
		if (stage == Stage.CARER) {
			CaredFor cared = carers.caredForBy(actor, person)
				.stream()
				.filter((c) -> c.person().equals(caresFor))
				.findFirst()
				.orElseThrow(() -> new AssessmentRuleViolation(Rule.CARES_FOR,
						"Choose the person they care for (link them on the carer's record first)"));
			caresForName = cared.name();
		}
		else if (caresFor != null) {
			throw new AssessmentRuleViolation(Rule.CARES_FOR, "Only a carer's assessment names whom they care for");
		}
		EpisodeId id = EpisodeId.random();
		repository.insertEpisode(new EpisodeRow(id.id(), person, stage.code(), "open", practitioner.id().id(),
				practitioner.displayName(), practitioner.organisationId().id(), clock.instant(), null, null, null, 0, 0,
				0, (caresFor != null) ? caresFor.id() : null, caresForName));
		addSections(id, person, mainInstrument(stage));
		auditLog.record(AuditEvent.permitted(actor, "create", EPISODE, id.id(), person));
		return id;
	}

	@Transactional(noRollbackFor = AccessDenied.class)
	public List<Episode> episodes(Actor actor, PersonId person) {
		accessPolicy.check(actor, person, DataCategory.GENERAL, "read", EPISODE);
		Provenance.Names names = provenance.names();
		return repository.episodes(person, answersVisible(actor)).stream().map(names::episode).toList();
	}

	/**
	 * The episode with every section's state; sections withheld from the viewer say so.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public EpisodeView episode(Actor actor, PersonId person, EpisodeId id) {
		EpisodeRow row = episodeRow(actor, person, id);
		accessPolicy.check(actor, person, DataCategory.GENERAL, "read", EPISODE);
		Provenance.Names names = provenance.names();
		Episode episode = names.episode(row);
		List<SectionState> sections = repository.sections(id.id(), answersVisible(actor))
			.stream()
			.map((section) -> names.section(section.row(), section.withheld()))
			.toList();
		Set<String> present = Set.copyOf(sections.stream().map((s) -> s.instrument().id()).toList());
		List<Instrument> specialists = instruments.all()
			.stream()
			.filter((instrument) -> instrument.stage() == Stage.SPECIALIST)
			.filter((instrument) -> !present.contains(instrument.id()))
			.filter((instrument) -> instruments.latest(instrument.id()).orElseThrow().equals(instrument))
			.toList();
		return new EpisodeView(episode, sections, specialists, missing(id));
	}

	/** A section to complete, with what is already known from elsewhere. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public SectionForm section(Actor actor, PersonId person, EpisodeId id, String instrumentId, String sectionId) {
		EpisodeRow episode = episodeRow(actor, person, id);
		SectionRow row = sectionRow(id, instrumentId, sectionId);
		accessPolicy.check(actor, person, DataCategory.valueOf(row.category()), "read", SECTION);
		return saving.form(actor, episode, row);
	}

	/**
	 * Saves a section's answers. Answers equal to what was already known are recorded as
	 * reused, keeping where they first came from.
	 * @param raw the submitted value for each question id
	 * @throws AnswersRejected if any answer is not acceptable; nothing is saved
	 * @throws SectionChanged if someone saved the section since {@code version}
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void saveSection(Actor actor, PersonId person, EpisodeId id, String instrumentId, String sectionId,
			long version, @Nullable AnswerSource source, Map<String, String> raw) {
		EpisodeRow episode = episodeRow(actor, person, id);
		SectionRow row = sectionRow(id, instrumentId, sectionId);
		accessPolicy.check(actor, person, DataCategory.valueOf(row.category()), "update", SECTION);
		saving.save(actor, practitioner(actor), episode, row, version, source, raw);
		auditLog.record(AuditEvent.permitted(actor, "update", SECTION, row.id(), person));
	}

	/** Signs a section off; only its author may, and it no longer changes. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void signSection(Actor actor, PersonId person, EpisodeId id, String instrumentId, String sectionId,
			long version) {
		EpisodeRow episode = episodeRow(actor, person, id);
		SectionRow row = sectionRow(id, instrumentId, sectionId);
		accessPolicy.check(actor, person, DataCategory.valueOf(row.category()), "sign", SECTION);
		if (!"in-progress".equals(row.status()) && row.version() == version) {
			throw new AssessmentRuleViolation(Rule.SIGNED, "signed".equals(row.status())
					? "This section is already signed" : "Complete the section before signing it");
		}
		if (row.authorId() != null && !row.authorId().equals(practitioner(actor).id().id())) {
			throw new AssessmentRuleViolation(Rule.NOT_THE_AUTHOR,
					"Only " + row.authorName() + ", who completed this section, can sign it");
		}
		if (!repository.signSection(row.id(), version, clock.instant())) {
			throw new SectionChanged(saving.form(actor, episode, sectionRow(id, instrumentId, sectionId)));
		}
		auditLog.record(AuditEvent.permitted(actor, "sign", SECTION, row.id(), person));
	}

	/**
	 * Moves the assessment on when needs call for more: contact to overview, overview to
	 * a specialist assessment, or several specialist assessments to a comprehensive one.
	 * @param specialist the specialist instrument to add, when moving to specialist
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void advance(Actor actor, PersonId person, EpisodeId id, long version, Stage to,
			@Nullable String specialist) {
		EpisodeRow row = episodeRow(actor, person, id);
		accessPolicy.check(actor, person, DataCategory.GENERAL, "update", EPISODE);
		practitioner(actor);
		open(row);
		Stage from = Stage.fromCode(row.stage()).orElseThrow();
		StageChange.check(from, to, specialist, repository.sections(id.id()));
		if (!repository.updateEpisode(id.id(), version, to.code(), null)) {
			throw new ConcurrentEditException(EPISODE, id);
		}
		if (to == Stage.OVERVIEW) {
			addSections(id, person, mainInstrument(Stage.OVERVIEW));
		}
		if (specialist != null && to == Stage.SPECIALIST) {
			addSections(id, person, specialist(specialist));
		}
		auditLog.record(AuditEvent.permitted(actor, "advance-to-" + to.code(), EPISODE, id.id(), person));
	}

	/**
	 * Adds another specialist assessment to an episode already at specialist stage or
	 * beyond.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void addSpecialist(Actor actor, PersonId person, EpisodeId id, String instrumentId) {
		EpisodeRow row = episodeRow(actor, person, id);
		accessPolicy.check(actor, person, DataCategory.GENERAL, "update", EPISODE);
		practitioner(actor);
		open(row);
		Stage stage = Stage.fromCode(row.stage()).orElseThrow();
		if (stage != Stage.SPECIALIST && stage != Stage.COMPREHENSIVE) {
			throw new AssessmentRuleViolation(Rule.STAGE_ORDER,
					"Specialist assessments are added once the overview shows they are needed");
		}
		Instrument instrument = specialist(instrumentId);
		if (repository.sections(id.id()).stream().anyMatch((s) -> s.instrumentId().equals(instrument.id()))) {
			return;
		}
		addSections(id, person, instrument);
		auditLog.record(AuditEvent.permitted(actor, "add-" + instrument.id(), EPISODE, id.id(), person));
	}

	/**
	 * Marks an overview domain not relevant to this person, with the reason; safety and
	 * mental health never are (they are at least screened).
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void markNotRelevant(Actor actor, PersonId person, EpisodeId id, String instrumentId, String sectionId,
			long version, String reason) {
		EpisodeRow episode = episodeRow(actor, person, id);
		SectionRow row = sectionRow(id, instrumentId, sectionId);
		accessPolicy.check(actor, person, DataCategory.valueOf(row.category()), "mark-not-relevant", SECTION);
		Practitioner practitioner = practitioner(actor);
		open(episode);
		Section section = provenance.section(row);
		if (!CompletionRules.mayBeNotRelevant(row, section)) {
			throw new AssessmentRuleViolation(Rule.MUST_BE_SCREENED, section.title()
					+ " cannot be marked not relevant: safety and mental health are always at least screened");
		}
		String why = (reason == null) ? "" : reason.strip();
		if (why.isEmpty() || why.length() > MAX_REASON || why.indexOf('\0') >= 0) {
			throw new AnswersRejected(Map.of("reason", why.isEmpty() ? "Say why this domain is not relevant"
					: "Write the reason in plain text, up to " + MAX_REASON + " characters"));
		}
		if (!"not-started".equals(row.status()) && row.version() == version) {
			throw new AssessmentRuleViolation(Rule.SIGNED, "This section already has answers; complete and sign it");
		}
		if (!repository.markNotRelevant(row.id(), version, why, practitioner.displayName(), clock.instant())) {
			throw new SectionChanged(saving.form(actor, episode, sectionRow(id, instrumentId, sectionId)));
		}
		auditLog.record(AuditEvent.permitted(actor, "mark-not-relevant", SECTION, row.id(), person));
	}

	/**
	 * Completes the assessment once nothing is missing (see {@link CompletionRules}) and
	 * the practitioner has confirmed it.
	 * @param confirmed the practitioner confirmed they checked what the assessment holds
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void complete(Actor actor, PersonId person, EpisodeId id, long version, boolean confirmed) {
		EpisodeRow row = episodeRow(actor, person, id);
		accessPolicy.check(actor, person, DataCategory.GENERAL, "complete", EPISODE);
		practitioner(actor);
		open(row);
		List<MissingForCompletion> missing = missing(id);
		if (!missing.isEmpty()) {
			throw new AssessmentRuleViolation(Rule.UNSIGNED_SECTIONS, "The assessment cannot be completed yet. "
					+ missing.stream().map(MissingForCompletion::sentence).collect(Collectors.joining(". ")) + ".");
		}
		if (!confirmed) {
			throw new AssessmentRuleViolation(Rule.NOT_CONFIRMED,
					"Confirm that you have checked the assessment before completing it");
		}
		if (!repository.updateEpisode(id.id(), version, row.stage(), clock.instant())) {
			throw new ConcurrentEditException(EPISODE, id);
		}
		auditLog.record(AuditEvent.permitted(actor, "complete", EPISODE, id.id(), person));
		recordFacts.offer(actor, person, id);
	}

	/** Records that the plain-English summary was given to the person. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void markSummaryShared(Actor actor, PersonId person, EpisodeId id, long version) {
		EpisodeRow row = episodeRow(actor, person, id);
		accessPolicy.check(actor, person, DataCategory.GENERAL, "share-summary", EPISODE);
		if (!"completed".equals(row.status())) {
			throw new AssessmentRuleViolation(Rule.UNSIGNED_SECTIONS,
					"Complete the assessment before sharing its summary");
		}
		if (!repository.markSummaryShared(id.id(), version, clock.instant(), actor.username())) {
			throw new ConcurrentEditException(EPISODE, id);
		}
		auditLog.record(AuditEvent.permitted(actor, "share-summary", EPISODE, id.id(), person));
	}

	private List<MissingForCompletion> missing(EpisodeId id) {
		return CompletionRules.missing(repository.sections(id.id()), provenance::section);
	}

	EpisodeRow episodeRow(Actor actor, PersonId person, EpisodeId id) {
		return repository.findEpisode(id.id(), answersVisible(actor))
			.filter((row) -> row.personId().equals(person))
			.orElseThrow(() -> new NotFoundException(EPISODE, id));
	}

	/**
	 * {@link #episodeRow} with the record decision about the person taken in the same
	 * statement, for the caller to audit with {@code AccessPolicy.auditRecordRead}: not
	 * found (and nothing audited) as {@link #episodeRow}.
	 */
	AssessmentRepository.Opened openEpisode(Actor actor, PersonId person, EpisodeId id) {
		return repository.openEpisode(id.id(), answersVisible(actor), accessPolicy.recordDecision(actor, "e.person_id"))
			.filter((opened) -> opened.row().personId().equals(person))
			.orElseThrow(() -> new NotFoundException(EPISODE, id));
	}

	/**
	 * {@link #openEpisode} without the counts of answers reused and asked (0 in the row),
	 * for a caller that reads those answers anyway and counts them itself.
	 */
	AssessmentRepository.Opened openEpisodeUncounted(Actor actor, PersonId person, EpisodeId id) {
		return repository.openEpisodeUncounted(id.id(), accessPolicy.recordDecision(actor, "e.person_id"))
			.filter((opened) -> opened.row().personId().equals(person))
			.orElseThrow(() -> new NotFoundException(EPISODE, id));
	}

	private SqlCondition answersVisible(Actor actor) {
		return accessPolicy.visibleItems(actor, "a.person_id", "a.category", "a.organisation_id",
				ItemKind.ASSESSMENT_SECTION, "a.section_row_id");
	}

	private SectionRow sectionRow(EpisodeId id, String instrumentId, String sectionId) {
		return repository.findSection(id.id(), instrumentId, sectionId)
			.orElseThrow(() -> new NotFoundException(SECTION, instrumentId + "/" + sectionId));
	}

	private static void open(EpisodeRow row) {
		if ("completed".equals(row.status())) {
			throw new AssessmentRuleViolation(Rule.SIGNED, "This assessment is completed and no longer changes");
		}
	}

	private Practitioner practitioner(Actor actor) {
		if (actor.practitionerId() == null) {
			throw new AssessmentRuleViolation(Rule.PRACTITIONERS_ONLY,
					"Only practitioners of a partner organisation contribute to assessments");
		}
		return directory.practitioner(actor.practitionerId());
	}

	private Instrument mainInstrument(Stage stage) {
		String id = switch (stage) {
			case CONTACT -> "sap-contact";
			case OVERVIEW -> "sap-overview";
			case CARER -> "carers-assessment";
			default -> throw new IllegalArgumentException("No main instrument for " + stage);
		};
		return instruments.latest(id).orElseThrow(() -> new IllegalStateException("Instrument " + id + " missing"));
	}

	private Instrument specialist(String instrumentId) {
		return instruments.latest(instrumentId)
			.filter((instrument) -> instrument.stage() == Stage.SPECIALIST)
			.orElseThrow(
					() -> new AssessmentRuleViolation(Rule.STAGE_ORDER, "Choose one of the specialist assessments"));
	}

	private void addSections(EpisodeId id, PersonId person, Instrument instrument) {
		int position = repository.sections(id.id()).size();
		for (Section section : instrument.sections()) {
			repository.insertSection(new SectionRow(UUID.randomUUID(), id.id(), person, instrument.id(),
					instrument.version(), section.id(), section.category().name(), position++, "not-started", null,
					null, null, null, null, null, 0, null, null, null));
		}
	}

}
