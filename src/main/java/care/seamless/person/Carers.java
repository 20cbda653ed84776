package care.seamless.person;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.AccessRequest;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carers in their own right: a carer has their own record and care team, linked to the
 * records of the people they care for. The link is information on each record (who cares
 * for whom); it never lets one record's care team into the other record.
 */
@Service
public class Carers {

	static final String LINK = "CarerLink";

	private final CarerRepository repository;

	private final PersonRepository people;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final Clock clock;

	Carers(CarerRepository repository, PersonRepository people, AccessPolicy accessPolicy, AuditLog auditLog,
			Clock clock) {
		this.repository = repository;
		this.people = people;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * Links a carer's own record to the person they care for. The practitioner must be
	 * allowed to change the related people of the person and to open the carer's record:
	 * linking is not a way to learn who holds a record.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID link(Actor actor, PersonId caredFor, PersonId carer) {
		if (caredFor.equals(carer)) {
			throw new PersonRuleViolation("carer", care.seamless.shared.ErrorCode.RULE_VIOLATED,
					"A person cannot be linked as their own carer");
		}
		people.find(caredFor).orElseThrow(() -> new NotFoundException("Person", caredFor));
		// Both records are decided before anything about the carer's record is read out.
		PersonRepository.Row carerRow = people.find(carer).orElseThrow(() -> new NotFoundException("Person", carer));
		accessPolicy.require(actor,
				AccessRequest.toOpen(caredFor, "link-carer", LINK)
					.item(DataCategory.THIRD_PARTY, people.find(caredFor).orElseThrow().sourceOrganisationId())
					.by(AccessRequest.Who.CARE_TEAM_MEMBER));
		accessPolicy.require(actor, AccessRequest.toOpen(carer, "link-cared-for", LINK)
			.item(DataCategory.GENERAL, carerRow.sourceOrganisationId()));
		PersonDetails details = carerRow.details();
		UUID id = UUID.randomUUID();
		if (!repository.link(id, caredFor, carer, details.displayName(), details.phone(), details.email(),
				LocalDate.now(clock))) {
			throw new PersonRuleViolation("carer", care.seamless.shared.ErrorCode.RULE_VIOLATED,
					"This carer is already linked to this person");
		}
		auditLog.record(AuditEvent.permitted(actor, "create", LINK, id, caredFor));
		auditLog.record(AuditEvent.permitted(actor, "create", LINK, id, carer));
		return id;
	}

	/**
	 * The people this carer cares for, by name, as information on the carer's own record.
	 * Opening their records is decided for each on its own.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<CaredFor> caredForBy(Actor actor, PersonId carer) {
		accessPolicy.require(actor, AccessRequest.toOpen(carer, "read-cared-for", LINK));
		return repository.caredFor(carer);
	}

	/** The carers of this person who have their own record. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<CaredFor> carersOf(Actor actor, PersonId person) {
		accessPolicy.require(actor, AccessRequest.toOpen(person, "read-carers", LINK));
		return repository.carers(person);
	}

}
