package care.seamless.person;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.AccessRequest;
import care.seamless.consent.WithheldReason;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.ErrorCode;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import care.seamless.team.Directory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts on a record. Each is an item like any entry: its kind fixes its data category,
 * it is held by the raiser's organisation, and the access rules decide in the query who
 * sees it. Only a current care-team member raises or ends one; both are audited, and
 * ending names the version read, so two people ending it at once conflict.
 */
@Service
public class Alerts {

	private static final String RECORD = "Alert";

	/** Longest note an alert keeps; the rest belongs in a case note. */
	public static final int NOTE_LIMIT = 500;

	private final AlertRepository repository;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final Directory directory;

	private final Clock clock;

	Alerts(AlertRepository repository, AccessPolicy accessPolicy, AuditLog auditLog, Directory directory, Clock clock) {
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * What the current alerts show the actor: those they may see, and why others are
	 * withheld.
	 */
	public record Shown(List<Alert> alerts, List<WithheldNotice> withheld) {
	}

	/**
	 * The current alerts the actor may see. Called by the record page after it has opened
	 * (and audited) the record.
	 */
	@Transactional(readOnly = true)
	public Shown current(Actor actor, PersonId person) {
		List<Alert> alerts = repository.current(person,
				accessPolicy.visibleItems(actor, "a.person_id", "a.category", "a.source_organisation_id"));
		List<WithheldNotice> withheld = repository
			.withheld(person,
					accessPolicy.withheldReason(actor, "a.person_id", "a.category", "a.source_organisation_id"))
			.stream()
			.map(w -> new WithheldNotice(WithheldReason.valueOf(w.reason()), directory.organisation(w.source()).name()))
			.toList();
		return new Shown(alerts, withheld);
	}

	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID raise(Actor actor, PersonId person, @Nullable AlertKind kind, @Nullable String note) {
		if (kind == null) {
			throw new PersonRuleViolation("kind", ErrorCode.VALIDATION_FAILED, "Choose the kind of alert");
		}
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, "raise-alert", RECORD)
					.item(kind.category(), actor.organisationId())
					.by(AccessRequest.Who.CARE_TEAM_MEMBER));
		String words = note == null || note.isBlank() ? null : note.strip();
		if (words != null && (words.length() > NOTE_LIMIT || words.indexOf('\0') >= 0)) {
			throw new PersonRuleViolation("note", ErrorCode.VALIDATION_FAILED,
					"Keep the note to " + NOTE_LIMIT + " characters of plain text");
		}
		UUID id = UUID.randomUUID();
		Alert alert = new Alert(id, person, kind, kind.category(), actor.organisationId(), words,
				directory.practitioner(actor.practitionerId()).displayName(), clock.instant(), 0);
		try {
			repository.insert(alert, actor.username());
		}
		catch (DuplicateKeyException ex) {
			throw new PersonRuleViolation("kind", ErrorCode.RULE_VIOLATED,
					"This alert is already on the record: end it first to raise it again");
		}
		auditLog.record(AuditEvent.permitted(actor, "create", RECORD, id, person));
		return id;
	}

	/**
	 * Ends the alert if nobody changed it since {@code version} was read; the reason is
	 * required and kept.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void end(Actor actor, PersonId person, UUID alertId, long version, @Nullable String reason) {
		Alert alert = repository.find(person, alertId).orElseThrow(() -> new NotFoundException(RECORD, alertId));
		accessPolicy.require(actor,
				AccessRequest.toOpen(person, "end-alert", RECORD)
					.about(alertId)
					.item(alert.category(), alert.sourceOrganisationId())
					.by(AccessRequest.Who.CARE_TEAM_MEMBER));
		if (reason == null || reason.isBlank() || reason.strip().length() > NOTE_LIMIT || reason.indexOf('\0') >= 0) {
			throw new PersonRuleViolation("reason", ErrorCode.VALIDATION_FAILED,
					"Say why the alert no longer applies, in up to " + NOTE_LIMIT + " characters");
		}
		if (repository.end(alertId, version, actor.username(), reason.strip(), clock.instant()) == 0) {
			throw new ConcurrentEditException(RECORD, alertId);
		}
		auditLog.record(AuditEvent.permitted(actor, "end", RECORD, alertId, person));
	}

}
