package care.seamless.outcomes;

import java.util.List;
import java.util.UUID;

/** The figures of one partnership for a run of periods, grouped as asked. */
public record OutcomeReport(UUID partnershipId, String partnershipName, Period.Length length,
		Outcomes.Breakdown breakdown, List<Period> periods, List<OutcomeRow> rows) {

	public OutcomeReport {
		periods = List.copyOf(periods);
		rows = List.copyOf(rows);
	}

	public List<OutcomeRow> of(Measure measure) {
		return rows.stream().filter((r) -> r.measure() == measure).toList();
	}

	public List<Measure> measures() {
		return List.of(Measure.values());
	}

}
