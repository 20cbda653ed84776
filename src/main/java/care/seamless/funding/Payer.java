package care.seamless.funding;

/** Who pays for one costed action or service in the plan. */
public enum Payer {

	COUNCIL, NHS

}
