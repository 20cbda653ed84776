package care.seamless.partnership;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Role;
import care.seamless.shared.Violations;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partnership register: partnerships, their partners and what each puts in, the terms
 * of the agreement, the information-sharing agreements they rely on, and the readiness
 * checklist. None of it is personal data; commissioners and administrators keep it, and
 * every staff account may read it (partners' staff should know what they are part of).
 */
@Service
public class Partnerships {

	static final int NAME_MAX = 200;

	static final int TEXT_MAX = 4_000;

	private final PartnershipRepository repository;

	private final AgreementRepository agreements;

	private final AuditLog auditLog;

	private final Clock clock;

	Partnerships(PartnershipRepository repository, AgreementRepository agreements, AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.agreements = agreements;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** Administrators and commissioners keep the register. */
	public static boolean mayKeep(Actor actor) {
		return actor.has(Role.ADMINISTRATOR) || actor.has(Role.COMMISSIONER);
	}

	@Transactional
	public UUID create(Actor actor, NewPartnership partnership) {
		requireKeeper(actor);
		check(partnership);
		UUID id = UUID.randomUUID();
		repository.insert(id, partnership);
		auditLog.record(AuditEvent.permitted(actor, "create", "Partnership", id, null));
		return id;
	}

	@Transactional
	public void update(Actor actor, UUID id, long version, NewPartnership partnership) {
		requireKeeper(actor);
		find(id);
		check(partnership);
		if (repository.update(id, version, partnership) == 0) {
			throw new ConcurrentEditException("Partnership", id);
		}
		auditLog.record(AuditEvent.permitted(actor, "update", "Partnership", id, null));
	}

	@Transactional
	public void recordReadiness(Actor actor, UUID id, ReadinessItem item, ReadinessItem.State state, String note,
			long version) {
		requireKeeper(actor);
		find(id);
		Violations problems = new Violations();
		if (note.length() > TEXT_MAX) {
			problems.add("note", "The note must be " + TEXT_MAX + " characters or fewer");
		}
		problems.refuseIfAny(PartnershipRule::new);
		if (repository.setReadiness(id, item, state, note.strip(), version, actor.accountId()) == 0) {
			throw new ConcurrentEditException("Partnership readiness", id);
		}
		auditLog.record(AuditEvent.permitted(actor, "readiness-" + item.name().toLowerCase(java.util.Locale.ROOT),
				"Partnership", id, null));
	}

	@Transactional(readOnly = true)
	public List<Partnership> all() {
		return repository.all(agreements.all());
	}

	@Transactional(readOnly = true)
	public Partnership find(UUID id) {
		return repository.find(id, agreements.all()).orElseThrow(() -> new NotFoundException("Partnership", id));
	}

	/**
	 * Reviews due within a fortnight, or overdue, for the people who keep the register.
	 */
	@Transactional(readOnly = true)
	public List<ReviewDue> reviewsDue(Actor actor) {
		if (!mayKeep(actor) && !actor.has(Role.BOARD_MEMBER)) {
			return List.of();
		}
		return repository.reviewsDue(LocalDate.now(clock).plusDays(14));
	}

	private void check(NewPartnership p) {
		Violations problems = new Violations();
		required(problems, "name", p.name(), NAME_MAX, "Enter the partnership's name");
		required(problems, "aims", p.aims(), TEXT_MAX, "Enter the aims and outcomes");
		required(problems, "functions", p.functions(), TEXT_MAX, "Enter the functions and services covered");
		optional(problems, "staffAndResources", p.staffAndResources());
		optional(problems, "governance", p.governance());
		optional(problems, "poolManager", p.poolManager());
		optional(problems, "termination", p.termination());
		if (p.partners().size() < 2) {
			problems.add("partners", "A partnership needs at least two partners");
		}
		Set<OrganisationId> seen = new HashSet<>();
		for (NewPartnership.Partner partner : p.partners()) {
			if (!seen.add(partner.organisation())) {
				problems.add("partners", "Each partner can be named only once");
			}
			if (partner.contribution().isBlank()) {
				problems.add("partners", "Say what each partner contributes");
			}
			else if (partner.contribution().length() > TEXT_MAX || partner.variation().length() > TEXT_MAX) {
				problems.add("partners", "A contribution must be " + TEXT_MAX + " characters or fewer");
			}
		}
		if (p.host() != null && !seen.contains(p.host())) {
			problems.add("host", "The host must be one of the partners");
		}
		if (p.kind().needsPoolManager()) {
			if (p.host() == null) {
				problems.add("host", "A pooled fund needs a host partner");
			}
			if (p.poolManager().isBlank()) {
				problems.add("poolManager", "A pooled fund needs a pool manager");
			}
		}
		if (!p.reviewDate().isAfter(p.startDate())) {
			problems.add("reviewDate", "The review date must be after the start date");
		}
		if (p.endDate() != null && !p.endDate().isAfter(p.startDate())) {
			problems.add("endDate", "The end date must be after the start date");
		}
		for (UUID agreement : p.sharingAgreements()) {
			if (!repository.agreementExists(agreement)) {
				problems.add("sharingAgreements", "Choose sharing agreements from the list");
				break;
			}
		}
		problems.refuseIfAny(PartnershipRule::new);
	}

	private static void required(Violations problems, String field, String value, int max, String missing) {
		if (value.isBlank()) {
			problems.add(field, missing);
		}
		else if (value.length() > max) {
			problems.add(field, "This must be " + max + " characters or fewer");
		}
	}

	private static void optional(Violations problems, String field, String value) {
		if (value.length() > TEXT_MAX) {
			problems.add(field, "This must be " + TEXT_MAX + " characters or fewer");
		}
	}

	private static void requireKeeper(Actor actor) {
		if (!mayKeep(actor)) {
			throw new AccessDeniedException("Only administrators and commissioners keep the partnership register");
		}
	}

}
