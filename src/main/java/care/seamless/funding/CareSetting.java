package care.seamless.funding;

/**
 * Where the care is given, which decides the protected amount: the personal expenses
 * allowance in a care home, the Minimum Income Guarantee elsewhere.
 */
public enum CareSetting {

	RESIDENTIAL, NON_RESIDENTIAL

}
