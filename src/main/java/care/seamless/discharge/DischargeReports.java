package care.seamless.discharge;

import java.time.YearMonth;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessPolicy;
import care.seamless.shared.Actor;
import care.seamless.shared.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly delayed-days report for the partners' team managers. Which days count is
 * the access policy's rule in the query: each manager counts the admissions they may see,
 * and those of the people their teams work with ({@code AccessPolicy.visibleToManager}),
 * so the council's managers count the days of their social workers' people as the ward's
 * manager counts the ward's; the counting itself is plain Java over those rows. Small
 * numbers are not suppressed, as this is an internal management report, not a
 * publication.
 */
@Service
public class DischargeReports {

	private final DelayedDayRepository days;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final Admissions admissions;

	DischargeReports(DelayedDayRepository days, AccessPolicy accessPolicy, AuditLog auditLog, Admissions admissions) {
		this.days = days;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.admissions = admissions;
	}

	/** Whether the actor may read the report: pages offer it only to them. */
	public static boolean mayRead(Actor actor) {
		return actor.has(Role.TEAM_MANAGER);
	}

	@Transactional
	public MonthlyReport monthly(Actor actor, YearMonth month) {
		if (!mayRead(actor)) {
			throw new DischargeRefused("The delayed-days report is for team managers");
		}
		List<DelayedDayRepository.MonthRow> rows = days.month(month.atDay(1), month.plusMonths(1).atDay(1),
				accessPolicy.visibleToManager(actor, "a.person_id", "'GENERAL'", "a.organisation_id"),
				// A manager counts days of admissions they may not open (their team's
				// people): a disputed day links to its admission only when the rule the
				// admission page applies lets the reader open it.
				admissions.visible(actor));
		auditLog.record(AuditEvent.permitted(actor, "read-delayed-days-report", "DelayedDaysReport", month, null)
			.withReason("team-manager: " + rows.size() + " days counted"));
		Map<DelayReason, Integer> byReason = new EnumMap<>(DelayReason.class);
		Map<String, Integer> byAttribution = new LinkedHashMap<>();
		Map<String, Integer> byPathway = new LinkedHashMap<>();
		for (DelayReason reason : DelayReason.values()) {
			byReason.put(reason, 0);
		}
		for (Attribution attribution : Attribution.values()) {
			byAttribution.put(attribution.name(), 0);
		}
		byAttribution.put("PROPOSED", 0);
		byAttribution.put("DISPUTED", 0);
		for (Pathway pathway : Pathway.values()) {
			byPathway.put(pathway.name(), 0);
		}
		byPathway.put("NONE", 0);
		for (DelayedDayRepository.MonthRow row : rows) {
			byReason.merge(row.reason(), 1, Integer::sum);
			String attribution = switch (row.lastStep()) {
				case "AGREED" -> row.lastAttribution().name();
				case "DISPUTED" -> "DISPUTED";
				default -> "PROPOSED";
			};
			byAttribution.merge(attribution, 1, Integer::sum);
			byPathway.merge(row.pathway() == null ? "NONE" : row.pathway().name(), 1, Integer::sum);
		}
		List<MonthlyReport.Disputed> disputed = rows.stream()
			.filter(r -> r.lastStep().equals("DISPUTED"))
			.map(r -> new MonthlyReport.Disputed(r.admissionId(), r.day(), r.reason(), r.nhsView(), r.socialCareView(),
					r.mayOpen()))
			.toList();
		return new MonthlyReport(month, rows.size(), byReason, byAttribution, byPathway, disputed, reimbursement(rows));
	}

	/**
	 * Social care is the responsible agency for a day agreed as SOCIAL_CARE (the schemes
	 * charge only delays caused by social care alone, never BOTH or the person's choice).
	 * A disputed day is at stake when either side says social care; a proposed one awaits
	 * agreement when the proposal says social care.
	 */
	static MonthlyReport.Reimbursement reimbursement(List<DelayedDayRepository.MonthRow> rows) {
		BigDecimal payable = BigDecimal.ZERO.setScale(2);
		BigDecimal atStake = BigDecimal.ZERO.setScale(2);
		BigDecimal awaiting = BigDecimal.ZERO.setScale(2);
		int charged = 0;
		int withoutRate = 0;
		int disputedDays = 0;
		int awaitingDays = 0;
		for (DelayedDayRepository.MonthRow row : rows) {
			BigDecimal rate = row.dailyRate();
			switch (row.lastStep()) {
				case "AGREED" -> {
					if (row.lastAttribution() == Attribution.SOCIAL_CARE) {
						if (rate == null) {
							withoutRate++;
						}
						else {
							payable = payable.add(rate);
							charged++;
						}
					}
				}
				case "DISPUTED" -> {
					if (rate != null && (row.nhsView() == Attribution.SOCIAL_CARE
							|| row.socialCareView() == Attribution.SOCIAL_CARE)) {
						atStake = atStake.add(rate);
						disputedDays++;
					}
				}
				default -> {
					if (rate != null && row.lastAttribution() == Attribution.SOCIAL_CARE) {
						awaiting = awaiting.add(rate);
						awaitingDays++;
					}
				}
			}
		}
		return new MonthlyReport.Reimbursement(payable, charged, withoutRate, atStake, disputedDays, awaiting,
				awaitingDays);
	}

}
