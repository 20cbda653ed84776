package care.seamless.funding;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The personal budget statement: the weekly total, the NHS part (support the NHS pays
 * for), the person's contribution and the council's part. The three parts always add up
 * to the total exactly. The contribution comes from the financial assessment and never
 * exceeds the social care part (the total less the NHS part), since nobody pays towards
 * care the NHS funds; until the assessment is done it is unknown, and the council's part
 * is then shown as the whole social care part, before any contribution.
 *
 * @param contribution the person's weekly contribution, or null when not yet known
 */
public record BudgetStatement(BigDecimal total, @Nullable BigDecimal contribution, BigDecimal council, BigDecimal nhs) {

	public static BudgetStatement of(BigDecimal total, BigDecimal nhs, @Nullable BigDecimal assessedContribution) {
		if (total.signum() < 0 || nhs.signum() < 0 || nhs.compareTo(total) > 0) {
			throw new IllegalArgumentException("The NHS part must lie between nothing and the total");
		}
		BigDecimal socialCare = total.subtract(nhs);
		BigDecimal person = assessedContribution == null ? null
				: assessedContribution.signum() < 0 ? Amounts.zero() : assessedContribution.min(socialCare);
		BigDecimal council = person == null ? socialCare : socialCare.subtract(person);
		return new BudgetStatement(Amounts.pounds(total), person == null ? null : Amounts.pounds(person),
				Amounts.pounds(council), Amounts.pounds(nhs));
	}

	public boolean contributionKnown() {
		return contribution != null;
	}

	/** The person's part as a number: nothing until the contribution is known. */
	public BigDecimal personPart() {
		return contribution == null ? Amounts.zero() : contribution;
	}

}
