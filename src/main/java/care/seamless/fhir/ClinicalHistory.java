package care.seamless.fhir;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.AccessRequest;
import care.seamless.consent.SqlCondition;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the clinical history partners sent, as the record page decides: the access rules
 * are in the SQL (record and item), so a withheld person's history is neither returned
 * nor counted, and every resource returned is audited.
 */
@Service
class ClinicalHistory implements PatientEverything {

	/** The most resources $everything returns of one person's clinical history. */
	static final int EVERYTHING_LIMIT = 10_000;

	/** One page of what the caller may see, and how many there are in all. */
	record Page(List<Resource> resources, long total) {
	}

	private final ClinicalRepository repository;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final FhirContext context = FhirContext.forR4Cached();

	ClinicalHistory(ClinicalRepository repository, AccessPolicy accessPolicy, AuditLog auditLog) {
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
	}

	/** One resource; a refusal is audited and thrown as {@link AccessDenied}. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public Resource read(Actor actor, ClinicalType type, UUID id) {
		ClinicalRepository.Held held = repository.find(type.resourceType(), id)
			.orElseThrow(() -> new FhirFailure(FhirError.NOT_FOUND, null, "No such resource"));
		accessPolicy.require(actor,
				AccessRequest.toOpen(new PersonId(held.person()), "read-fhir", type.resourceType())
					.about(id)
					.item(DataCategory.valueOf(held.category()),
							held.source() == null ? null : new OrganisationId(held.source())));
		List<ClinicalRepository.Visible> rows = repository.page(
				new ClinicalRepository.Criteria(type.resourceType(), id, null, null, null, null, null), visible(actor),
				1, 0);
		if (rows.isEmpty()) {
			// Decided and audited above; the rules in the query agree with that decision.
			throw new FhirFailure(FhirError.NOT_FOUND, null, "No such resource");
		}
		return parse(rows.get(0));
	}

	/** The page of resources matching {@code criteria} the caller may see, audited. */
	@Transactional
	public Page search(Actor actor, ClinicalRepository.Criteria criteria, int count, int offset, String action) {
		SqlCondition visible = visible(actor);
		long total = repository.count(criteria, visible);
		List<ClinicalRepository.Visible> rows = total <= offset ? List.of()
				: repository.page(criteria, visible, count, offset);
		for (ClinicalRepository.Visible row : rows) {
			auditLog.record(AuditEvent.permitted(actor, action, row.type(), row.id(), new PersonId(row.person())));
		}
		return new Page(rows.stream().map(this::parse).toList(), total);
	}

	@Override
	@Transactional
	public List<Resource> everything(Actor actor, PersonId person) {
		return search(actor, new ClinicalRepository.Criteria(null, null, person.id(), null, null, null, null),
				EVERYTHING_LIMIT, 0, "read-fhir-everything")
			.resources();
	}

	/**
	 * Where each imported resource of the person the caller may see came from (the same
	 * rules as reading the resource), audited as a read of each.
	 */
	@Transactional
	public List<ClinicalRepository.Origin> origins(Actor actor, PersonId person) {
		List<ClinicalRepository.Origin> origins = repository.origins(
				new ClinicalRepository.Criteria(null, null, person.id(), null, null, null, null), visible(actor),
				EVERYTHING_LIMIT, 0);
		for (ClinicalRepository.Origin origin : origins) {
			auditLog.record(AuditEvent.permitted(actor, "read-fhir-provenance", origin.type(), origin.id(), person));
		}
		return origins;
	}

	/**
	 * A page of where the imported resources the caller may see came from, of one person
	 * or (null) of every person (imported at or after {@code since}), audited as
	 * {@code action} of each.
	 */
	@Transactional
	public List<ClinicalRepository.Origin> originsPage(Actor actor, @Nullable PersonId person, @Nullable Instant since,
			int count, int offset, String action) {
		List<ClinicalRepository.Origin> origins = repository.origins(new ClinicalRepository.Criteria(null, null,
				person == null ? null : person.id(), since, null, null, null), visible(actor), count, offset);
		for (ClinicalRepository.Origin origin : origins) {
			auditLog
				.record(AuditEvent.permitted(actor, action, origin.type(), origin.id(), new PersonId(origin.person())));
		}
		return origins;
	}

	/** The record-level and item-level rules, over the table's columns. */
	private SqlCondition visible(Actor actor) {
		return accessPolicy.visibleRecords(actor, "c.person_id")
			.and(accessPolicy.visibleItems(actor, "c.person_id", "c.category", "c.source_organisation_id"));
	}

	private Resource parse(ClinicalRepository.Visible row) {
		return (Resource) context.newJsonParser().parseResource(row.json());
	}

}
