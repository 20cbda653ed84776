package care.seamless.person;

import java.util.List;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDecision;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
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

	private final PersonRepository people;

	RecordListings(RecordListingRepository repository, AccessPolicy accessPolicy, AuditLog auditLog,
			PersonRepository people) {
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.people = people;
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
	 * {@link AccessDenied} (and the refusal audited) when the actor may not open it.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public ListedRecord read(Actor actor, PersonId id, String action) {
		PersonRepository.Row row = people.find(id).orElseThrow(() -> new NotFoundException(RECORD, id));
		List<AccessDecision> decisions = accessPolicy.checkWithParts(actor, id, action, RECORD, DataCategory.GENERAL,
				DataCategory.THIRD_PARTY, row.sourceOrganisationId());
		RecordQuery query = new RecordQuery(id, null, null, null, null, null, null, null, null, null, null, null, 1, 0);
		// The same listing query, so a read and a search can never show one record
		// differently; the decision above has already been audited.
		List<ListedRecord> found = repository
			.list(query, accessPolicy.visibleRecords(actor, "p.id"),
					accessPolicy.visibleItems(actor, "p.id", "'GENERAL'", "p.source_organisation_id"))
			.records();
		if (found.isEmpty() || decisions.get(1).permitted() == found.get(0).detailsWithheld()) {
			// Both come from the same rules; a disagreement is a defect, never shown.
			throw new IllegalStateException("Record decision and listing disagree");
		}
		return found.get(0);
	}

}
