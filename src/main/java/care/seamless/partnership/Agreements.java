package care.seamless.partnership;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.Role;
import care.seamless.shared.Violation;
import care.seamless.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Information-sharing agreements, managed by administrators and Caldicott guardians. */
@Service
public class Agreements {

	/**
	 * The agreement test as SQL: true when an active agreement, in force today, names
	 * both the viewer's organisation (parameter {@code :viewerOrg}) and the organisation
	 * in {@code sourceOrgColumn}, covers the purpose (parameter {@code :purpose}) and the
	 * category in {@code categoryColumn}.
	 */
	public static String coversSql(String sourceOrgColumn, String categoryColumn) {
		return """
				exists (select 1 from partnership.sharing_agreement pdp_sa
				  join partnership.agreement_party pdp_viewer on pdp_viewer.agreement_id = pdp_sa.id and pdp_viewer.organisation_id = :viewerOrg
				  join partnership.agreement_party pdp_source on pdp_source.agreement_id = pdp_sa.id and pdp_source.organisation_id = %s
				  join partnership.agreement_purpose pdp_ap on pdp_ap.agreement_id = pdp_sa.id and pdp_ap.purpose = :purpose
				  join partnership.agreement_category pdp_ac on pdp_ac.agreement_id = pdp_sa.id and pdp_ac.category = %s
				  where pdp_sa.status = 'ACTIVE' and pdp_sa.start_date <= current_date)"""
			.formatted(sourceOrgColumn, categoryColumn);
	}

	private final AgreementRepository repository;

	private final AuditLog auditLog;

	Agreements(AgreementRepository repository, AuditLog auditLog) {
		this.repository = repository;
		this.auditLog = auditLog;
	}

	/**
	 * Every rule a new agreement breaks, together, saving nothing: the form adds them to
	 * its own problems (a date it could not read is null here and named by the form).
	 */
	public static List<Violation> problemsWith(int parties, boolean noPurpose, boolean noCategory,
			@Nullable LocalDate startDate, @Nullable LocalDate reviewDate) {
		Violations problems = new Violations();
		if (parties < 2) {
			problems.add("parties", "An agreement needs at least two partner organisations");
		}
		if (noPurpose) {
			problems.add("purposes", "Choose at least one purpose");
		}
		if (noCategory) {
			problems.add("categories", "Choose at least one kind of information");
		}
		if (startDate != null && reviewDate != null && !reviewDate.isAfter(startDate)) {
			problems.add("reviewDate", "The review date must be after the start date");
		}
		return problems.list();
	}

	@Transactional
	public UUID create(Actor actor, NewAgreement agreement) {
		requireGovernance(actor);
		List<Violation> problems = problemsWith(agreement.parties().size(), agreement.purposes().isEmpty(),
				agreement.categories().isEmpty(), agreement.startDate(), agreement.reviewDate());
		if (!problems.isEmpty()) {
			throw new AgreementRule(problems.get(0).field(), problems.get(0).message());
		}
		UUID id = UUID.randomUUID();
		repository.insert(id, agreement);
		auditLog.record(AuditEvent.permitted(actor, "create", "SharingAgreement", id, null));
		return id;
	}

	@Transactional
	public void changeStatus(Actor actor, UUID id, long version, AgreementStatus status) {
		requireGovernance(actor);
		repository.find(id).orElseThrow(() -> new NotFoundException("SharingAgreement", id));
		if (repository.setStatus(id, version, status) == 0) {
			throw new ConcurrentEditException("Sharing agreement", id);
		}
		auditLog.record(AuditEvent.permitted(actor, "status-" + status.name().toLowerCase(java.util.Locale.ROOT),
				"SharingAgreement", id, null));
	}

	@Transactional(readOnly = true)
	public List<SharingAgreement> all() {
		return repository.all();
	}

	private static void requireGovernance(Actor actor) {
		if (!actor.has(Role.ADMINISTRATOR) && !actor.has(Role.CALDICOTT_GUARDIAN)) {
			throw new AccessDeniedException("Only administrators and Caldicott guardians manage sharing agreements");
		}
	}

}
