package care.seamless.funding;

/**
 * How much of the person's means was looked at: a full assessment with every figure, a
 * light-touch assessment that takes an agreed contribution without the full working, or a
 * decision by the person not to disclose, so that they pay the full cost.
 */
public enum AssessmentKind {

	FULL, LIGHT_TOUCH, DECLINED

}
