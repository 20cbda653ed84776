package care.seamless.assessment.instrument;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import care.seamless.assessment.instrument.InstrumentRepository.StoredDefinition;
import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.Role;
import care.seamless.terminology.Terminology;
import care.seamless.terminology.Vocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalogue of assessment instruments: those shipped in
 * {@code classpath:instruments/*.json}, then those imported since, which are stored in
 * the database so they survive a restart and reach every node (ADR 12). Instruments are
 * checked against the common language when they arrive, so a coded option always has
 * words to show.
 */
@Service
public class Instruments {

	static final String SHIPPED = "classpath*:instruments/*.json";

	private static final Logger log = LoggerFactory.getLogger(Instruments.class);

	private final Terminology terminology;

	private final InstrumentRepository repository;

	private final AuditLog auditLog;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration refreshEvery;

	private final Catalogue catalogue;

	// The last stored definition this node has loaded; guarded by this.
	private long loadedSeq;

	private volatile Instant checkedAt;

	Instruments(Terminology terminology, InstrumentRepository repository, AuditLog auditLog,
			PlatformTransactionManager transactionManager, Clock clock,
			@Value("${seamless.instruments.refresh-every:PT5S}") Duration refreshEvery) {
		this.terminology = terminology;
		this.repository = repository;
		this.auditLog = auditLog;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.refreshEvery = refreshEvery;
		this.catalogue = shipped(terminology.vocabulary());
		this.checkedAt = clock.instant();
		catchUp();
	}

	public Optional<Instrument> find(String id, int version) {
		return fresh().find(id, version);
	}

	public Optional<Instrument> latest(String id) {
		return fresh().latest(id);
	}

	/**
	 * Every version of every instrument, by id then version.
	 */
	public List<Instrument> all() {
		return fresh().all();
	}

	/**
	 * Who imported this version, when and from which file; empty for a shipped one.
	 */
	public Optional<ImportedInstrument> provenance(String id, int version) {
		return this.repository.find(id, version).map(StoredDefinition::provenance);
	}

	/**
	 * Adds a new instrument, or a new version of one, and stores it. Only administrators
	 * may import.
	 * @param fileName the uploaded file's name, kept with the definition and used in
	 * error messages
	 * @throws InvalidInstrumentException if the definition is not valid
	 * @throws InstrumentVersionNotNewerException if this id already has this version or a
	 * later one
	 * @throws AccessDeniedException for anyone but an administrator; the refusal is
	 * audited
	 */
	public Instrument importDefinition(Actor actor, String fileName, InputStream json) {
		requireAdministrator(actor);
		String definition = text(json);
		Instrument instrument = this.transactions.execute((status) -> store(actor, fileName, definition));
		afterCommit(this::refresh);
		return instrument;
	}

	private synchronized Instrument store(Actor actor, String fileName, String definition) {
		this.repository.lockForImport();
		// With the lock held no other node can be importing, so this node now knows
		// every version there is.
		catchUp();
		// Options may use concepts another node imported a moment ago.
		this.terminology.refresh();
		Instrument instrument = parse(definition, fileName);
		this.catalogue.check(instrument);
		this.repository.insert(instrument, definition, fileName, actor.username(), this.clock.instant());
		this.auditLog.record(AuditEvent.permitted(actor, "import", "Instrument",
				instrument.id() + " version " + instrument.version(), null));
		return instrument;
	}

	/**
	 * Catches up with instruments imported on any node now, rather than at the next
	 * periodic check.
	 */
	public synchronized void refresh() {
		catchUp();
	}

	private Catalogue fresh() {
		if (Duration.between(this.checkedAt, this.clock.instant()).compareTo(this.refreshEvery) >= 0) {
			synchronized (this) {
				try {
					if (this.repository.lastSeq() > this.loadedSeq) {
						catchUp();
					}
				}
				catch (DataAccessException ex) {
					log.warn("Could not check for imported instruments; keeping those loaded", ex);
				}
				this.checkedAt = this.clock.instant();
			}
		}
		return this.catalogue;
	}

	private synchronized void catchUp() {
		List<StoredDefinition> stored = this.repository.since(this.loadedSeq);
		if (stored.isEmpty()) {
			return;
		}
		// Another node may have imported the concepts these definitions use.
		this.terminology.refresh();
		for (StoredDefinition definition : stored) {
			this.catalogue.add(parse(definition.definition(), definition.provenance().sourceFile()));
			this.loadedSeq = definition.seq();
		}
	}

	private Instrument parse(String definition, String source) {
		return new InstrumentParser(this.terminology.vocabulary())
			.parse(new ByteArrayInputStream(definition.getBytes(StandardCharsets.UTF_8)), source);
	}

	private void requireAdministrator(Actor actor) {
		if (actor.has(Role.ADMINISTRATOR)) {
			return;
		}
		this.transactions.executeWithoutResult((status) -> this.auditLog
			.record(AuditEvent.denied(actor, "import", "Instrument", null, null, "not an administrator")));
		throw new AccessDeniedException("Only administrators import instruments");
	}

	// Inside a caller's transaction the definition is not committed yet; loading it now
	// would keep it even if that transaction rolled back.
	private static void afterCommit(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				action.run();
			}

		});
	}

	private static String text(InputStream json) {
		try {
			return new String(json.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the uploaded definition", ex);
		}
	}

	/**
	 * The instruments shipped on the classpath, checked against this vocabulary.
	 * @throws InvalidInstrumentException if a shipped file is broken, which must stop
	 * start-up
	 */
	static Catalogue shipped(Vocabulary vocabulary) {
		InstrumentParser parser = new InstrumentParser(vocabulary);
		List<Instrument> shipped = new ArrayList<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(SHIPPED)) {
				try (InputStream json = resource.getInputStream()) {
					shipped.add(parser.parse(json, "instruments/" + resource.getFilename()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the shipped instruments", ex);
		}
		// Oldest first, so shipping versions 1 and 2 of one instrument side by side loads
		// both.
		shipped.sort(Comparator.comparingInt(Instrument::version));
		Catalogue catalogue = new Catalogue();
		shipped.forEach(catalogue::add);
		return catalogue;
	}

}
