package care.seamless.discharge;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Delayed days in one month, counted by reason, by attribution and by pathway, over the
 * admissions the reader may see. Small numbers are not suppressed: this is an internal
 * management report for the partners' managers, not a publication.
 *
 * @param byAttribution keyed by the agreed attribution, or "PROPOSED" and "DISPUTED"
 * while the partners have not agreed
 * @param byPathway keyed by pathway name, or "NONE" before one is chosen
 */
public record MonthlyReport(YearMonth month, int total, Map<DelayReason, Integer> byReason,
		Map<String, Integer> byAttribution, Map<String, Integer> byPathway, List<Disputed> disputed) {

	/** A disputed day with both partners' views, never one overwriting the other. */
	public record Disputed(UUID admissionId, LocalDate day, DelayReason reason, @Nullable Attribution nhsView,
			@Nullable Attribution socialCareView) {
	}

}
