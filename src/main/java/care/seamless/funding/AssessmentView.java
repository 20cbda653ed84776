package care.seamless.funding;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * A financial assessment as a reader may see it: the weekly contribution, the full cost,
 * the protected amount, every line of the working, and whether a later assessment
 * replaced it.
 */
public record AssessmentView(UUID id, PersonId personId, AssessmentKind kind, CareSetting setting, String yearLabel,
		LocalDate assessedOn, BigDecimal weeklyCost, BigDecimal weeklyContribution, BigDecimal protectedAmount,
		List<WorkingLine> working, String organisationName, String assessedBy, Instant recordedAt,
		@Nullable UUID replacedBy, long version) {

	public boolean current() {
		return replacedBy == null;
	}

	/** What the council pays each week on top of the person's contribution. */
	public BigDecimal councilPart() {
		return weeklyCost.subtract(weeklyContribution);
	}

}
