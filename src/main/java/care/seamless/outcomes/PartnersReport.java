package care.seamless.outcomes;

import java.time.LocalDate;
import java.util.List;

import care.seamless.partnership.PoolStatement;
import org.jspecify.annotations.Nullable;

/**
 * The pooled fund's report to its partners for a quarter, or its annual return: the
 * fund's position and the outcome figures for the whole partnership and for each partner.
 */
public record PartnersReport(boolean annual, String partnershipName, Period period, LocalDate madeOn,
		@Nullable PoolStatement fund, OutcomeReport whole, OutcomeReport byPartner) {

	public List<Measure> measures() {
		return List.of(Measure.values());
	}

}
