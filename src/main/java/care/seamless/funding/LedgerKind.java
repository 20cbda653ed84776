package care.seamless.funding;

/**
 * What a ledger entry records: money paid to the person's direct payment account, money
 * the person gave back, or unspent money the council took back after a review.
 */
public enum LedgerKind {

	PAYMENT, RETURN, SURPLUS_RECLAIMED;

	/** Whether the entry adds to the money held on the direct payment. */
	public boolean paysIn() {
		return this == PAYMENT;
	}

}
