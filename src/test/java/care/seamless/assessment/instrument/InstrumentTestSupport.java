package care.seamless.assessment.instrument;

import java.time.Clock;
import java.time.Duration;

import care.seamless.audit.AuditLog;
import care.seamless.terminology.Terminology;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds extra {@link Instruments} catalogues over the test database, each standing for
 * another application node or for the application after a restart.
 */
@Component
public class InstrumentTestSupport {

	private final Terminology terminology;

	private final InstrumentRepository repository;

	private final AuditLog auditLog;

	private final PlatformTransactionManager transactionManager;

	private final Clock clock;

	InstrumentTestSupport(Terminology terminology, InstrumentRepository repository, AuditLog auditLog,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.terminology = terminology;
		this.repository = repository;
		this.auditLog = auditLog;
		this.transactionManager = transactionManager;
		this.clock = clock;
	}

	/** A node that checks the database on every read. */
	public Instruments eagerNode() {
		return node(Duration.ZERO);
	}

	/** A node that would not look at the database again for an hour unless asked. */
	public Instruments lazyNode() {
		return node(Duration.ofHours(1));
	}

	/**
	 * A small valid definition with an id no other test uses, and one coded question
	 * offering washing (d510) and home care (SEAM-SVC-01).
	 */
	public static String definition(String id, int version) {
		return InstrumentJson.definition(id, version, "\"any\"", InstrumentJson.WASHING);
	}

	boolean stored(String id, int version) {
		return this.repository.find(id, version).isPresent();
	}

	private Instruments node(Duration refreshEvery) {
		return new Instruments(this.terminology, this.repository, this.auditLog, this.transactionManager, this.clock,
				refreshEvery);
	}

}
