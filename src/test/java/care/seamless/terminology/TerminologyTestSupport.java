package care.seamless.terminology;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import care.seamless.audit.AuditLog;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds extra {@link Terminology} instances over the test database, each standing for
 * another application node or for the application after a restart, and vocabulary lines
 * for import tests.
 */
@Component
public class TerminologyTestSupport {

	public static final String HEADER = String.join(",", VocabularyCsv.COLUMNS) + "\n";

	private final ConceptRepository repository;

	private final AuditLog auditLog;

	private final PlatformTransactionManager transactionManager;

	private final Clock clock;

	TerminologyTestSupport(ConceptRepository repository, AuditLog auditLog,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.repository = repository;
		this.auditLog = auditLog;
		this.transactionManager = transactionManager;
		this.clock = clock;
	}

	/** A node that checks the database on every read. */
	Terminology eager(Vocabulary starter) {
		return node(starter, Duration.ZERO);
	}

	/** A node that would not look at the database again for an hour unless asked. */
	Terminology lazy(Vocabulary starter) {
		return node(starter, Duration.ofHours(1));
	}

	/** A node with no starter vocabulary: only what the database holds. */
	public Terminology storedOnlyNode() {
		return lazy(Vocabulary.of(List.of()));
	}

	ConceptRepository repository() {
		return this.repository;
	}

	/** A local need concept with no outcome, synonyms or mappings. */
	public static String line(String code, String health, String socialCare, String plain) {
		return line(code, health, socialCare, plain, "");
	}

	static String line(String code, String health, String socialCare, String plain, String synonyms) {
		return String.join(",", code, "local", "need", "personal-care", "", health, socialCare, plain, synonyms, "", "")
				+ "\n";
	}

	private Terminology node(Vocabulary starter, Duration refreshEvery) {
		return new Terminology(starter, this.repository, this.auditLog,
				new TransactionTemplate(this.transactionManager), this.clock, refreshEvery);
	}

}
