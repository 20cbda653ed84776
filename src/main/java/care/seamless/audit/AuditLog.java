package care.seamless.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import care.seamless.shared.PersonId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to and reads the audit log. {@link #record} joins the caller's transaction, so
 * a change and its audit entry commit or roll back together; it refuses to run outside
 * one.
 */
@Service
public class AuditLog {

	private final AuditRepository entries;

	private final Clock clock;

	AuditLog(AuditRepository entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditEvent event) {
		var head = entries.lockAndReadHead();
		long seq = head.map(h -> h.seq() + 1).orElse(1L);
		String prevHash = head.map(AuditRepository.ChainHead::hash).orElse(ChainHash.GENESIS);
		// PostgreSQL keeps microseconds; truncating first makes the hash re-computable
		// from the stored row.
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		var actor = event.actor();
		var unhashed = new AuditEntry(seq, now, actor.username(), actor.primaryRole().name(), actor.organisationCode(),
				event.action(), event.recordType(), event.recordId(),
				event.person() == null ? null : event.person().id(), actor.purpose().name(), event.outcome().name(),
				event.reason(), event.override(), prevHash, "");
		var entry = new AuditEntry(seq, now, unhashed.account(), unhashed.role(), unhashed.organisationCode(),
				unhashed.action(), unhashed.recordType(), unhashed.recordId(), unhashed.personId(), unhashed.purpose(),
				unhashed.outcome(), unhashed.reason(), unhashed.override(), prevHash, ChainHash.of(unhashed));
		entries.insert(entry);
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> historyOf(PersonId person, int limit) {
		return entries.forPerson(person.id(), limit);
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> recent(int limit, boolean overridesAndDenialsOnly) {
		return entries.recent(limit, overridesAndDenialsOnly);
	}

	@Transactional(readOnly = true)
	public ChainVerification verify() {
		var verifier = new ChainVerifier();
		entries.streamAll(verifier);
		return verifier.result();
	}

}
