package care.seamless.funding;

/**
 * The actor may see the budget but may not do this to it (approve outside their team or
 * panel, authorise an exception without being a manager).
 */
public class FundingRefused extends RuntimeException {

	public FundingRefused(String message) {
		super(message);
	}

}
