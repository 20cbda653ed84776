package care.seamless.discharge.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.discharge.AdmissionView;
import care.seamless.discharge.Admissions;
import care.seamless.discharge.Attribution;
import care.seamless.discharge.Checklist;
import care.seamless.discharge.DailyRate;
import care.seamless.discharge.DelayReason;
import care.seamless.discharge.DelayedDays;
import care.seamless.discharge.DischargeRefused;
import care.seamless.discharge.DischargeReports;
import care.seamless.discharge.DischargeRule;
import care.seamless.discharge.MonthlyReport;
import care.seamless.discharge.NewAdmission;
import care.seamless.discharge.NewRuleSet;
import care.seamless.discharge.NoticeKind;
import care.seamless.discharge.Pathway;
import care.seamless.discharge.RuleSet;
import care.seamless.discharge.RuleSets;
import care.seamless.shared.Actor;
import care.seamless.shared.ErrorCode;
import care.seamless.shared.PersonId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Hospital discharge",
		description = "Admissions, discharge-to-assess pathway and checklist, notices under dated rule sets, delayed days and their attribution")
class DischargeRestController {

	private final Admissions admissions;

	private final DelayedDays delayedDays;

	private final DischargeReports reports;

	private final RuleSets ruleSets;

	DischargeRestController(Admissions admissions, DelayedDays delayedDays, DischargeReports reports,
			RuleSets ruleSets) {
		this.admissions = admissions;
		this.delayedDays = delayedDays;
		this.reports = reports;
		this.ruleSets = ruleSets;
	}

	record PlanBody(long version, @Nullable LocalDate plannedDischarge, @Nullable Instant dischargedAt,
			@Nullable Pathway pathway, @Nullable Checklist checklist) {
	}

	record NoticeBody(@Nullable NoticeKind kind, @Nullable LocalDate givenOn, @Nullable LocalDate proposedDischarge) {
	}

	record OwnViewBody(@Nullable String words, @Nullable UUID corrects) {
	}

	record DelayBody(@Nullable LocalDate day, @Nullable DelayReason reason, @Nullable Attribution attribution,
			@Nullable String note) {
	}

	record AnswerBody(long version, boolean agree, @Nullable Attribution attribution, @Nullable String note) {
	}

	@PostMapping("/admissions")
	@Operation(summary = "Record a hospital admission",
			description = "By a practitioner of an NHS trust, to one of their own ward teams; the person is named by NHS number. The rule set in force on the admission date applies. The ward team gets time-limited access to the person's general information and the care team is told. 400 names every field at fault (unknown NHS number, admission in the future, planned discharge before admission).")
	ResponseEntity<Map<String, UUID>> record(Actor actor, @RequestBody NewAdmission admission) {
		UUID id = admissions.record(actor, admission);
		return ResponseEntity.created(URI.create("/api/v1/admissions/" + id)).body(Map.of("id", id));
	}

	@GetMapping("/admissions/{id}")
	@Operation(summary = "One admission as the caller may see it",
			description = "With its rule set, notices, the person's own views, and each delayed day with every attribution step. 403 without access.")
	AdmissionView admission(Actor actor, @PathVariable UUID id) {
		return admissions.admission(actor, id);
	}

	@GetMapping("/admissions")
	@Operation(summary = "A person's admissions the caller may see, newest first")
	List<AdmissionView> forPerson(Actor actor, @RequestParam PersonId personId) {
		return admissions.forPerson(actor, personId);
	}

	@PutMapping("/admissions/{id}/plan")
	@Operation(summary = "Change the planned or actual discharge, pathway and checklist",
			description = "Only the admitting ward team (403 otherwise). A discharge before the admission or in the future is 400; a stale version is 409.")
	ResponseEntity<Void> plan(Actor actor, @PathVariable UUID id, @RequestBody PlanBody body) {
		admissions.updatePlan(actor, id, body.version(), new Admissions.PlanChange(body.plannedDischarge(),
				body.dischargedAt(), body.pathway(), body.checklist() == null ? Checklist.empty() : body.checklist()));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/admissions/{id}/notices")
	@Operation(summary = "Give social care an assessment or discharge notice",
			description = "Only where the admission's rule set has statutory notices, with its minimum periods checked; 400 otherwise.")
	ResponseEntity<Void> notice(Actor actor, @PathVariable UUID id, @RequestBody NoticeBody body) {
		admissions.giveNotice(actor, id, body.kind(), body.givenOn(), body.proposedDischarge());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/admissions/{id}/own-views")
	@Operation(summary = "Record the person's own view of going home, in their words",
			description = "Never edited: a later view or a correction (naming the view it corrects) is a new entry.")
	ResponseEntity<Map<String, UUID>> ownView(Actor actor, @PathVariable UUID id, @RequestBody OwnViewBody body) {
		UUID view = admissions.recordOwnView(actor, id, body.words(), body.corrects());
		return ResponseEntity.created(URI.create("/api/v1/admissions/" + id)).body(Map.of("id", view));
	}

	@PostMapping("/admissions/{id}/delayed-days")
	@Operation(summary = "Record a delayed day with a coded reason and a proposed attribution",
			description = "By the NHS or the council's adult social care; the other partner agrees or disputes it.")
	ResponseEntity<Map<String, UUID>> delay(Actor actor, @PathVariable UUID id, @RequestBody DelayBody body) {
		UUID day = delayedDays.record(actor, id, body.day(), body.reason(), body.attribution(), body.note());
		return ResponseEntity.created(URI.create("/api/v1/admissions/" + id)).body(Map.of("id", day));
	}

	@PostMapping("/delayed-days/{id}/answers")
	@Operation(summary = "Agree with or dispute the other partner's attribution",
			description = "Both views stay on record; a stale version (someone answered first) is 409.")
	ResponseEntity<Void> answer(Actor actor, @PathVariable UUID id, @RequestBody AnswerBody body) {
		delayedDays.answer(actor, id, body.version(), body.agree(), body.attribution(), body.note());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/discharges/report")
	@Operation(summary = "Delayed days of a month by reason, attribution and pathway",
			description = "For team managers; counts the admissions the caller may see. Small numbers are not suppressed (an internal management report).")
	MonthlyReport report(Actor actor, @RequestParam YearMonth month) {
		return reports.monthly(actor, month);
	}

	@GetMapping("/discharges/rule-sets")
	@Operation(summary = "The dated discharge rule sets")
	List<RuleSet> ruleSets() {
		return ruleSets.all();
	}

	@PostMapping("/discharges/rule-sets")
	@Operation(summary = "Add a partnership's local agreement rule set (administrators)",
			description = "400 naming every field at fault, including dates that overlap another local agreement.")
	ResponseEntity<Map<String, UUID>> addRuleSet(Actor actor, @RequestBody NewRuleSet rules) {
		UUID id = ruleSets.addLocalAgreement(actor, rules);
		return ResponseEntity.created(URI.create("/api/v1/discharges/rule-sets/" + id)).body(Map.of("id", id));
	}

	@GetMapping("/discharges/rule-sets/{id}")
	@Operation(summary = "One discharge rule set, with the version a change must name")
	RuleSet ruleSet(@PathVariable UUID id) {
		return ruleSets.ruleSet(id);
	}

	/** A change to a local agreement: its new rules and the version they were read at. */
	record RuleSetChange(long version, @Nullable String name, @Nullable String legalBasis,
			@Nullable LocalDate validFrom, @Nullable LocalDate validTo, boolean statutoryNotices,
			@Nullable Integer assessmentNoticeMaxDaysBeforeAdmission,
			@Nullable Integer dischargeNoticeMinDaysBeforeDischarge, @Nullable Integer assessmentPeriodDays,
			java.math.@Nullable BigDecimal dailyReimbursement) {
	}

	@PutMapping("/discharges/rule-sets/{id}")
	@Operation(summary = "Change a local agreement's rule set (administrators)",
			description = "400 naming every field at fault, including dates that overlap another local agreement, or that no longer cover an admission or daily rate recorded under the rules; the notices and periods of rules already applied to an admission cannot change. 403 for a national rule set; 409 when the version is stale.")
	ResponseEntity<Void> changeRuleSet(Actor actor, @PathVariable UUID id, @RequestBody RuleSetChange body) {
		ruleSets.change(actor, id, body.version(), new NewRuleSet(body.name(), body.legalBasis(), body.validFrom(),
				body.validTo(), body.statutoryNotices(), body.assessmentNoticeMaxDaysBeforeAdmission(),
				body.dischargeNoticeMinDaysBeforeDischarge(), body.assessmentPeriodDays(), body.dailyReimbursement()));
		return ResponseEntity.noContent().build();
	}

	/** The last day a local agreement applies, and the version it was read at. */
	record RuleSetEnd(long version, @Nullable LocalDate lastDay) {
	}

	@PostMapping("/discharges/rule-sets/{id}/end")
	@Operation(summary = "End a local agreement's rule set on a day (administrators)",
			description = "The same checks as a change (400 on validTo, 403, 409).")
	ResponseEntity<Void> endRuleSet(Actor actor, @PathVariable UUID id, @RequestBody RuleSetEnd body) {
		ruleSets.end(actor, id, body.version(), body.lastDay());
		return ResponseEntity.noContent().build();
	}

	/** A dated daily rate as the API takes it; amounts in pounds, exact to the penny. */
	record NewRate(@Nullable LocalDate validFrom, @Nullable LocalDate validTo, java.math.@Nullable BigDecimal amount,
			@Nullable String note) {
	}

	@GetMapping("/discharges/rule-sets/{id}/rates")
	@Operation(summary = "The dated daily reimbursement rates of a rule set")
	List<DailyRate> rates(@PathVariable UUID id) {
		return ruleSets.rates(id);
	}

	@PostMapping("/discharges/rule-sets/{id}/rates")
	@Operation(summary = "Add a dated daily reimbursement rate to a rule set (administrators)",
			description = "400 naming every field at fault: dates missing, reversed, outside the rule set's or overlapping another rate; amount missing, negative, over £100,000 or with fractions of a penny; no note of where the rate comes from.")
	ResponseEntity<Map<String, UUID>> addRate(Actor actor, @PathVariable UUID id, @RequestBody NewRate rate) {
		UUID created = ruleSets.addRate(actor, id, rate.validFrom(), rate.validTo(), rate.amount(), rate.note());
		return ResponseEntity.created(URI.create("/api/v1/discharges/rule-sets/" + id + "/rates"))
			.body(Map.of("id", created));
	}

	@ExceptionHandler(DischargeRule.class)
	ProblemDetail rule(DischargeRule ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, ex.getMessage());
		problem.setProperty("errors",
				ex.violations().stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList());
		return problem;
	}

	@ExceptionHandler(DischargeRefused.class)
	ProblemDetail refused(DischargeRefused ex) {
		return problem(HttpStatus.FORBIDDEN, ErrorCode.ACCESS_DENIED, ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, ErrorCode code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:seamless:problem:" + code.slug()));
		problem.setProperty("code", code.name());
		return problem;
	}

}
