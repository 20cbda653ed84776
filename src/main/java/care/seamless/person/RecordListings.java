package care.seamless.person;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.shared.Actor;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records as another system lists and reads them: the same decisions as the record page
 * (the record-level rule for whether a record is listed or opened at all, the details
 * rule for what of it is shown), taken inside the SQL so a count or a page never reveals
 * a record the viewer may not open. Every record returned is audited as read.
 */
@Service
public class RecordListings {

	private static final String RECORD = "Person";

	private final RecordListingRepository repository;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	RecordListings(RecordListingRepository repository, AccessPolicy accessPolicy, AuditLog auditLog) {
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
	}

	/**
	 * The records matching {@code query} that the actor may open, each audited as a read
	 * by {@code action}.
	 */
	@Transactional
	public RecordListing list(Actor actor, RecordQuery query, String action) {
		RecordListing listing = repository.list(query, accessPolicy.visibleRecords(actor, "p.id"),
				accessPolicy.visibleItems(actor, "p.id", "'GENERAL'", "p.source_organisation_id"));
		for (ListedRecord record : listing.records()) {
			auditLog.record(AuditEvent.permitted(actor, action, RECORD, record.id(), record.id()));
		}
		return listing;
	}

	/**
	 * One record, decided and audited as the record page decides it: refused with
	 * {@link AccessDenied} (and the refusal audited) when the actor may not open it. The
	 * decision, the details rule and the record come from one query, the record's
	 * contents only when the decision lets the actor open it.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public ListedRecord read(Actor actor, PersonId id, String action) {
		RecordListingRepository.Opened opened = repository
			.open(id, accessPolicy.recordWithDetails(actor, "p.id", "p.source_organisation_id"))
			.orElseThrow(() -> new NotFoundException(RECORD, id));
		// Audits the decision (the refusal too) and throws when refused.
		accessPolicy.auditRecordRead(actor, id, action, RECORD, opened.decision());
		if (opened.record() == null) {
			// The query reads the record only where the decision permits it.
			throw new IllegalStateException("Record decision and listing disagree");
		}
		return opened.record();
	}

}
