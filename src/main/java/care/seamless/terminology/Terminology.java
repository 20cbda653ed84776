package care.seamless.terminology;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The common language: shows any coded answer in the viewer's words, finds concepts by
 * any of their words, and takes in partners' vocabularies. The starter vocabulary shipped
 * on the classpath is the base; concepts partners imported are stored in the database and
 * laid over it, so an import survives a restart and reaches every node (ADR 12).
 */
@Service
public class Terminology {

	static final String STARTER_VOCABULARY = "terminology/starter-vocabulary.csv";

	private static final Logger log = LoggerFactory.getLogger(Terminology.class);

	private final Vocabulary starter;

	private final ConceptRepository repository;

	private final AuditLog auditLog;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration refreshEvery;

	// Swapped whole, so readers always see one consistent vocabulary without locking.
	private volatile Loaded loaded;

	private record Loaded(Vocabulary vocabulary, long revision, Instant checkedAt) {
	}

	@Autowired
	Terminology(ConceptRepository repository, AuditLog auditLog, PlatformTransactionManager transactionManager,
			Clock clock, @Value("${seamless.terminology.refresh-every:PT5S}") Duration refreshEvery) {
		this(starterVocabulary(), repository, auditLog, new TransactionTemplate(transactionManager), clock,
				refreshEvery);
	}

	Terminology(Vocabulary starter, ConceptRepository repository, AuditLog auditLog, TransactionTemplate transactions,
			Clock clock, Duration refreshEvery) {
		this.starter = starter;
		this.repository = repository;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
		this.refreshEvery = refreshEvery;
		long revision = repository.revision();
		this.loaded = new Loaded(starter.with(repository.changedSince(0)), revision, clock.instant());
	}

	public Vocabulary vocabulary() {
		return current().vocabulary();
	}

	public Optional<Concept> find(String code) {
		return vocabulary().find(code);
	}

	public String display(String code, Audience audience) {
		return vocabulary().display(code, audience);
	}

	/**
	 * The concept's words for a viewer given by profession code, or {@code person} /
	 * {@code carer}.
	 */
	public String display(String code, String viewer) {
		return display(code, Audience.forViewer(viewer));
	}

	public List<Concept> search(String text) {
		return vocabulary().search(text);
	}

	/**
	 * Who imported the concept's current words, when, and from which file; empty for a
	 * starter concept nobody has reworded.
	 */
	public Optional<ImportedConcept> provenance(String code) {
		return this.repository.provenance(code);
	}

	/**
	 * Adds a partner's concepts, replacing any with the same code, and stores them with
	 * who imported them and from which file. All or nothing: one bad line refuses the
	 * file and nothing is stored. Only administrators may import.
	 * @throws AccessDeniedException for anyone else; the refusal is audited
	 */
	public ImportResult importCsv(Actor actor, String fileName, Reader reader) {
		requireAdministrator(actor);
		CsvResult read = VocabularyCsv.read(reader);
		if (read.hasErrors()) {
			return ImportResult.refused(read.errors());
		}
		ImportResult result = this.transactions.execute((status) -> store(actor, fileName, read.concepts()));
		refresh();
		return result;
	}

	private ImportResult store(Actor actor, String fileName, List<Concept> concepts) {
		long revision = this.repository.nextRevision();
		Set<String> stored = this.repository.storedCodes(concepts.stream().map(Concept::code).toList());
		int replaced = (int) concepts.stream()
			.filter((concept) -> stored.contains(concept.code()) || this.starter.contains(concept.code()))
			.count();
		ImportResult result = new ImportResult(concepts.size() - replaced, replaced, List.of());
		this.repository.save(concepts, revision, actor.username(), this.clock.instant(), fileName);
		// The reason names counts only: a file name is the partner's choice and could say
		// anything.
		this.auditLog.record(AuditEvent.permitted(actor, "import", "Vocabulary", revision, null)
			.withReason(result.added() + " added, " + result.replaced() + " replaced"));
		return result;
	}

	/**
	 * The whole current vocabulary, in the format {@link #importCsv} reads.
	 */
	public void exportCsv(Writer writer) throws IOException {
		VocabularyCsv.write(writer, vocabulary().concepts());
	}

	/**
	 * Catches up with imports made on any node now, rather than at the next periodic
	 * check.
	 */
	public void refresh() {
		this.loaded = reload(this.loaded);
	}

	private Loaded current() {
		Loaded current = this.loaded;
		if (Duration.between(current.checkedAt(), this.clock.instant()).compareTo(this.refreshEvery) < 0) {
			return current;
		}
		synchronized (this) {
			current = this.loaded;
			if (Duration.between(current.checkedAt(), this.clock.instant()).compareTo(this.refreshEvery) < 0) {
				return current;
			}
			this.loaded = reload(current);
			return this.loaded;
		}
	}

	private synchronized Loaded reload(Loaded current) {
		try {
			long revision = this.repository.revision();
			Vocabulary vocabulary = current.vocabulary();
			if (revision > current.revision()) {
				vocabulary = vocabulary.with(this.repository.changedSince(current.revision()));
			}
			else if (revision < current.revision()) {
				// Only an import that was rolled back after this node read it goes
				// backwards; start again from what is committed.
				vocabulary = this.starter.with(this.repository.changedSince(0));
			}
			return new Loaded(vocabulary, revision, this.clock.instant());
		}
		catch (DataAccessException ex) {
			// Words on a page matter more than the newest words: keep showing what is
			// loaded and try again at the next check.
			log.warn("Could not check the vocabulary revision; keeping revision {}", current.revision(), ex);
			return new Loaded(current.vocabulary(), current.revision(), this.clock.instant());
		}
	}

	private void requireAdministrator(Actor actor) {
		if (actor.has(Role.ADMINISTRATOR)) {
			return;
		}
		this.transactions.executeWithoutResult((status) -> this.auditLog
			.record(AuditEvent.denied(actor, "import", "Vocabulary", null, null, "not an administrator")));
		throw new AccessDeniedException("Only administrators import vocabularies");
	}

	/**
	 * The vocabulary shipped with Seamless, without anything imported: for tests and
	 * tools that run without a database.
	 */
	public static Vocabulary starterVocabulary() {
		Resource resource = new ClassPathResource(STARTER_VOCABULARY);
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			CsvResult read = VocabularyCsv.read(reader);
			if (read.hasErrors()) {
				throw new IllegalStateException(
						"The starter vocabulary " + STARTER_VOCABULARY + " has errors: " + read.errors());
			}
			return Vocabulary.of(read.concepts());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + STARTER_VOCABULARY, ex);
		}
	}

}
