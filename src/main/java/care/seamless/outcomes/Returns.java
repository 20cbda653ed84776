package care.seamless.outcomes;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.partnership.PooledFunds;
import care.seamless.shared.Actor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The returns a pooled fund makes: the quarterly report to partners and the annual return
 * (fund position and outcomes), and the Better Care Fund quarterly return in the shape of
 * the national template's metrics. Every figure goes through {@link Figure}'s
 * suppression; a metric the record cannot give is said to be so, never estimated.
 */
@Service
public class Returns {

	/**
	 * The national metrics, by the names the Better Care Fund planning and reporting
	 * templates use (2023–25 policy framework); the measure that answers each, or none.
	 */
	public enum BcfMetric {

		AVOIDABLE_ADMISSIONS("Avoidable admissions",
				"Unplanned hospitalisation for chronic ambulatory care sensitive conditions", null,
				"Not computable from the record: admissions carry no diagnosis, so ambulatory care sensitive conditions cannot be identified."),
		FALLS("Falls",
				"Emergency hospital admissions due to falls in people aged 65 and over directly age standardised rate per 100,000",
				null,
				"Not computable from the record: the reason for an admission is not recorded, and age standardisation needs the resident population by age band."),
		DISCHARGE_TO_NORMAL_PLACE_OF_RESIDENCE("Discharge to normal place of residence",
				"Percentage of people, resident in the HWB, who are discharged from acute hospital to their normal place of residence",
				Measure.USUAL_RESIDENCE,
				"Pathway 0 or 1 of discharges with a pathway recorded, for people whose lead professional works for a partner (not by residence)."),
		RESIDENTIAL_ADMISSIONS("Residential admissions",
				"Long-term support needs of older people (age 65 and over) met by admission to residential and nursing care homes, per 100,000 population",
				Measure.CARE_HOME_ADMISSIONS_65,
				"Discharges on pathway 3 only (admissions from the community are not recorded); the population is people aged 65+ on the record, not the ONS estimate."),
		REABLEMENT("Reablement",
				"Proportion of older people (65 and over) who were still at home 91 days after discharge from hospital into reablement / rehabilitation services",
				Measure.HOME_91_DAYS,
				"Pathway 1 discharges at least 91 days ago; at home means no new admission recorded within 91 days (deaths and moves are not recorded).");

		private final String metric;

		private final String definition;

		private final @Nullable Measure measure;

		private final String note;

		BcfMetric(String metric, String definition, @Nullable Measure measure, String note) {
			this.metric = metric;
			this.definition = definition;
			this.measure = measure;
			this.note = note;
		}

		public String metric() {
			return metric;
		}

		public String definition() {
			return definition;
		}

		public @Nullable Measure measure() {
			return measure;
		}

		public String note() {
			return note;
		}

	}

	private final Outcomes outcomes;

	private final PooledFunds funds;

	private final AuditLog auditLog;

	private final Clock clock;

	Returns(Outcomes outcomes, PooledFunds funds, AuditLog auditLog, Clock clock) {
		this.outcomes = outcomes;
		this.funds = funds;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional
	public PartnersReport quarterly(Actor actor, UUID partnershipId, int year, int quarter) {
		Period period = Period.quarter(year, quarter);
		return report(actor, partnershipId, year, period, List.of(period), false);
	}

	@Transactional
	public PartnersReport annual(Actor actor, UUID partnershipId, int year) {
		List<Period> quarters = List.of(Period.quarter(year, 1), Period.quarter(year, 2), Period.quarter(year, 3),
				Period.quarter(year, 4));
		return report(actor, partnershipId, year, Period.financialYear(year), quarters, true);
	}

	private PartnersReport report(Actor actor, UUID partnershipId, int year, Period period, List<Period> periods,
			boolean annual) {
		Outcomes.requireReader(actor);
		OutcomeReport whole = outcomes.report(actor, partnershipId, periods, Outcomes.Breakdown.PARTNERSHIP);
		OutcomeReport byPartner = outcomes.report(actor, partnershipId, periods, Outcomes.Breakdown.ORGANISATION);
		var statement = funds.years(partnershipId).contains(year) ? funds.statement(partnershipId, year) : null;
		auditLog.record(AuditEvent.permitted(actor, annual ? "annual-return" : "quarterly-report", "Partnership",
				partnershipId, null));
		return new PartnersReport(annual, whole.partnershipName(), period, LocalDate.now(clock), statement, whole,
				byPartner);
	}

	/** The report as CSV: one row per figure, fund rows first. */
	public static String csv(PartnersReport report, String suppressed) throws IOException {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder()
					.setHeader("section", "period", "item", "organisation", "numerator", "denominator", "value")
					.setRecordSeparator("\n")
					.get())) {
			var fund = report.fund();
			if (fund != null) {
				for (var partner : fund.partners()) {
					csv.printRecord("fund", fund.yearLabel(), "contributed", partner.name(), "", "",
							partner.contributed().toPlainString());
				}
				for (var line : fund.lines()) {
					csv.printRecord("fund", fund.yearLabel(), "budget: " + line.name(), "", "", "",
							line.budget().toPlainString());
					csv.printRecord("fund", fund.yearLabel(), "spent: " + line.name(), "", "", "",
							line.spent().toPlainString());
					csv.printRecord("fund", fund.yearLabel(), "forecast: " + line.name(), "", "", "",
							line.forecast().toPlainString());
				}
				csv.printRecord("fund", fund.yearLabel(), "pooled", "", "", "", fund.pooled().toPlainString());
				csv.printRecord("fund", fund.yearLabel(), "variance", "", "", "", fund.variance().toPlainString());
			}
			for (OutcomeReport part : List.of(report.whole(), report.byPartner())) {
				for (OutcomeRow row : part.rows()) {
					csv.printRecord("outcome", row.period().label(), row.measure().name(),
							row.organisationName() == null ? "" : row.organisationName(),
							Figure.text(row.figure().numerator(), suppressed),
							row.figure().kind() == Measure.Kind.COUNT ? ""
									: Figure.text(row.figure().denominator(), suppressed),
							row.figure().text(suppressed));
				}
			}
		}
		return out.toString();
	}

	/** The Better Care Fund quarterly return's metrics for the partnership, as CSV. */
	@Transactional
	public String bcf(Actor actor, UUID partnershipId, int year, int quarter, String suppressed) throws IOException {
		Outcomes.requireReader(actor);
		Period period = Period.quarter(year, quarter);
		OutcomeReport whole = outcomes.report(actor, partnershipId, List.of(period), Outcomes.Breakdown.PARTNERSHIP);
		auditLog.record(AuditEvent.permitted(actor, "bcf-return", "Partnership", partnershipId, null));
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder()
					.setHeader("metric", "definition", "period", "numerator", "denominator", "value", "status", "note")
					.setRecordSeparator("\n")
					.get())) {
			for (BcfMetric metric : BcfMetric.values()) {
				Measure measure = metric.measure();
				if (measure == null) {
					csv.printRecord(metric.metric(), metric.definition(), period.label(), "", "", "", "not computable",
							metric.note());
					continue;
				}
				Figure figure = whole.of(measure).get(0).figure();
				csv.printRecord(metric.metric(), metric.definition(), period.label(),
						Figure.text(figure.numerator(), suppressed), Figure.text(figure.denominator(), suppressed),
						figure.text(suppressed), figure.suppressed() ? "suppressed" : "computed", metric.note());
			}
		}
		return out.toString();
	}

}
