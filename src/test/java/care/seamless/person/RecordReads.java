package care.seamless.person;

import java.util.List;

import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDecision;
import care.seamless.consent.AccessDenied;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares the record view's one-statement read (ADR 80) with the step-by-step read it
 * replaced, which linked records still take: the same record, or the same refusal, and
 * the same audit entries. For tests of other modules, which cannot reach
 * {@link People#recordBySteps}.
 */
public final class RecordReads {

	private final People people;

	private final AuditLog auditLog;

	private final TransactionTemplate transaction;

	public RecordReads(People people, AuditLog auditLog, PlatformTransactionManager transactions) {
		this.people = people;
		this.auditLog = auditLog;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** What one read answered and audited. */
	public record Read(@Nullable PersonRecord record, @Nullable AccessDecision refusal, List<String> audited) {
	}

	/**
	 * Reads the record both ways, with or without its first page of entries, and asserts
	 * the two reads alike; returns the one-statement read.
	 */
	public Read assertReadAlike(Actor actor, PersonId person, boolean withEntries, String description) {
		Read fast = audited(person, () -> withEntries ? people.record(actor, person) : people.summary(actor, person));
		Read bySteps = audited(person, () -> transaction.execute(status -> {
			try {
				return people.recordBySteps(actor, person, withEntries);
			}
			catch (AccessDenied ex) {
				// Returned, not thrown, so that the refusal's audit entry commits as it
				// does on the real path (noRollbackFor).
				return ex;
			}
		}));
		assertThat(fast).as("%s: the one-statement read against the step-by-step read", description).isEqualTo(bySteps);
		assertThat(fast.audited()).as("%s: audited", description).isNotEmpty();
		return fast;
	}

	private Read audited(PersonId person, java.util.function.Supplier<Object> read) {
		long before = auditLog.historyOf(person, 1).stream().mapToLong(AuditEntry::id).max().orElse(0);
		Object answer;
		try {
			answer = read.get();
		}
		catch (AccessDenied ex) {
			answer = ex;
		}
		// Everything an entry says but its place and time in the log.
		List<String> audited = auditLog.historyOf(person, 20)
			.stream()
			.filter(e -> e.id() > before)
			.map(e -> String.join("|", e.account(), e.role(), String.valueOf(e.organisationCode()), e.action(),
					e.recordType(), String.valueOf(e.recordId()), String.valueOf(e.personId()), e.purpose(),
					e.outcome(), String.valueOf(e.reason()), String.valueOf(e.override())))
			.sorted()
			.toList();
		return answer instanceof AccessDenied denied ? new Read(null, denied.decision(), audited)
				: new Read((PersonRecord) answer, null, audited);
	}

}
