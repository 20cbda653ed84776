package care.seamless.funding;

import java.math.BigDecimal;

/**
 * One line of a financial assessment's working: what it is, the amount (a weekly amount
 * or, for capital, a total), and the rule it comes from.
 */
public record WorkingLine(String label, BigDecimal amount, String source) {
}
